import type { Actor, Role } from './actor';
import type { DeadlineView, Route, TrajectoryStatus } from './trajectory';

export interface MembershipCheck {
  caseId: string;
  personId: string;
}

export interface MembershipResult {
  member: boolean;
  /** Code of the mutuality that pays the benefit, when a member. */
  mutuality?: string;
}

export interface OpenTask {
  /** Stable per case: a projection replaces the task of the same kind. */
  kind: string;
  role: Role;
  dueAt: string;
}

/** What the read model shows of a case; written whole on every state change. */
export interface CaseProjection {
  caseId: string;
  route: Route;
  status: TrajectoryStatus;
  mutuality?: string;
  nextDeadline?: DeadlineView;
  openTasks: OpenTask[];
}

export interface AuditEntry {
  caseId: string;
  actor: Actor;
  action: string;
  reason?: string;
  /** When the workflow accepted the step (workflow time, ISO 8601). */
  occurredAt: string;
}

/** Activities the case workflows call; workflows import this type only. */
export interface CaseActivities {
  verifyMembership(check: MembershipCheck): Promise<MembershipResult>;
  projectCase(projection: CaseProjection): Promise<void>;
  appendAuditEntry(entry: AuditEntry): Promise<void>;
}
