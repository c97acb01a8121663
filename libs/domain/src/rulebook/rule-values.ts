import type { Period, Weekday } from '../calendar/dates';
import type { Citation } from '../explanation';
import type { EmploymentService, ExclusionCategory, IsoDate, LetterKind } from '../types';

/** D17d: who may get a private provider paid by the return-to-work fund. */
export type RtwFundGroup = 'medicalForceMajeure' | 'incapacityOverOneYear';

/** A rule that states a condition rather than a number; refusals cite it by id. */
export type Principle = string;

/** The value type of every rule, by id. Adding a rule starts here. */
export interface RuleValues {
  'invalidity.startsAfter': Period;
  'scope.recognisedIncapacity': Principle;
  'scope.excludedCategories': ExclusionCategory[];
  'regime.employee.since': IsoDate;
  'regime.selfEmployed.since': IsoDate;
  'participation.voluntary': Principle;
  'relapse.primaryWindow': Period;
  'relapse.invalidityWindow': Period;
  'advisingPhysician.firstAssessmentWithin': Period;
  'advisingPhysician.followUpEvery': Period;
  'occupationalPhysician.fromMonth': number;
  'questionnaire.sendAtEndOfWeek': number;
  'questionnaire.returnWithin': Period;
  'category.decisionAtMonth': number;
  'coordinator.firstContactWithin': Period;
  'contactMoments.months': number[];
  'employer.workPotentialAssessmentAfter': Period;
  'employer.reintegrationStartWithin': Period;
  'noContract.firstConversationWithin': Period;
  'routeA.advisingPhysicianReferral': Principle;
  'routeB.advisingPhysicianAgreement': Principle;
  'routeC.openedByService': Partial<Record<EmploymentService, IsoDate>>;
  'routeC.spontaneousRegistrationOnly': Principle;
  'routeC.invalidityConfirmedByMutuality': Principle;
  'employmentService.byResidence': Principle;
  'rtwFund.eligibleGroups': RtwFundGroup[];
  'codex.assessmentWithin': Period;
  'codex.planWithinAfterDecisionA': Period;
  'codex.planWithinAfterDecisionB': Period;
  'codex.acceptPlanWithin': Period;
  'presumption.maxDuration': Period;
  'letters.registeredLetterRequiredFor': LetterKind[];
  'training.reevaluationAfter': Period;
  'partialResumption.requestDueWorkingDaysBefore': number;
  'workingDays.weekdays': Weekday[];
  'invalidity.renewalCertificateMaxValidity': Period;
}

export type RuleId = keyof RuleValues;

/** One version of a rule, in force from `from` to `to`, both inclusive (`to` absent: still in force). */
export interface RuleVersion<V> {
  from: IsoDate;
  to?: IsoDate;
  value: V;
  citation: Citation;
}

export interface RuleDefinition<V> {
  /** What the rule governs, in one line. */
  governs: string;
  versions: readonly RuleVersion<V>[];
}

export type RuleDefinitions = { [Id in RuleId]: RuleDefinition<RuleValues[Id]> };
