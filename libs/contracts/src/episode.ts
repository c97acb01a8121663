import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CapacityCategory, ContractStatus, IsoDate, LetterKind, LetterLanguage, Regime } from '@tnw/domain';
import type { AuditEntry } from './activities';
import type { HumanStep, Role } from './actor';
import type { PartnerCallRetry, WaitingPartnerCall } from './partner-calls';

/** Workflow type name: the exported function in workflows/ must carry exactly this name. */
export const EPISODE_WORKFLOW = 'episodeWorkflow' as const;

/** Business key of an incapacity episode: its pseudonymous ID, never the national number. */
export function episodeWorkflowId(episodeId: string): string {
  return `episode-${episodeId}`;
}

/**
 * Operational settings, not law: how long before a deadline the one who must act is reminded.
 * Counted in calendar days before the deadline expires (00:00 Brussels after its last day).
 */
export interface ReminderSettings {
  /** The insured, before the questionnaire's return deadline (D7). */
  questionnaireDaysBefore: number;
  /** Staff (advising physician, team), before a category decision or contact moment window closes (D8, D10). */
  staffDaysBefore: number;
  /** The insured, before the invalidity recognition or certificate expires (D24); one letter per entry. */
  renewalDaysBefore: number[];
}

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  questionnaireDaysBefore: 4,
  staffDaysBefore: 7,
  renewalDaysBefore: [42, 14],
};

export interface EpisodeInput {
  episodeId: string;
  /** Pseudonymous person ID; the national number stays in the persistence layer. */
  personId: string;
  /** First day of incapacity, YYYY-MM-DD (Europe/Brussels): the date the rules are read on. */
  incapacityStartDate: IsoDate;
  regime: Regime;
  contract: ContractStatus;
  language: LetterLanguage;
  /**
   * D24 configuration: first day the yearly invalidity renewal applies (the law is in
   * preparation). Absent: not in force. Comes from the API's configuration, never the environment.
   */
  invalidityRenewalFrom?: IsoDate;
  /** Defaults to DEFAULT_REMINDER_SETTINGS. */
  reminders?: ReminderSettings;
  /** Set only by continue-as-new: the state of the previous run. */
  carried?: EpisodeState;
}

/** `active`: incapacity runs; `ended`: work resumed, a relapse (D5) may still reopen it. */
export type EpisodeStatus = 'active' | 'ended' | 'closed' | 'benefitEnded';
export type EpisodePhase = 'primary' | 'invalidity';

/** A deadline as the state and the read model show it, with the rule that set it. */
export interface EpisodeDeadline {
  /** What must happen, e.g. 'questionnaireReturn'. */
  kind: string;
  /** Windows: the first day (YYYY-MM-DD). */
  opensOn?: IsoDate;
  /** The last day (or the day it happens), YYYY-MM-DD, Europe/Brussels. */
  dueDate: IsoDate;
  /** 00:00 Brussels on dueDate. */
  firesAt: string;
  /** 'until' deadlines: 00:00 Brussels after dueDate, when it is overdue. */
  expiresAt?: string;
  ruleId: string;
  explanation: string;
}

export interface QuestionnaireState {
  sendOn: EpisodeDeadline;
  sentOn?: IsoDate;
  returnDue?: EpisodeDeadline;
  returnedOn?: IsoDate;
  /** D7: not returned in time, the coordinator was asked to contact the person. */
  followUpRequested?: boolean;
}

export interface CategoryState {
  due: EpisodeDeadline;
  category?: CapacityCategory;
  decidedOn?: IsoDate;
  /** The window opened and the task is in the advising physician's inbox. */
  opened?: boolean;
  escalated?: boolean;
  /** D8 category 4: referred to the coordinator, first contact due under D9. */
  referral?: { referredOn: IsoDate; firstContactDue: EpisodeDeadline };
}

export interface ContactMomentState {
  month: number;
  window: EpisodeDeadline;
  heldOn?: IsoDate;
  opened?: boolean;
  escalated?: boolean;
}

/** D11 (episodes from 2026): duties of others, recorded with their deadlines. */
export type EpisodeDutyKind =
  | 'occupationalPhysicianFrom'
  | 'employerWorkPotentialAssessment'
  | 'employerReintegrationStart'
  | 'employmentServiceRegistration';

export interface EpisodeDuty {
  duty: EpisodeDutyKind;
  deadline: EpisodeDeadline;
}

/** D24: the current recognition of invalidity and how it was renewed. */
export interface InvalidityRenewalState {
  /** First day of the current recognition. */
  recognisedFrom: IsoDate;
  validity: EpisodeDeadline;
  basis: 'recognition' | 'certificate' | 'exception';
  exception?: RenewalException;
  renewals: number;
}

export type NonCooperationKind = 'noAnswerToInvitation' | 'missedContact';
export type RenewalException = 'verySeverePathology' | 'veryLongPathology';

/** A notice the episode sent (letter or task), once per key across runs. */
export interface SentNotice {
  key: string;
  at: string;
}

export interface EpisodeState {
  episodeId: string;
  status: EpisodeStatus;
  phase: EpisodePhase;
  /** 1 in the first year of invalidity, incremented by each yearly continue-as-new. */
  invalidityYear?: number;
  invalidityStartsOn: EpisodeDeadline;
  questionnaire: QuestionnaireState;
  category: CategoryState;
  contactMoments: ContactMomentState[];
  duties: EpisodeDuty[];
  renewal?: InvalidityRenewalState;
  relapses: { previousEnd: IsoDate; newStart: IsoDate; explanation: string }[];
  nonCooperation: { occurredOn: IsoDate; kind: NonCooperationKind; recordedAt: string }[];
  endedOn?: IsoDate;
  /** D5: the last day a relapse can start while the episode is ended. */
  relapsePossibleUntil?: IsoDate;
  notices: SentNotice[];
  /** Letters whose partner was tried for the whole bound, each waiting for the coordinator's decision. */
  partnerCalls?: WaitingPartnerCall[];
  nextDeadline?: EpisodeDeadline;
}

// Human steps: each is an update whose validator refuses in the wrong state with a reason.

export interface QuestionnaireReturn extends HumanStep {
  returnedOn: IsoDate;
}

export interface CategoryDecision extends HumanStep {
  category: CapacityCategory;
  decidedOn: IsoDate;
}

export interface ContactMomentHeld extends HumanStep {
  /** The contact month (D10: 4, 7 or 11). */
  month: number;
  heldOn: IsoDate;
}

export type InvalidityRenewal = HumanStep &
  (
    | { basis: 'certificate'; issuedOn: IsoDate; /** Shorter than the legal maximum, if the physician says so. */ validUntil?: IsoDate }
    | { basis: 'exception'; exception: RenewalException; decidedOn: IsoDate }
  );

export interface NonCooperation extends HumanStep {
  kind: NonCooperationKind;
  occurredOn: IsoDate;
}

export interface RelapseReport extends HumanStep {
  newStart: IsoDate;
}

export interface EpisodeEnd extends HumanStep {
  /** Last day of incapacity (work resumed the next day). */
  lastDay: IsoDate;
}

export const episodeStateQuery = defineQuery<EpisodeState>('episodeState');
export const returnQuestionnaireUpdate = defineUpdate<EpisodeState, [QuestionnaireReturn]>('returnQuestionnaire');
export const decideCategoryUpdate = defineUpdate<EpisodeState, [CategoryDecision]>('decideCategory');
export const recordContactMomentUpdate = defineUpdate<EpisodeState, [ContactMomentHeld]>('recordContactMoment');
export const renewInvalidityUpdate = defineUpdate<EpisodeState, [InvalidityRenewal]>('renewInvalidity');
export const recordNonCooperationUpdate = defineUpdate<EpisodeState, [NonCooperation]>('recordNonCooperation');
export const reportRelapseUpdate = defineUpdate<EpisodeState, [RelapseReport]>('reportRelapse');
export const endEpisodeUpdate = defineUpdate<EpisodeState, [EpisodeEnd]>('endEpisode');
export const retryEpisodePartnerCallUpdate = defineUpdate<EpisodeState, [PartnerCallRetry]>('retryPartnerCall');

// Activities.

/**
 * Letters the episode sends. The domain's LetterKind lacks the two D24 letters; they are named
 * here until libs/domain has them (the rulebook then says whether they are registered).
 */
export type EpisodeLetterKind = LetterKind | 'invalidityRenewalReminder' | 'invalidityBenefitEnded';

export interface EpisodeLetter {
  episodeId: string;
  personId: string;
  kind: EpisodeLetterKind;
  language: LetterLanguage;
  /** From the rulebook (letters.registeredLetterRequiredFor) on the day it is sent. */
  registered: boolean;
  /** Stable across retries and continue-as-new: the partner sends each key once. */
  idempotencyKey: string;
}

export type TaskStage = 'open' | 'reminder' | 'escalation';

/** A task put in a role's inbox, a reminder of it, or its escalation to the supervisor. */
export interface EpisodeTaskNotice {
  episodeId: string;
  /** e.g. 'categoryDecision', 'contactMoment-7', 'referral', 'questionnaireFollowUp'. */
  kind: string;
  role: Role;
  stage: TaskStage;
  dueAt: string;
  ruleId: string;
  idempotencyKey: string;
}

export interface EpisodeTask {
  kind: string;
  role: Role;
  dueAt: string;
}

/** What the read model shows of an episode; written whole on every state change. */
export interface EpisodeProjection {
  episodeId: string;
  personId: string;
  status: EpisodeStatus;
  phase: EpisodePhase;
  category?: CapacityCategory;
  nextDeadline?: EpisodeDeadline;
  openTasks: EpisodeTask[];
  /** Keys of the letters and task notices sent so far. */
  notices: string[];
}

/** D12: the mutuality's benefits service decides on any sanction; the episode only tells it. */
export interface NonCooperationNotice {
  episodeId: string;
  personId: string;
  kind: NonCooperationKind;
  occurredOn: IsoDate;
  idempotencyKey: string;
}

/**
 * Activities of the episode workflow; workflows import this type only. Activity names are the
 * worker's activity types, unique across workflows: `appendAuditEntry` is the same activity as in
 * CaseActivities (same AuditEntry, `caseId` carrying the episode ID); the others are the episode's.
 */
export interface EpisodeActivities {
  /** eBox when the insured activated it, paper otherwise; registered when asked. */
  sendEpisodeLetter(letter: EpisodeLetter): Promise<void>;
  openTask(task: EpisodeTaskNotice): Promise<void>;
  projectEpisode(projection: EpisodeProjection): Promise<void>;
  appendAuditEntry(entry: AuditEntry): Promise<void>;
  notifyNonCooperation(notice: NonCooperationNotice): Promise<void>;
}
