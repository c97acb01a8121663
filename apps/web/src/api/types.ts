/** The API's answers as the app reads them (apps/api/src; OpenAPI at /docs). */

export const ROLES = [
  'coordinator',
  'advisingPhysician',
  'rizivReviewer',
  'hcgriMember',
  'employmentCounsellor',
  'supervisor',
  'auditor',
  'administrator',
] as const;
export type Role = (typeof ROLES)[number];

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
] as const;

export const EMPLOYMENT_SERVICES = ['VDAB', 'FOREM', 'ACTIRIS', 'ADG'] as const;

export interface Me {
  id: string;
  roles: Role[];
}

export interface Paged<T> {
  total: number;
  items: T[];
}

export interface NextDeadline {
  kind: string;
  dueDate: string;
  expiresAt: string;
  ruleId: string;
}

export interface CaseListItem {
  caseId: string;
  route: string;
  status: string;
  mutuality: string | null;
  employmentService: string | null;
  referralDate: string;
  nextDeadline: NextDeadline | null;
  overdue: boolean;
}

export interface DeadlineView {
  kind: string;
  dueDate: string;
  expiresAt: string;
  ruleId: string;
  explanation: string;
  overdue?: boolean;
}

export interface LiveState {
  status: string;
  mutuality?: string;
  nextDeadline?: DeadlineView;
  firstContactDate?: string;
  refusal?: { ruleId: string; message: string };
  engagementSignedOn?: string;
  presumptionUntil?: string;
  followUpDue?: DeadlineView;
  lastFollowUpOn?: string;
  training?: { title: string; startsOn: string; endsOn: string; status: string; reevaluationOn?: string; reevaluation?: string };
  employmentReferral?: { service: string; status: string; outcome?: string; lastEventOn?: string };
  partialResumption?: {
    resumesOn: string;
    requestedOn: string;
    dueDate: string;
    late: boolean;
    status: string;
    ruleId: string;
    explanation: string;
  };
  rtwFundVoucher?: { provider: string; issuedOn: string; ruleId: string; explanation: string };
  reintegration?: { requestedOn: string; status: string; decision?: string; due?: DeadlineView };
  /** Partner calls tried for their whole bound, waiting for the coordinator's decision (retry-partner-call). */
  partnerCalls?: Array<{ partner: string; effect: string; detail?: string; since: string; retries: number }>;
  outcome?: string;
  endedOn?: string;
}

export interface OpenTask {
  id: string;
  kind: string;
  role: string;
  dueAt: string | null;
  assignee: string | null;
}

export interface CaseView {
  caseId: string;
  workflowId: string;
  route: string;
  status: string;
  mutuality: string | null;
  incapacityStartDate: string;
  referralDate: string;
  nextDeadline: NextDeadline | null;
  openTasks: OpenTask[];
  notifications: Array<{ role: string; step: string; message: string; at: string }>;
  live: LiveState | null;
}

export interface EpisodeView {
  episodeId: string;
  workflowId: string;
  status: string;
  phase: string;
  incapacityStartDate: string;
  category: number | null;
  nextDeadline: { kind: string; dueDate: string; at: string; ruleId: string } | null;
  openTasks: OpenTask[];
  taskNotices: Array<{ kind: string; role: string; stage: string; dueAt: string; ruleId: string; at: string }>;
  nonCooperation: Array<{ kind: string; occurredOn: string; at: string }>;
  live: {
    status: string;
    phase: string;
    nextDeadline?: { kind?: string; dueDate?: string; date?: string; ruleId?: string; explanation?: string };
  } | null;
}

export interface InboxTask {
  id: string;
  source: 'case' | 'episode';
  ownerId: string;
  kind: string;
  role: string;
  dueAt: string | null;
  overdue: boolean;
  assignee: string | null;
}

export interface Citation {
  domainRule: string;
  source: string;
}

export interface RuleDescription {
  ruleId: string;
  governs: string;
  versions: Array<{ from: string; to: string | null; value: unknown; citation: Citation }>;
}

export interface MutualityIndicators {
  mutuality: string;
  firstContacts: number;
  firstContactsWithinDeadline: number;
  trajectoriesStarted: number;
  returnsToWork: number;
}

export interface MonthlyReport {
  month: string;
  mutualities: MutualityIndicators[];
}

export interface TimelineEntry {
  at: string;
  kind: string;
  what: string;
  workflowId: string;
  runId: string;
  eventId: number;
  actor?: { id: string; role: string };
  reason?: string;
  details?: Record<string, string | number | boolean>;
  rule?: { id: string; text: string; citation: Citation; version: { from: string; to?: string }; explanation?: string };
  auditLog?: { entryId: string; action: string; recordedAt: string } | 'missing';
}

export interface Timeline {
  subject: { kind: 'case' | 'episode'; id: string };
  timeZone: string;
  generatedAt: string;
  entries: TimelineEntry[];
  unmatchedAuditEntries: Array<{
    entryId: string;
    at: string;
    actor: { id: string; role: string };
    action: string;
    reason?: string;
  }>;
  undecodablePayloads: number;
}

export type Verdict = 'pending' | 'deterministic' | 'diverged' | 'failed' | 'notFound';

export interface ReplayJob {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  requestedBy?: string;
  requestedAt: string;
  startedAt?: string;
  finishedAt?: string;
  progress: { done: number; total: number };
  summary: Record<Exclude<Verdict, 'pending'>, number>;
  error?: string;
  subjects?: Array<{
    kind: 'case' | 'episode';
    id: string;
    verdict: Verdict;
    problem?: { workflowId: string; verdict: string; eventId?: number; eventType?: string; message?: string };
  }>;
}

/** A field the API refused, with the rule it broke (400). */
export interface Violation {
  field: string;
  rule: string;
  message: string;
}
