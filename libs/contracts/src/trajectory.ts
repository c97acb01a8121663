import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { HumanStep } from './actor';
import type { PartnerCallRetry, WaitingPartnerCall } from './partner-calls';
import type { TrainingProject } from './training-review';

/** Workflow type name: the exported function in workflows/ must carry exactly this name. */
export const TRAJECTORY_WORKFLOW = 'trajectoryWorkflow' as const;

export type Route = 'A' | 'B' | 'C';

/** Business key of a trajectory: the pseudonymous case ID, never the national number. */
export function trajectoryWorkflowId(caseId: string): string {
  return `trajectory-${caseId}`;
}

export interface TrajectoryInput {
  caseId: string;
  /** Pseudonymous person ID; the national number stays in the persistence layer. */
  personId: string;
  route: Route;
  /** Calendar dates in Europe/Brussels, YYYY-MM-DD. */
  incapacityStartDate: string;
  referralDate: string;
  /** D18: the employment service of the residence (VDAB, FOREM, ACTIRIS, ADG), when one applies. */
  employmentService?: string;
  /** D3, D17d: as registered at the start; absent in cases started before they were recorded. */
  regime?: 'employee' | 'selfEmployed';
  contract?: 'underContract' | 'noContract' | 'endedForMedicalForceMajeure';
}

export type TrajectoryStatus =
  /** Route B: the insured asked; the advising physician must agree that health allows it (D14). */
  | 'awaitingAdvisingPhysicianAgreement'
  /** Route C: the mutuality must confirm invalidity before the trajectory starts (D15). */
  | 'confirmingInvalidity'
  | 'verifyingMembership'
  | 'awaitingFirstContact'
  | 'firstContactOverdue'
  /** End state of the first version of this workflow, which stopped at the first contact. */
  | 'firstContactHeld'
  /** After the first conversation: referrals, training, follow-ups, until an outcome or a stop. */
  | 'active'
  | 'refused'
  | 'notAMember'
  /** The insured stopped, which they may do at any moment (D4). */
  | 'stopped'
  | 'completed';

/** Every status, for filters; the type check below keeps it complete. */
export const TRAJECTORY_STATUSES = [
  'awaitingAdvisingPhysicianAgreement',
  'confirmingInvalidity',
  'verifyingMembership',
  'awaitingFirstContact',
  'firstContactOverdue',
  'firstContactHeld',
  'active',
  'refused',
  'notAMember',
  'stopped',
  'completed',
] as const satisfies readonly TrajectoryStatus[];
const everyStatusListed: Exclude<TrajectoryStatus, (typeof TRAJECTORY_STATUSES)[number]> extends never ? true : never = true;
void everyStatusListed;

/** How a trajectory ended (D17 options and their results). */
export const TRAJECTORY_OUTCOMES = [
  'workResumedOwnEmployer',
  'workResumedOtherEmployer',
  'selfEmployment',
  'stoppedByInsured',
  'medicalReasons',
] as const;
export type TrajectoryOutcome = (typeof TRAJECTORY_OUTCOMES)[number];

export interface DeadlineView {
  /** What must happen, e.g. 'firstContact'. */
  kind: string;
  /** The calendar day it is due, YYYY-MM-DD (Europe/Brussels). */
  dueDate: string;
  /** The instant after which it is overdue (ISO 8601). */
  expiresAt: string;
  ruleId: string;
  explanation: string;
  /** Set once the deadline has passed without the action; the case is then escalated. */
  overdue?: boolean;
}

export interface Refusal {
  ruleId: string;
  message: string;
}

export type TrainingStatus = 'inReview' | 'approved' | 'refused' | 'passed' | 'failed' | 'abandoned';

export interface TrainingView {
  /** Child workflow that reviews the project (advising physician, RIZIV, HCGRI). */
  reviewWorkflowId: string;
  title: string;
  startsOn: string;
  endsOn: string;
  status: TrainingStatus;
  /** D22: the advising physician's re-evaluation, 6 months after passing. */
  reevaluationOn?: string;
  /** `due` from the re-evaluation day until a follow-up on or after it. */
  reevaluation?: 'scheduled' | 'due' | 'done';
}

/** D17c, D18: the registration form sent to the employment service of the residence. */
export interface EmploymentReferralView {
  service: string;
  registrationId?: string;
  status: 'registering' | 'registered' | 'started' | 'inProgress' | 'ended';
  outcome?: string;
  lastEventOn?: string;
}

/** D23: a partial work resumption, requested by the working day before it and authorised. */
export interface PartialResumptionView {
  resumesOn: string;
  requestedOn: string;
  /** The working day before the resumption (Belgian public holidays excluded). */
  dueDate: string;
  /** Requested after the due day: recorded, and shown to the advising physician. */
  late: boolean;
  status: 'awaitingAuthorisation' | 'authorised' | 'refused';
  ruleId: string;
  explanation: string;
}

/** D17d: guidance by a private provider paid by the return-to-work fund. */
export interface RtwFundVoucherView {
  provider: string;
  issuedOn: string;
  ruleId: string;
  explanation: string;
}

/** D17a, D19: reintegration at the own employer (Codex), followed through its deadlines. */
export interface ReintegrationView {
  requestedOn: string;
  requestId?: string;
  status: 'requesting' | 'awaitingAssessment' | 'awaitingPlan' | 'awaitingOutcome' | 'ended';
  /** The occupational physician's decision: A temporarily unfit, B definitively unfit, C not yet assessable. */
  decision?: 'A' | 'B' | 'C';
  /** The deadline of the current stage: assessment (49 days), plan (63 days or 6 months), acceptance (14 days). */
  due?: DeadlineView;
}

export interface TrajectoryState {
  caseId: string;
  route: Route;
  status: TrajectoryStatus;
  /** Code of the mutuality that pays the benefit, once membership is confirmed. */
  mutuality?: string;
  /** The earliest pending deadline, for the read model and the case list. */
  nextDeadline?: DeadlineView;
  firstContactDate?: string;
  refusal?: Refusal;
  /** D20: signed engagement declaration and the presumption of incapacity it starts. */
  engagementSignedOn?: string;
  presumptionUntil?: string;
  /** D6: the advising physician's next follow-up. */
  followUpDue?: DeadlineView;
  lastFollowUpOn?: string;
  training?: TrainingView;
  employmentReferral?: EmploymentReferralView;
  partialResumption?: PartialResumptionView;
  rtwFundVoucher?: RtwFundVoucherView;
  reintegration?: ReintegrationView;
  /** Partner events already applied: a partner may deliver one more than once. */
  appliedEventIds?: string[];
  /** Partner calls retried for their whole bound, each waiting for the coordinator's decision. */
  partnerCalls?: WaitingPartnerCall[];
  outcome?: TrajectoryOutcome;
  endedOn?: string;
}

export interface FirstContactDecision extends HumanStep {
  /** The day the conversation took place, YYYY-MM-DD. */
  heldOn: string;
}

export interface AdvisingPhysicianAgreement extends HumanStep {
  agrees: boolean;
}

export interface EngagementDeclaration extends HumanStep {
  /** Day the last of the three parties (insured, coordinator, advising physician) signed. */
  signedOn: string;
}

export interface TrainingRequest extends HumanStep, TrainingProject {
  /** D21: the insured or the employment service's counsellor submits the project. */
  submittedBy: 'insured' | 'employmentCounsellor';
}

export interface TrainingOutcome extends HumanStep {
  result: 'passed' | 'failed' | 'abandoned';
  on: string;
}

export interface FollowUp extends HumanStep {
  heldOn: string;
}

export interface OutcomeDecision extends HumanStep {
  outcome: Exclude<TrajectoryOutcome, 'stoppedByInsured'>;
  on: string;
}

export type StopRequest = HumanStep;

export interface PartialResumptionRequest extends HumanStep {
  resumesOn: string;
  /** The day the insured's declaration and request reached the mutuality. */
  requestedOn: string;
}

export interface PartialResumptionDecision extends HumanStep {
  authorised: boolean;
}

export interface ReintegrationRequest extends HumanStep {
  /** D17a: only with the insured's consent. */
  consent: boolean;
  requestedOn: string;
}

/** The employer's prevention service calls in (through the API) at each Codex stage. */
export interface EmployerReintegrationEventSignal {
  eventId: string;
  requestId: string;
  event: 'assessment' | 'plan' | 'outcome';
  decision?: 'A' | 'B' | 'C';
  occurredOn: string;
}

export interface RtwFundVoucherRequest extends HumanStep {
  /** The provider chosen among the fund's (439 locations in 2024). */
  provider: string;
  issuedOn: string;
}

export interface EmploymentReferralRequest extends HumanStep {
  /** What the coordinator tells the employment service; no medical details. */
  summary?: string;
}

/** The employment service calls in (through the API) as its trajectory progresses. */
export interface EmploymentServiceEventSignal {
  eventId: string;
  registrationId: string;
  event: 'trajectoryStarted' | 'progress' | 'outcome';
  outcome?: string;
  occurredOn: string;
}

export const trajectoryStateQuery = defineQuery<TrajectoryState>('trajectoryState');
export const recordAdvisingPhysicianAgreementUpdate = defineUpdate<TrajectoryState, [AdvisingPhysicianAgreement]>(
  'recordAdvisingPhysicianAgreement',
);
export const recordFirstContactUpdate = defineUpdate<TrajectoryState, [FirstContactDecision]>('recordFirstContact');
export const signEngagementDeclarationUpdate = defineUpdate<TrajectoryState, [EngagementDeclaration]>('signEngagementDeclaration');
export const fileTrainingRequestUpdate = defineUpdate<TrajectoryState, [TrainingRequest]>('fileTrainingRequest');
export const recordTrainingOutcomeUpdate = defineUpdate<TrajectoryState, [TrainingOutcome]>('recordTrainingOutcome');
export const recordFollowUpUpdate = defineUpdate<TrajectoryState, [FollowUp]>('recordFollowUp');
export const recordOutcomeUpdate = defineUpdate<TrajectoryState, [OutcomeDecision]>('recordOutcome');
export const stopTrajectoryUpdate = defineUpdate<TrajectoryState, [StopRequest]>('stopTrajectory');
export const referToEmploymentServiceUpdate = defineUpdate<TrajectoryState, [EmploymentReferralRequest]>('referToEmploymentService');
export const requestPartialResumptionUpdate = defineUpdate<TrajectoryState, [PartialResumptionRequest]>('requestPartialResumption');
export const decidePartialResumptionUpdate = defineUpdate<TrajectoryState, [PartialResumptionDecision]>('decidePartialResumption');
export const issueRtwFundVoucherUpdate = defineUpdate<TrajectoryState, [RtwFundVoucherRequest]>('issueRtwFundVoucher');
export const referToOccupationalPhysicianUpdate = defineUpdate<TrajectoryState, [ReintegrationRequest]>('referToOccupationalPhysician');
export const retryPartnerCallUpdate = defineUpdate<TrajectoryState, [PartnerCallRetry]>('retryPartnerCall');
export const employerReintegrationEventSignal = defineSignal<[EmployerReintegrationEventSignal]>('employerReintegrationEvent');
export const employmentServiceEventSignal = defineSignal<[EmploymentServiceEventSignal]>('employmentServiceEvent');
