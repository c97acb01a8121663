import type { IncapacityEpisode } from '../types';
import { decideTrajectoryEligibility, type TrajectoryRequest } from './trajectory-eligibility';

const employee: IncapacityEpisode = { start: '2023-01-10', regime: 'employee', contract: 'noContract' };

function request(overrides: Partial<TrajectoryRequest>): TrajectoryRequest {
  return {
    route: 'A',
    onDate: '2025-06-02',
    episode: employee,
    insuredConsents: true,
    advisingPhysicianAgrees: true,
    ...overrides,
  };
}

const routeC: Partial<TrajectoryRequest> = {
  route: 'C',
  registeredBy: 'insured',
  invalidityConfirmedByMutuality: true,
  employmentService: 'VDAB',
  advisingPhysicianAgrees: undefined,
};

describe('trajectory eligibility', () => {
  it('accepts route A with an explanation naming the rules applied', () => {
    const decision = decideTrajectoryEligibility(request({}));
    expect(decision).toMatchObject({
      eligible: true,
      explanation: { ruleId: 'routeA.advisingPhysicianReferral', citation: { domainRule: 'D13' }, result: 'eligible' },
    });
    if (!decision.eligible) throw new Error('expected eligible');
    expect(decision.explanation.alsoApplied?.map((r) => r.ruleId)).toEqual([
      'regime.employee.since',
      'scope.recognisedIncapacity',
      'scope.excludedCategories',
      'participation.voluntary',
    ]);
  });

  it.each<[string, Partial<TrajectoryRequest>, string, string]>([
    [
      'employee before 2022',
      { onDate: '2021-12-31', episode: { ...employee, start: '2021-06-01' } },
      'regime.employee.since',
      'D3',
    ],
    [
      'self-employed in 2022',
      { onDate: '2022-06-01', episode: { ...employee, regime: 'selfEmployed' } },
      'regime.selfEmployed.since',
      'D3',
    ],
    ['incapacity ended', { episode: { ...employee, end: '2025-05-31' } }, 'scope.recognisedIncapacity', 'D1'],
    ['incapacity not yet started', { onDate: '2023-01-09' }, 'scope.recognisedIncapacity', 'D1'],
    ['work accident', { episode: { ...employee, exclusion: 'workAccident' } }, 'scope.excludedCategories', 'D2'],
    ['occupational disease', { episode: { ...employee, exclusion: 'occupationalDisease' } }, 'scope.excludedCategories', 'D2'],
    [
      'statutory civil servant',
      { episode: { ...employee, exclusion: 'statutoryCivilServant' } },
      'scope.excludedCategories',
      'D2',
    ],
    ['no consent', { insuredConsents: false }, 'participation.voluntary', 'D4'],
    ['route A without referral', { advisingPhysicianAgrees: false }, 'routeA.advisingPhysicianReferral', 'D13'],
    ['route B without agreement', { route: 'B', advisingPhysicianAgrees: undefined }, 'routeB.advisingPhysicianAgreement', 'D14'],
    ['route C before the pilot', { ...routeC, onDate: '2023-02-28' }, 'routeC.openedByService', 'D15'],
    [
      'route C at Forem before it opened',
      { ...routeC, onDate: '2023-05-21', employmentService: 'FOREM' },
      'routeC.openedByService',
      'D15',
    ],
    ['route C at ADG', { ...routeC, employmentService: 'ADG' }, 'routeC.openedByService', 'D15'],
    ['route C asked by the mutuality', { ...routeC, registeredBy: 'mutuality' }, 'routeC.spontaneousRegistrationOnly', 'D15'],
    [
      'route C in primary incapacity',
      { ...routeC, episode: { ...employee, start: '2024-06-03' } },
      'invalidity.startsAfter',
      'D1',
    ],
    [
      'route C without confirmation',
      { ...routeC, invalidityConfirmedByMutuality: false },
      'routeC.invalidityConfirmedByMutuality',
      'D15',
    ],
  ])('refuses %s, naming the rule', (_case, overrides, ruleId, domainRule) => {
    const decision = decideTrajectoryEligibility(request(overrides));
    expect(decision).toMatchObject({ eligible: false, reason: { ruleId, citation: { domainRule } } });
    if (decision.eligible) throw new Error('expected refusal');
    expect(decision.reason.message.length).toBeGreaterThan(10);
  });

  it.each<[string, Partial<TrajectoryRequest>]>([
    ['route B with agreement, any duration', { route: 'B', episode: { ...employee, start: '2025-05-30' } }],
    [
      'self-employed from 2023-01-01',
      { onDate: '2023-01-02', episode: { ...employee, regime: 'selfEmployed', start: '2022-12-01' } },
    ],
    ['employee on 2022-01-01', { onDate: '2022-01-01', episode: { ...employee, start: '2021-11-15' } }],
    ['route C at VDAB during the pilot', { ...routeC, onDate: '2024-03-01' }],
    [
      'route C at Forem on its opening day',
      { ...routeC, onDate: '2023-05-22', employmentService: 'FOREM', episode: { ...employee, start: '2022-01-03' } },
    ],
    ['route C at Actiris after the pilot', { ...routeC, onDate: '2025-06-02', employmentService: 'ACTIRIS' }],
    ['route C on the first day of invalidity', { ...routeC, onDate: '2024-01-10' }],
  ])('accepts %s', (_case, overrides) => {
    expect(decideTrajectoryEligibility(request(overrides)).eligible).toBe(true);
  });

  it('route C eligibility cites D15 and the invalidity rule', () => {
    const decision = decideTrajectoryEligibility(request(routeC));
    if (!decision.eligible) throw new Error('expected eligible');
    expect(decision.explanation).toMatchObject({ ruleId: 'routeC.openedByService', inputs: { employmentService: 'VDAB' } });
    expect(decision.explanation.alsoApplied?.map((r) => r.ruleId)).toContain('invalidity.startsAfter');
  });
});
