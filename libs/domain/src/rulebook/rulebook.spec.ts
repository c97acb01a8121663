import { InvalidDateError, InvalidRulebookError, RuleNotInForceError, UnknownRuleError } from '../errors';
import { assertWellFormedVersions, createRulebook, defaultRulebook } from './rulebook';
import type { RuleId } from './rule-values';

describe('rulebook', () => {
  it('returns the version in force with its citation', () => {
    const rule = defaultRulebook.rule('questionnaire.returnWithin', '2025-10-20');
    expect(rule).toMatchObject({
      id: 'questionnaire.returnWithin',
      value: { amount: 2, unit: 'weeks' },
      from: '2022-01-01',
      citation: { domainRule: 'D7' },
    });
  });

  it.each<[RuleId, string, unknown]>([
    ['occupationalPhysician.fromMonth', '2025-12-31', 4],
    ['occupationalPhysician.fromMonth', '2026-01-01', 1],
    ['rtwFund.eligibleGroups', '2025-03-31', ['medicalForceMajeure']],
    ['rtwFund.eligibleGroups', '2025-04-01', ['medicalForceMajeure', 'incapacityOverOneYear']],
    ['advisingPhysician.firstAssessmentWithin', '2021-12-31', { amount: 2, unit: 'months' }],
    ['routeC.openedByService', '2024-03-31', { VDAB: '2023-03-01', ACTIRIS: '2023-03-01', FOREM: '2023-05-22' }],
    ['routeC.openedByService', '2024-04-01', { VDAB: '2023-03-01', ACTIRIS: '2023-03-01', FOREM: '2023-05-22' }],
    ['workingDays.weekdays', '2025-11-12', ['mon', 'tue', 'wed', 'thu', 'fri']],
    ['contactMoments.months', '2023-01-01', [4, 7, 11]],
    ['codex.assessmentWithin', '2022-10-01', { amount: 49, unit: 'days' }],
  ])('%s on %s is %j', (id, onDate, value) => {
    expect(defaultRulebook.rule(id, onDate).value).toEqual(value);
  });

  it.each<[RuleId, string]>([
    ['questionnaire.sendAtEndOfWeek', '2021-12-31'], // D7 since 2022
    ['contactMoments.months', '2022-12-31'], // D10 since 2023
    ['noContract.firstConversationWithin', '2025-12-31'], // D11 since 2026-01-01
    ['employer.workPotentialAssessmentAfter', '2025-10-20'],
    ['codex.assessmentWithin', '2022-09-30'], // D19 version of 2022-10-01
    ['advisingPhysician.firstAssessmentWithin', '2022-01-01'], // superseded 2016 rule
    ['rtwFund.eligibleGroups', '2024-03-31'],
    ['regime.selfEmployed.since', '2022-12-31'],
    ['invalidity.renewalCertificateMaxValidity', '2030-01-01'], // D24 not configured
  ])('%s on %s is not in force: a typed error, not a default', (id, onDate) => {
    expect(() => defaultRulebook.rule(id, onDate)).toThrow(RuleNotInForceError);
    try {
      defaultRulebook.rule(id, onDate);
    } catch (error) {
      expect(error).toMatchObject({ ruleId: id, onDate });
    }
  });

  it('makes D24 available from a configured date', () => {
    const rulebook = createRulebook({ invalidityRenewalFrom: '2027-01-01' });
    expect(() => rulebook.rule('invalidity.renewalCertificateMaxValidity', '2026-12-31')).toThrow(RuleNotInForceError);
    expect(rulebook.rule('invalidity.renewalCertificateMaxValidity', '2027-01-01')).toMatchObject({
      value: { amount: 12, unit: 'months' },
      citation: { domainRule: 'D24' },
    });
    expect(() => createRulebook({ invalidityRenewalFrom: '2027-13-01' })).toThrow(InvalidDateError);
  });

  it('rejects unknown rules and invalid dates', () => {
    expect(() => defaultRulebook.rule('no.such.rule' as RuleId, '2025-01-01')).toThrow(UnknownRuleError);
    expect(() => defaultRulebook.rule('invalidity.startsAfter', '2025-02-29')).toThrow(InvalidDateError);
  });

  it('cites a DOMAIN.md rule and a source for every version', () => {
    const rulebook = createRulebook({ invalidityRenewalFrom: '2027-01-01' });
    for (const id of rulebook.ids()) {
      for (const version of rulebook.versions(id)) {
        expect(version.citation.domainRule).toMatch(/^D\d+[a-z]?$/);
        expect(version.citation.source.length).toBeGreaterThan(3);
      }
    }
  });

  it('covers at least D3, D5-D11, D15, D17d and D19-D24', () => {
    const rulebook = createRulebook({ invalidityRenewalFrom: '2027-01-01' });
    const cited = new Set(rulebook.ids().flatMap((id) => rulebook.versions(id).map((v) => v.citation.domainRule)));
    for (const d of ['D3', 'D5', 'D6', 'D7', 'D8', 'D9', 'D10', 'D11', 'D15', 'D17d', 'D19', 'D20', 'D21', 'D22', 'D23', 'D24']) {
      expect(cited).toContain(d);
    }
  });

  it('rejects overlapping or inverted versions', () => {
    const citation = { domainRule: 'D1', source: 'test' };
    expect(() =>
      assertWellFormedVersions('x', [
        { from: '2020-01-01', value: 1, citation },
        { from: '2021-01-01', value: 2, citation },
      ]),
    ).toThrow(InvalidRulebookError);
    expect(() =>
      assertWellFormedVersions('x', [
        { from: '2020-01-01', to: '2021-01-01', value: 1, citation },
        { from: '2021-01-01', value: 2, citation },
      ]),
    ).toThrow(InvalidRulebookError);
    expect(() => assertWellFormedVersions('x', [{ from: '2021-01-01', to: '2020-12-31', value: 1, citation }])).toThrow(
      InvalidRulebookError,
    );
    expect(() =>
      assertWellFormedVersions('x', [
        { from: '2020-01-01', to: '2020-12-31', value: 1, citation },
        { from: '2021-01-01', value: 2, citation },
      ]),
    ).not.toThrow();
  });
});
