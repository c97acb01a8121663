import type { Actor } from '@tnw/contracts';
import type { BRUSSELS_ZONE, Citation } from '@tnw/domain';
import type { DataConverter } from '@temporalio/common';
import type { AuditSubject } from './audit-subject';
import type { WorkflowRunHistory } from './history-export';

/** The audit_log row as the timeline needs it (libs/persistence's AuditEntryEntity fits). */
export interface AuditLogRecord {
  id: string;
  idempotencyKey: string;
  actorId: string;
  actorRole: string;
  action: string;
  reason: string | null;
  occurredAt: Date | string;
  recordedAt: Date | string;
}

export type TimelineKind =
  | 'workflowStarted'
  | 'humanStep'
  | 'partnerEvent'
  | 'deadlineSet'
  | 'deadlinePassed'
  | 'deadlineCleared'
  | 'partnerCall'
  | 'childStarted'
  | 'childEnded'
  | 'continuedAsNew'
  | 'workflowEnded';

/** A rule of the rulebook, in the version in force on the entry's day, and what it gave. */
export interface TimelineRule {
  id: string;
  /** What the rule governs, from the rulebook. */
  text: string;
  citation: Citation;
  version: { from: string; to?: string };
  /** The one-line explanation the workflow computed with it (a deadline's, a decision's), when the history holds it. */
  explanation?: string;
}

export type Detail = string | number | boolean;

export interface TimelineEntry {
  /** When it happened, ISO 8601 in Europe/Brussels time (with its offset). */
  at: string;
  kind: TimelineKind;
  what: string;
  workflowId: string;
  runId: string;
  eventId: number;
  /** Human steps: who took it, in which role, and the reason they gave. */
  actor?: Actor;
  reason?: string;
  details?: Record<string, Detail>;
  rule?: TimelineRule;
  /**
   * Human steps: the audit_log row the workflow wrote for it (matched by its idempotency key:
   * workflow ID / run ID / activity ID), or `missing` when the table has none.
   */
  auditLog?: { entryId: string; action: string; recordedAt: string } | 'missing';
}

export interface Timeline {
  subject: AuditSubject;
  timeZone: typeof BRUSSELS_ZONE;
  generatedAt: string;
  entries: TimelineEntry[];
  /** audit_log rows of the subject that no history accounts for: each one deserves a question. */
  unmatchedAuditEntries: Array<{ entryId: string; at: string; actor: Actor; action: string; reason?: string }>;
  /**
   * Payloads the data converter could not decode (the person's key was erased, or another master
   * key): the entries they belong to show no actor, reason or details.
   */
  undecodablePayloads: number;
}

export interface TimelineInput {
  subject: AuditSubject;
  namespace?: string;
  runs: WorkflowRunHistory[];
  auditEntries: AuditLogRecord[];
  /** The production data converter (payloads are encrypted per person). Default: Temporal's. */
  dataConverter?: DataConverter;
  now?: Date;
}
