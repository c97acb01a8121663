/**
 * Domain vocabulary (names from DOMAIN.md's glossary). Everything here is plain,
 * JSON-serialisable data so it can travel through Temporal histories.
 */

/** A calendar day in Europe/Brussels, `YYYY-MM-DD`. Validated at every entry point. */
export type IsoDate = string;

/** An instant as ISO 8601 with the Brussels offset, e.g. `2025-12-28T00:00:00.000+01:00`. */
export type Instant = string;

/** Pseudonymous business key of a case; never derived from the national number. */
export type CaseId = string;

export type LetterLanguage = 'nl' | 'fr' | 'de';

/** D3: the sickness insurance regime of the insured. */
export type Regime = 'employee' | 'selfEmployed';

/** D1: first year of incapacity (`primary`), afterwards `invalidity`. Derived, see `incapacityPhaseOn`. */
export type IncapacityPhase = 'primary' | 'invalidity';

/** D11, D17a, D17d: whether the insured still has an employment contract. */
export type ContractStatus = 'underContract' | 'noContract' | 'endedForMedicalForceMajeure';

/** D2: people outside the scope of a return-to-work trajectory. */
export type ExclusionCategory = 'workAccident' | 'occupationalDisease' | 'statutoryCivilServant';

/** The insured as the workflows see them: no national number here. */
export interface InsuredPerson {
  caseId: CaseId;
  language: LetterLanguage;
  postalCode: string;
}

/** The national number is kept apart from the case and only joined where a partner needs it. */
export interface InsuredIdentity {
  caseId: CaseId;
  nationalNumber: string;
}

/**
 * One incapacity episode; relapses (D5) extend it instead of opening a new one.
 * The phase is not stored because it changes with time: ask `incapacityPhaseOn`.
 */
export interface IncapacityEpisode {
  start: IsoDate;
  /** Last day of incapacity, when it has ended. */
  end?: IsoDate;
  regime: Regime;
  contract: ContractStatus;
  exclusion?: ExclusionCategory;
}

/** D13-D15: how a trajectory was started. */
export type Route = 'A' | 'B' | 'C';

export type TrajectoryStatus = 'requested' | 'refused' | 'active' | 'stopped' | 'completed';

/** D18 */
export type EmploymentService = 'VDAB' | 'FOREM' | 'ACTIRIS' | 'ADG';

export interface Trajectory {
  caseId: CaseId;
  route: Route;
  status: TrajectoryStatus;
  requestedOn: IsoDate;
  /** D20: the engagement declaration signed by insured, coordinator and advising physician. */
  engagementSignedOn?: IsoDate;
  employmentService?: EmploymentService;
}

/** D13 (coordinator) and D17 a-d: where a person can be referred. */
export type ReferralKind = 'coordinator' | 'occupationalPhysician' | 'trainingProject' | 'employmentService' | 'rtwFundProvider';

/** D8: remaining capacity classified by the advising physician in month 4. */
export type CapacityCategory = 1 | 2 | 3 | 4;

/** D21: the advising physician's advice on a training project, and RIZIV's. */
export type Advice = 'favourable' | 'unfavourable';

/** D21 */
export type HcgriDecision = 'approved' | 'refused';

/** D19: A temporarily unfit, B definitively unfit (both: adapted work), C no assessment yet. */
export type CodexDecision = 'A' | 'B' | 'C';

export type LetterKind =
  | 'questionnaire'
  | 'questionnaireReminder'
  | 'invitation'
  | 'trajectoryStarted'
  | 'trainingProjectDecision'
  | 'trajectoryRefused'
  | 'trajectoryStopped';

export type LetterChannel = 'ebox' | 'paper';

export interface Letter {
  kind: LetterKind;
  language: LetterLanguage;
  channel: LetterChannel;
  /** D21: required by `letters.registeredLetterRequiredFor`. */
  registered: boolean;
}
