import type { Actor, Role } from './actor';
import type { TrainingProject } from './training-review';
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
  /** Absent where no legal deadline applies to the step. */
  dueAt?: string;
}

/** Open tasks of a child workflow (e.g. a training review), kept apart from the trajectory's own. */
export interface ScopedTasks {
  caseId: string;
  scope: 'trainingReview';
  openTasks: OpenTask[];
}

/**
 * What the read model shows of a case; written whole on every state change. Projections can
 * complete out of order (several activities in flight): the read model keeps the highest version.
 */
export interface CaseProjection {
  caseId: string;
  version: number;
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

export interface InvalidityCheck {
  caseId: string;
  personId: string;
  onDate: string;
}

export interface InvalidityResult {
  inInvalidity: boolean;
  since?: string;
}

export interface CoordinatorNotice {
  caseId: string;
  /** What happened, e.g. 'routeC.registered'; shown in the coordinator's feed. */
  step: string;
  message: string;
}

/** Letter kinds as in libs/domain's LetterKind. */
export interface InsuredLetter {
  caseId: string;
  personId: string;
  kind: 'trajectoryStarted' | 'trainingProjectDecision' | 'trajectoryRefused' | 'trajectoryStopped';
  /** Decided by the rulebook (letters.registeredLetterRequiredFor), not by the activity. */
  registered: boolean;
}

export interface LetterSent {
  letterId: string;
  channel: 'ebox' | 'paper';
}

export interface TrainingPayment {
  caseId: string;
  personId: string;
  dossierId: string;
}

export interface EmploymentServiceRegistrationRequest {
  caseId: string;
  personId: string;
  /** As in libs/domain's EmploymentService: VDAB, FOREM, ACTIRIS or ADG. */
  service: string;
  summary?: string;
}

/** A deadline computed outside the workflow (it needs the Belgian holiday calendar, decision 0002). */
export interface ComputedDeadline {
  date: string;
  ruleId: string;
  explanation: string;
}

/** Activities the case workflows call; workflows import this type only. */
export interface CaseActivities {
  verifyMembership(check: MembershipCheck): Promise<MembershipResult>;
  confirmInvalidity(check: InvalidityCheck): Promise<InvalidityResult>;
  projectCase(projection: CaseProjection): Promise<void>;
  replaceTasks(tasks: ScopedTasks): Promise<void>;
  appendAuditEntry(entry: AuditEntry): Promise<void>;
  notifyCoordinator(notice: CoordinatorNotice): Promise<void>;
  sendInsuredLetter(letter: InsuredLetter): Promise<LetterSent>;
  registerTrainingDossier(dossier: { caseId: string; project: TrainingProject }): Promise<{ dossierId: string }>;
  payTrainingIntervention(payment: TrainingPayment): Promise<{ paymentId: string }>;
  registerAtEmploymentService(request: EmploymentServiceRegistrationRequest): Promise<{ registrationId: string }>;
  computePartialResumptionDeadline(request: { resumesOn: string }): Promise<ComputedDeadline>;
  requestEmployerReintegration(request: { caseId: string; personId: string; requestedOn: string }): Promise<{ requestId: string }>;
}
