import type { EpisodeInput } from '@tnw/contracts';
import { createRulebook, defaultRulebook } from '@tnw/domain';
import { planEpisode, registrationDuty, relapsePossibleUntil } from './episode-plan';
import { refuseInvalidityRenewal, refuseRelapse, type EpisodeContext } from './episode-validation';

const input = (incapacityStartDate: string, contract: EpisodeInput['contract'] = 'underContract'): EpisodeInput => ({
  episodeId: 'e1',
  personId: 'p1',
  incapacityStartDate,
  regime: 'employee',
  contract,
  language: 'nl',
});

describe('episode plan: the rules in force on the episode start', () => {
  it('gives a 2025 episode the 2016 occupational-physician rule and no D11 employer duties', () => {
    // Monday 2025-10-20: occupational physician from month 4 = 2026-01-20 (D6); D11 not in force on 2025-10-20.
    const plan = planEpisode(input('2025-10-20'), defaultRulebook);
    expect(plan.duties.map((d) => [d.duty, d.deadline.dueDate, d.deadline.ruleId])).toEqual([
      ['occupationalPhysicianFrom', '2026-01-20', 'occupationalPhysician.fromMonth'],
    ]);
    // Week 10 ends Sunday 2025-12-28; month 4 runs 2026-01-20..2026-02-19.
    expect(plan.questionnaire.sendOn.dueDate).toBe('2025-12-28');
    expect(plan.category.due).toMatchObject({ opensOn: '2026-01-20', dueDate: '2026-02-19' });
    expect(registrationDuty(input('2025-10-20', 'noContract'), defaultRulebook, '2026-02-10')).toBeUndefined();
  });

  it('gives a 2026 episode the D11 duties: occupational physician from month 1, employer at 8 weeks and 6 months', () => {
    // Monday 2026-01-05: + 56 days = 2026-03-02; + 6 months = 2026-07-05.
    const plan = planEpisode(input('2026-01-05'), defaultRulebook);
    expect(plan.duties.map((d) => [d.duty, d.deadline.dueDate])).toEqual([
      ['occupationalPhysicianFrom', '2026-01-05'],
      ['employerWorkPotentialAssessment', '2026-03-02'],
      ['employerReintegrationStart', '2026-07-05'],
    ]);
    expect(planEpisode(input('2026-01-05', 'noContract'), defaultRulebook).duties).toEqual([]);
    // Without a contract, category 4 on 2026-04-10: first conversation by 2026-05-10.
    expect(registrationDuty(input('2026-01-05', 'noContract'), defaultRulebook, '2026-04-10')?.deadline).toMatchObject({
      dueDate: '2026-05-10',
      ruleId: 'noContract.firstConversationWithin',
    });
  });

  it('keeps the D5 relapse window: 14 days in primary, 3 months in invalidity', () => {
    expect(relapsePossibleUntil('2026-01-05', '2026-03-01', defaultRulebook)).toBe('2026-03-15');
    expect(relapsePossibleUntil('2025-01-06', '2026-03-01', defaultRulebook)).toBe('2026-06-01');
  });
});

describe('episode validators', () => {
  const rules = createRulebook({ invalidityRenewalFrom: '2025-01-01' });
  const base = planEpisode(input('2025-01-06'), rules);

  it('refuses a relapse after the D5 window with the domain explanation', () => {
    const ctx: EpisodeContext = {
      state: { ...base, status: 'ended', endedOn: '2025-03-01' },
      incapacityStartDate: '2025-01-06',
      rules,
      now: new Date('2025-04-01T10:00:00Z'),
    };
    expect(() => refuseRelapse(ctx, { newStart: '2025-03-16', actor: { id: 'c', role: 'coordinator' } })).toThrow(
      /starts after 2025-03-15.*it is a new episode/,
    );
    expect(() => refuseRelapse(ctx, { newStart: '2025-03-15', actor: { id: 'c', role: 'coordinator' } })).not.toThrow();
  });

  it('refuses a certificate longer than 12 months or one that does not extend the recognition (D24)', () => {
    const validity = { kind: 'invalidityRecognition', dueDate: '2027-01-05', firesAt: '', ruleId: 'x', explanation: '' };
    const ctx: EpisodeContext = {
      state: { ...base, phase: 'invalidity', renewal: { recognisedFrom: '2026-01-06', validity, basis: 'recognition', renewals: 0 } },
      incapacityStartDate: '2025-01-06',
      rules,
      now: new Date('2026-12-20T10:00:00Z'),
    };
    const actor = { id: 'a', role: 'advisingPhysician' as const };
    expect(() => refuseInvalidityRenewal(ctx, { basis: 'certificate', issuedOn: '2026-12-15', validUntil: '2027-12-15', actor })).toThrow(
      'a certificate issued on 2026-12-15 is valid until 2027-12-14 at the latest (D24)',
    );
    expect(() => refuseInvalidityRenewal(ctx, { basis: 'certificate', issuedOn: '2026-12-15', validUntil: '2027-01-01', actor })).toThrow(
      'a certificate valid until 2027-01-01 does not extend the recognition, valid until 2027-01-05',
    );
    expect(() => refuseInvalidityRenewal(ctx, { basis: 'certificate', issuedOn: '2026-12-15', actor })).not.toThrow();
  });
});
