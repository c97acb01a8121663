import { assertIsoDate } from '../calendar/dates';
import type { EligibilityDecision, RuleReference } from '../explanation';
import { defaultRulebook, type Rulebook } from '../rulebook/rulebook';
import type { RuleId } from '../rulebook/rule-values';
import type { EmploymentService, IncapacityEpisode, IsoDate, Route } from '../types';
import { incapacityPhaseOn, isIncapacitatedOn } from './incapacity-phase';
import { cite, refuse } from './refusal';

export interface TrajectoryRequest {
  route: Route;
  /** The day the trajectory would start. */
  onDate: IsoDate;
  episode: IncapacityEpisode;
  /** D4 */
  insuredConsents: boolean;
  /** Route A: the advising physician referred the person; route B: agreed health allows it. */
  advisingPhysicianAgrees?: boolean;
  /** Route C: who took the initiative. */
  registeredBy?: 'insured' | 'mutuality';
  /** Route C */
  invalidityConfirmedByMutuality?: boolean;
  /** Route C: where the insured registered. */
  employmentService?: EmploymentService;
}

const REGIME_RULE = { employee: 'regime.employee.since', selfEmployed: 'regime.selfEmployed.since' } as const;

/** D1-D4 for every route, then D13 (A), D14 (B) or D15 (C). The first failing rule is named. */
export function decideTrajectoryEligibility(
  request: TrajectoryRequest,
  rulebook: Rulebook = defaultRulebook,
): EligibilityDecision {
  const { route, onDate, episode } = request;
  assertIsoDate(onDate);
  const applied: RuleId[] = [];
  const refusal = (id: RuleId, message: string) => refuse(rulebook, id, onDate, message);

  const regimeRule = REGIME_RULE[episode.regime];
  if (!rulebook.inForce(regimeRule, onDate)) {
    const opens = rulebook.versions(regimeRule)[0]?.from;
    return refusal(regimeRule, `Trajectories for the ${episode.regime} regime are possible from ${opens}, not on ${onDate}.`);
  }
  applied.push(regimeRule);

  if (!isIncapacitatedOn(episode, onDate)) {
    return refusal('scope.recognisedIncapacity', `The insured is not recognised unfit for work on ${onDate}.`);
  }
  applied.push('scope.recognisedIncapacity');

  if (episode.exclusion && rulebook.rule('scope.excludedCategories', onDate).value.includes(episode.exclusion)) {
    return refusal('scope.excludedCategories', `Out of scope: ${episode.exclusion}.`);
  }
  applied.push('scope.excludedCategories');

  if (!request.insuredConsents) {
    return refusal('participation.voluntary', 'The insured does not consent to a trajectory.');
  }
  applied.push('participation.voluntary');

  if (route === 'A' && !request.advisingPhysicianAgrees) {
    return refusal(
      'routeA.advisingPhysicianReferral',
      'Route A needs a referral by the advising physician, who judged remaining capacities.',
    );
  }
  if (route === 'B' && !request.advisingPhysicianAgrees) {
    return refusal(
      'routeB.advisingPhysicianAgreement',
      "Route B needs the advising physician's agreement that health allows a trajectory.",
    );
  }
  if (route === 'C') {
    const routeCRefusal = checkRouteC(request, rulebook, refusal);
    if (routeCRefusal) return routeCRefusal;
  }
  const routeRule: RuleId =
    route === 'A'
      ? 'routeA.advisingPhysicianReferral'
      : route === 'B'
        ? 'routeB.advisingPhysicianAgreement'
        : 'routeC.openedByService';
  const main = cite(rulebook, routeRule, onDate);
  const alsoApplied: RuleReference[] = [
    ...applied.map((id) => cite(rulebook, id, onDate)),
    ...(route === 'C'
      ? (['invalidity.startsAfter', 'routeC.spontaneousRegistrationOnly', 'routeC.invalidityConfirmedByMutuality'] as const).map(
          (id) => cite(rulebook, id, id === 'invalidity.startsAfter' ? episode.start : onDate),
        )
      : []),
  ];
  return {
    eligible: true,
    explanation: {
      ...main,
      inputs: {
        route,
        onDate,
        regime: episode.regime,
        incapacityStart: episode.start,
        ...(route === 'C' ? { employmentService: request.employmentService ?? null } : {}),
      },
      result: 'eligible',
      text: `A route ${route} trajectory can start on ${onDate} for the ${episode.regime} regime (${routeRule}, ${main.citation.domainRule}).`,
      alsoApplied,
    },
  };
}

function checkRouteC(
  request: TrajectoryRequest,
  rulebook: Rulebook,
  refusal: (id: RuleId, message: string) => EligibilityDecision,
): EligibilityDecision | undefined {
  const { onDate, episode, employmentService } = request;
  if (!rulebook.inForce('routeC.openedByService', onDate)) {
    return refusal('routeC.openedByService', `Route C does not exist on ${onDate}.`);
  }
  const openedOn = employmentService && rulebook.rule('routeC.openedByService', onDate).value[employmentService];
  if (!openedOn || openedOn > onDate) {
    const where = employmentService ?? 'an unknown employment service';
    return refusal(
      'routeC.openedByService',
      `Route C is not open at ${where} on ${onDate}${openedOn ? ` (opens ${openedOn})` : ''}.`,
    );
  }
  if (request.registeredBy !== 'insured') {
    return refusal(
      'routeC.spontaneousRegistrationOnly',
      'Route C starts only on the spontaneous registration of the insured, never at the request of the mutuality.',
    );
  }
  const phase = incapacityPhaseOn(episode.start, onDate, rulebook);
  if (phase.phase !== 'invalidity') {
    return refusal(
      'invalidity.startsAfter',
      `Route C is for persons in invalidity; this incapacity reaches invalidity on ${phase.invalidityStartsOn}.`,
    );
  }
  if (!request.invalidityConfirmedByMutuality) {
    return refusal('routeC.invalidityConfirmedByMutuality', 'The mutuality has not confirmed the invalidity yet.');
  }
  return undefined;
}
