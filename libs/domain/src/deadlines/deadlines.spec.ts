import { belgianHolidayCalendar } from '../calendar/belgian-holidays';
import { holidayCalendarOf } from '../calendar/working-days';
import { RuleNotInForceError } from '../errors';
import { createRulebook } from '../rulebook/rulebook';
import { createDeadlines, deadlines } from './deadlines';

describe('first year of an incapacity starting on Monday 2025-10-20', () => {
  const start = '2025-10-20';

  it('D7: questionnaire at the end of week 10, returned within 2 weeks', () => {
    const sent = deadlines.questionnaireSentOn(start);
    expect(sent).toMatchObject({ kind: 'on', date: '2025-12-28', firesAt: '2025-12-28T00:00:00.000+01:00' });
    expect(sent.expiresAt).toBeUndefined();
    expect(sent.explanation).toMatchObject({
      ruleId: 'questionnaire.sendAtEndOfWeek',
      citation: { domainRule: 'D7' },
      inputs: { incapacityStart: start, ruleValue: 10, ruleInForceFrom: '2022-01-01' },
      result: '2025-12-28',
    });
    expect(sent.explanation.text).toContain('end of week 10');

    expect(deadlines.questionnaireReturnDue(sent.date)).toMatchObject({
      kind: 'until',
      date: '2026-01-11',
      firesAt: '2026-01-11T00:00:00.000+01:00',
      expiresAt: '2026-01-12T00:00:00.000+01:00',
      explanation: { ruleId: 'questionnaire.returnWithin', citation: { domainRule: 'D7' } },
    });
  });

  it('D10: contact moments in months 4, 7 and 11', () => {
    const moments = deadlines.contactMoments(start);
    expect(moments.map(({ opensOn, date, firesAt, expiresAt }) => ({ opensOn, date, firesAt, expiresAt }))).toEqual([
      {
        opensOn: '2026-01-20',
        date: '2026-02-19',
        firesAt: '2026-02-19T00:00:00.000+01:00',
        expiresAt: '2026-02-20T00:00:00.000+01:00',
      },
      {
        opensOn: '2026-04-20',
        date: '2026-05-19',
        firesAt: '2026-05-19T00:00:00.000+02:00',
        expiresAt: '2026-05-20T00:00:00.000+02:00',
      },
      {
        opensOn: '2026-08-20',
        date: '2026-09-19',
        firesAt: '2026-09-19T00:00:00.000+02:00',
        expiresAt: '2026-09-20T00:00:00.000+02:00',
      },
    ]);
    expect(moments[1].explanation).toMatchObject({
      ruleId: 'contactMoments.months',
      inputs: { month: 7 },
      result: { opensOn: '2026-04-20', date: '2026-05-19' },
    });
  });

  it('D8: classification in month 4', () => {
    expect(deadlines.categoryDecisionDue(start)).toMatchObject({
      opensOn: '2026-01-20',
      date: '2026-02-19',
      explanation: { citation: { domainRule: 'D8' } },
    });
  });

  it('D1: invalidity starts one year after the start', () => {
    expect(deadlines.invalidityStartsOn(start)).toMatchObject({
      kind: 'on',
      date: '2026-10-20',
      firesAt: '2026-10-20T00:00:00.000+02:00',
      explanation: { ruleId: 'invalidity.startsAfter', citation: { domainRule: 'D1' } },
    });
  });

  it('D6/D11: the occupational physician acts from month 4 under the 2016 rules, from month 1 since 2026', () => {
    expect(deadlines.occupationalPhysicianFrom(start).date).toBe('2026-01-20');
    expect(deadlines.occupationalPhysicianFrom('2026-01-05').date).toBe('2026-01-05');
    expect(deadlines.occupationalPhysicianFrom(start, '2026-01-01')).toMatchObject({
      date: start,
      explanation: { citation: { domainRule: 'D11' } },
    });
  });

  it('D11 obligations are not in force for an episode starting in 2025', () => {
    expect(() => deadlines.employerWorkPotentialAssessmentOn(start)).toThrow(RuleNotInForceError);
    expect(() => deadlines.employerReintegrationStartDue(start)).toThrow(RuleNotInForceError);
  });
});

describe('deadline tables', () => {
  it.each([
    // helper, reference, expected date, expiresAt
    ['coordinatorFirstContactDue', '2025-03-10', '2025-04-10', '2025-04-11T00:00:00.000+02:00'],
    ['coordinatorFirstContactDue', '2025-01-31', '2025-02-28', '2025-03-01T00:00:00.000+01:00'], // month end clamps
    ['coordinatorFirstContactDue', '2024-01-31', '2024-02-29', '2024-03-01T00:00:00.000+01:00'],
    ['advisingPhysicianFirstAssessmentDue', '2019-05-31', '2019-07-31', '2019-08-01T00:00:00.000+02:00'],
    ['advisingPhysicianFollowUpDue', '2025-11-30', '2026-02-28', '2026-03-01T00:00:00.000+01:00'],
    ['employerReintegrationStartDue', '2026-01-05', '2026-07-05', '2026-07-06T00:00:00.000+02:00'],
    ['noContractFirstConversationDue', '2026-01-31', '2026-02-28', '2026-03-01T00:00:00.000+01:00'],
    ['codexAssessmentDue', '2025-03-10', '2025-04-28', '2025-04-29T00:00:00.000+02:00'],
    ['codexPlanAcceptanceDue', '2025-03-16', '2025-03-30', '2025-03-31T00:00:00.000+02:00'], // due on the spring DST Sunday
    ['codexPlanAcceptanceDue', '2025-10-12', '2025-10-26', '2025-10-27T00:00:00.000+01:00'], // due on the autumn DST Sunday
    ['presumptionEnds', '2025-01-15', '2025-07-14', '2025-07-15T00:00:00.000+02:00'],
    ['presumptionEnds', '2025-03-01', '2025-08-31', '2025-09-01T00:00:00.000+02:00'],
    ['presumptionEnds', '2025-08-31', '2026-02-27', '2026-02-28T00:00:00.000+01:00'], // clamps to 28 Feb, then the day before
  ] as const)('%s(%s) = %s', (helper, reference, date, expiresAt) => {
    expect(deadlines[helper](reference)).toMatchObject({ kind: 'until', date, expiresAt });
  });

  it.each([
    ['employerWorkPotentialAssessmentOn', '2026-01-05', '2026-03-02', '2026-03-02T00:00:00.000+01:00'],
    ['trainingReevaluationOn', '2025-06-30', '2025-12-30', '2025-12-30T00:00:00.000+01:00'],
    ['invalidityStartsOn', '2024-02-29', '2025-02-28', '2025-02-28T00:00:00.000+01:00'],
  ] as const)('%s(%s) = %s', (helper, reference, date, firesAt) => {
    expect(deadlines[helper](reference)).toMatchObject({ kind: 'on', date, firesAt });
  });

  it('D19: the plan is due 63 days after A, 6 months after B', () => {
    expect(deadlines.codexPlanDue('2025-03-10', 'A')).toMatchObject({
      date: '2025-05-12',
      explanation: { ruleId: 'codex.planWithinAfterDecisionA', inputs: { decision: 'A' } },
    });
    expect(deadlines.codexPlanDue('2025-03-10', 'B')).toMatchObject({
      date: '2025-09-10',
      explanation: { ruleId: 'codex.planWithinAfterDecisionB' },
    });
    expect(deadlines.codexPlanDue('2025-08-31', 'B').date).toBe('2026-02-28');
    expect(() => deadlines.codexAssessmentDue('2022-09-30')).toThrow(RuleNotInForceError);
  });

  it('D6: the 2016 first assessment is not in force after 2021', () => {
    expect(() => deadlines.advisingPhysicianFirstAssessmentDue('2022-01-01')).toThrow(RuleNotInForceError);
  });
});

describe('D23 partial resumption: due on the working day before', () => {
  const belgium = belgianHolidayCalendar();

  it.each([
    ['2025-11-12', '2025-11-10', '2025-11-11T00:00:00.000+01:00'], // day after Armistice
    ['2026-04-07', '2026-04-03', '2026-04-04T00:00:00.000+02:00'], // day after Easter Monday
    ['2025-05-02', '2025-04-30', '2025-05-01T00:00:00.000+02:00'], // day after Labour Day
    ['2025-03-31', '2025-03-28', '2025-03-29T00:00:00.000+01:00'], // Monday after the DST weekend
    ['2025-10-22', '2025-10-21', '2025-10-22T00:00:00.000+02:00'],
  ])('resumption on %s: due %s', (resumption, date, expiresAt) => {
    expect(deadlines.partialResumptionRequestDue(resumption, belgium)).toMatchObject({ kind: 'until', date, expiresAt });
  });

  it('explains the days it skipped and the working-week rule', () => {
    const due = deadlines.partialResumptionRequestDue('2025-11-12', belgium);
    expect(due.explanation).toMatchObject({
      ruleId: 'partialResumption.requestDueWorkingDaysBefore',
      citation: { domainRule: 'D23' },
      inputs: { resumptionOn: '2025-11-12', skippedDays: [{ date: '2025-11-11', reason: 'public holiday' }] },
      alsoApplied: [{ ruleId: 'workingDays.weekdays', citation: { domainRule: 'D23' } }],
    });
    const overWeekend = deadlines.partialResumptionRequestDue('2026-04-07', belgium);
    expect(overWeekend.explanation.inputs.skippedDays).toEqual([
      { date: '2026-04-04', reason: 'weekend' },
      { date: '2026-04-05', reason: 'weekend' },
      { date: '2026-04-06', reason: 'public holiday' },
    ]);
  });

  it('gives the same answer with holidays recorded by an activity', () => {
    const recorded = holidayCalendarOf(['2025-11-01', '2025-11-11', '2025-12-25']);
    expect(deadlines.partialResumptionRequestDue('2025-11-12', recorded).date).toBe('2025-11-10');
  });
});

describe('D24 yearly invalidity renewal', () => {
  it('is not in force until configured', () => {
    expect(() => deadlines.invalidityRenewalCertificateValidUntil('2027-03-01')).toThrow(RuleNotInForceError);
  });

  it('a certificate is valid for at most 12 months once configured', () => {
    const configured = createDeadlines(createRulebook({ invalidityRenewalFrom: '2027-01-01' }));
    expect(configured.invalidityRenewalCertificateValidUntil('2027-03-01')).toMatchObject({
      kind: 'until',
      date: '2028-02-29',
      expiresAt: '2028-03-01T00:00:00.000+01:00',
      explanation: { ruleId: 'invalidity.renewalCertificateMaxValidity', citation: { domainRule: 'D24' } },
    });
    expect(() => configured.invalidityRenewalCertificateValidUntil('2026-12-31')).toThrow(RuleNotInForceError);
  });
});
