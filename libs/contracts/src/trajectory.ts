import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { HumanStep } from './actor';

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
}

export type TrajectoryStatus =
  | 'verifyingMembership'
  | 'awaitingFirstContact'
  | 'firstContactOverdue'
  | 'firstContactHeld'
  | 'notAMember';

export interface DeadlineView {
  /** What must happen, e.g. 'firstContact'. */
  kind: string;
  /** The calendar day it is due, YYYY-MM-DD (Europe/Brussels). */
  dueDate: string;
  /** The instant after which it is overdue (ISO 8601). */
  expiresAt: string;
  ruleId: string;
  explanation: string;
}

export interface TrajectoryState {
  caseId: string;
  route: Route;
  status: TrajectoryStatus;
  /** Code of the mutuality that pays the benefit, once membership is confirmed. */
  mutuality?: string;
  nextDeadline?: DeadlineView;
  firstContactDate?: string;
}

export interface FirstContactDecision extends HumanStep {
  /** The day the conversation took place, YYYY-MM-DD. */
  heldOn: string;
}

export const trajectoryStateQuery = defineQuery<TrajectoryState>('trajectoryState');
export const recordFirstContactUpdate = defineUpdate<TrajectoryState, [FirstContactDecision]>('recordFirstContact');
