import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { HumanStep } from './actor';
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
