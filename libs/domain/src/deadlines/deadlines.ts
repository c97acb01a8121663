import { addDays, addPeriod, assertIsoDate, endOfWeek, formatPeriod, monthOf, weekdayOf, type Period } from '../calendar/dates';
import { workingDayBefore, type HolidayCalendar } from '../calendar/working-days';
import type { ExplanationValue } from '../explanation';
import type { RuleId, RuleValues } from '../rulebook/rule-values';
import { defaultRulebook, type Rulebook } from '../rulebook/rulebook';
import type { CodexDecision, IsoDate } from '../types';
import { makeDeadline, type Deadline, type DeadlineKind } from './deadline';

/**
 * Deadline helpers. Each takes the reference date the law counts from and, optionally, the
 * date whose rule version applies (`ruleDate`, default: the reference date).
 *
 * Counting conventions (Judicial Code style): "within P after R" ends on R + P, the day of R not
 * counted and the last day included; "lasts at most P from R" covers R itself, so it ends on
 * R + P - 1 day; month arithmetic clamps to the end of shorter months.
 */
export function createDeadlines(rulebook: Rulebook) {
  /**
   * A deadline a period after a reference date. `within`: the period runs from the day after the
   * reference (date = reference + period); `span`: the reference day is the first day covered
   * (date = reference + period - 1 day).
   */
  function afterPeriod(
    id: PeriodRuleId,
    kind: DeadlineKind,
    referenceName: string,
    describe: (period: string, reference: IsoDate, date: IsoDate) => string,
    counting: 'within' | 'span' = 'within',
  ) {
    return (reference: IsoDate, ruleDate: IsoDate = reference): Deadline => {
      const rule = rulebook.rule(id, ruleDate);
      const end = addPeriod(assertIsoDate(reference), rule.value);
      const date = counting === 'span' ? addDays(end, -1) : end;
      return makeDeadline({
        kind,
        date,
        rule,
        inputs: { [referenceName]: reference },
        text: describe(formatPeriod(rule.value), reference, date),
      });
    };
  }

  /** Month `month` of the incapacity: month 4 runs from start + 3 months to the day before start + 4 months. */
  function monthWindow(
    id: 'category.decisionAtMonth' | 'contactMoments.months',
    incapacityStart: IsoDate,
    month: number,
    ruleDate: IsoDate,
    what: string,
  ): Deadline {
    const rule = rulebook.rule(id, ruleDate);
    const { first, last } = monthOf(assertIsoDate(incapacityStart), month);
    return makeDeadline({
      kind: 'until',
      date: last,
      opensOn: first,
      rule,
      inputs: { incapacityStart, month },
      text: `${what} in month ${month} of the incapacity that started on ${incapacityStart}: from ${first} to ${last}`,
    });
  }

  /** D7 */
  function questionnaireSentOn(incapacityStart: IsoDate, ruleDate = incapacityStart): Deadline {
    const rule = rulebook.rule('questionnaire.sendAtEndOfWeek', ruleDate);
    const date = endOfWeek(assertIsoDate(incapacityStart), rule.value);
    return makeDeadline({
      kind: 'on',
      date,
      rule,
      inputs: { incapacityStart },
      text: `The questionnaire is sent at the end of week ${rule.value} of the incapacity that started on ${incapacityStart}: ${date}`,
    });
  }

  /** D8 */
  function categoryDecisionDue(incapacityStart: IsoDate, ruleDate = incapacityStart): Deadline {
    const month = rulebook.rule('category.decisionAtMonth', ruleDate).value;
    return monthWindow(
      'category.decisionAtMonth',
      incapacityStart,
      month,
      ruleDate,
      'The advising physician classifies remaining capacity',
    );
  }

  /** D10: one window per contact month. */
  function contactMoments(incapacityStart: IsoDate, ruleDate = incapacityStart): Deadline[] {
    return rulebook
      .rule('contactMoments.months', ruleDate)
      .value.map((month) => monthWindow('contactMoments.months', incapacityStart, month, ruleDate, 'Contact moment'));
  }

  /** D6 (month 4) until 2025, D11 (month 1) since 2026. */
  function occupationalPhysicianFrom(incapacityStart: IsoDate, ruleDate = incapacityStart): Deadline {
    const rule = rulebook.rule('occupationalPhysician.fromMonth', ruleDate);
    const { first } = monthOf(assertIsoDate(incapacityStart), rule.value);
    return makeDeadline({
      kind: 'on',
      date: first,
      rule,
      inputs: { incapacityStart },
      text: `The occupational physician can act from month ${rule.value} of the incapacity that started on ${incapacityStart}: from ${first}`,
    });
  }

  const codexPlanAfterA = afterPeriod(
    'codex.planWithinAfterDecisionA',
    'until',
    'decisionOn',
    (p, ref, date) => `After decision A of ${ref} the employer's plan is due within ${p}: by ${date}`,
  );
  const codexPlanAfterB = afterPeriod(
    'codex.planWithinAfterDecisionB',
    'until',
    'decisionOn',
    (p, ref, date) => `After decision B of ${ref} the employer's plan is due within ${p}: by ${date}`,
  );

  /** D19: decision C (no assessment yet) has no plan, so only A and B are accepted. */
  function codexPlanDue(decisionOn: IsoDate, decision: Exclude<CodexDecision, 'C'>, ruleDate = decisionOn): Deadline {
    const deadline = (decision === 'A' ? codexPlanAfterA : codexPlanAfterB)(decisionOn, ruleDate);
    return { ...deadline, explanation: { ...deadline.explanation, inputs: { ...deadline.explanation.inputs, decision } } };
  }

  /**
   * D23: the working day(s) before the resumption. Needs a holiday calendar: in a workflow,
   * one built from holidays an activity recorded (`holidayCalendarOf`).
   */
  function partialResumptionRequestDue(resumptionOn: IsoDate, holidays: HolidayCalendar, ruleDate = resumptionOn): Deadline {
    const rule = rulebook.rule('partialResumption.requestDueWorkingDaysBefore', ruleDate);
    const week = rulebook.rule('workingDays.weekdays', ruleDate);
    let date = assertIsoDate(resumptionOn);
    for (let i = 0; i < rule.value; i++) date = workingDayBefore(date, week.value, holidays);
    const skipped: ExplanationValue[] = [];
    for (let day = addDays(date, 1); day < resumptionOn; day = addDays(day, 1)) {
      if (!week.value.includes(weekdayOf(day))) skipped.push({ date: day, reason: 'weekend' });
      else if (holidays.isPublicHoliday(day)) skipped.push({ date: day, reason: 'public holiday' });
    }
    return makeDeadline({
      kind: 'until',
      date,
      rule,
      inputs: { resumptionOn, workingWeek: week.value, skippedDays: skipped },
      text: `The declaration and request for a partial resumption on ${resumptionOn} are due on the working day before it: by ${date}`,
      alsoApplied: [{ ruleId: week.id, citation: week.citation }],
    });
  }

  return {
    /** D1 */
    invalidityStartsOn: afterPeriod(
      'invalidity.startsAfter',
      'on',
      'incapacityStart',
      (p, ref, date) => `Invalidity starts ${p} after the incapacity that started on ${ref}: ${date}`,
    ),
    questionnaireSentOn,
    /** D7 */
    questionnaireReturnDue: afterPeriod(
      'questionnaire.returnWithin',
      'until',
      'sentOn',
      (p, ref, date) => `The questionnaire sent on ${ref} must be returned within ${p}: by ${date}`,
    ),
    categoryDecisionDue,
    contactMoments,
    /** D9 */
    coordinatorFirstContactDue: afterPeriod(
      'coordinator.firstContactWithin',
      'until',
      'referredOn',
      (p, ref, date) => `The coordinator contacts a person referred on ${ref} within ${p}: by ${date}`,
    ),
    /** D6 (2016 rules) */
    advisingPhysicianFirstAssessmentDue: afterPeriod(
      'advisingPhysician.firstAssessmentWithin',
      'until',
      'declaredOn',
      (p, ref, date) => `The advising physician assesses an incapacity declared on ${ref} within ${p}: by ${date}`,
    ),
    /** D6 */
    advisingPhysicianFollowUpDue: afterPeriod(
      'advisingPhysician.followUpEvery',
      'until',
      'previousAssessmentOn',
      (p, ref, date) => `The advising physician follows up ${p} after the assessment of ${ref}: by ${date}`,
    ),
    occupationalPhysicianFrom,
    /** D11 */
    employerWorkPotentialAssessmentOn: afterPeriod(
      'employer.workPotentialAssessmentAfter',
      'on',
      'incapacityStart',
      (p, ref, date) =>
        `The employer has the work potential assessed after ${p} of the incapacity that started on ${ref}: on ${date}`,
    ),
    /** D11 */
    employerReintegrationStartDue: afterPeriod(
      'employer.reintegrationStartWithin',
      'until',
      'incapacityStart',
      (p, ref, date) => `The employer starts a reintegration within ${p} of the incapacity that started on ${ref}: by ${date}`,
    ),
    /** D11 */
    noContractFirstConversationDue: afterPeriod(
      'noContract.firstConversationWithin',
      'until',
      'registeredOn',
      (p, ref, date) =>
        `A person registered at the employment service on ${ref} has a first conversation within ${p}: by ${date}`,
    ),
    /** D19 */
    codexAssessmentDue: afterPeriod(
      'codex.assessmentWithin',
      'until',
      'requestReceivedOn',
      (p, ref, date) => `The occupational physician assesses a reintegration request received on ${ref} within ${p}: by ${date}`,
    ),
    codexPlanDue,
    /** D19 */
    codexPlanAcceptanceDue: afterPeriod(
      'codex.acceptPlanWithin',
      'until',
      'planReceivedOn',
      (p, ref, date) => `The worker accepts or refuses a plan received on ${ref} within ${p}: by ${date}`,
    ),
    /** D20: the presumption covers the signing day, so it ends the day before signing + 6 months. */
    presumptionEnds: afterPeriod(
      'presumption.maxDuration',
      'until',
      'engagementSignedOn',
      (p, ref, date) =>
        `The presumption of incapacity from the engagement declaration signed on ${ref} lasts at most ${p}: until ${date}`,
      'span',
    ),
    /** D22 */
    trainingReevaluationOn: afterPeriod(
      'training.reevaluationAfter',
      'on',
      'trainingPassedOn',
      (p, ref, date) => `The advising physician re-evaluates the incapacity ${p} after the training passed on ${ref}: on ${date}`,
    ),
    partialResumptionRequestDue,
    /** D24: the certificate covers its issue day, so it is valid until issue + 12 months - 1 day. */
    invalidityRenewalCertificateValidUntil: afterPeriod(
      'invalidity.renewalCertificateMaxValidity',
      'until',
      'issuedOn',
      (p, ref, date) => `A renewal certificate issued on ${ref} is valid for at most ${p}: until ${date}`,
      'span',
    ),
  };
}

/** Rules whose value is a period. */
type PeriodRuleId = { [Id in RuleId]: RuleValues[Id] extends Period ? Id : never }[RuleId];

export type Deadlines = ReturnType<typeof createDeadlines>;

/** Deadlines on the default rulebook (D24 not in force). */
export const deadlines: Deadlines = createDeadlines(defaultRulebook);
