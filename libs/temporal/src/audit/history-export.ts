import type { Client } from '@temporalio/client';
import { historyFromJSON, historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { temporal } from '@temporalio/proto';
import { rootWorkflowIdOf, type AuditSubject } from './audit-subject';

export type History = temporal.api.history.v1.IHistory;

/** One run of one workflow, with its full event history as Temporal stores it. */
export interface WorkflowRunHistory {
  workflowId: string;
  runId: string;
  workflowType: string;
  /** The workflow that started this one as a child (a training review's trajectory). */
  parentWorkflowId?: string;
  history: History;
}

export const HISTORY_EXPORT_FORMAT = 'tnw-audit-histories/1' as const;

/**
 * The export of a case or an episode: every run of its workflow (a continued-as-new chain,
 * oldest run first) followed by the runs of the child workflows it started (a case's training
 * reviews), each history in Temporal's own JSON format (as `temporal workflow show --output json`
 * and the Web UI's download write it), so Temporal's tools read each one unchanged.
 * Payloads stay as stored: encrypted per person, they replay and decode with the production
 * data converter only, and the file itself holds no plaintext personal data.
 */
export interface HistoryExport {
  format: typeof HISTORY_EXPORT_FORMAT;
  subject: AuditSubject;
  namespace: string;
  exportedAt: string;
  workflows: ExportedWorkflowRun[];
}

export interface ExportedWorkflowRun {
  workflowId: string;
  runId: string;
  workflowType: string;
  parentWorkflowId?: string;
  /** Temporal's JSON history: `{ "events": [...] }`. */
  history: unknown;
}

/** Thrown when the subject has no workflow in Temporal (unknown ID, or its history was deleted). */
export class SubjectNotFoundError extends Error {
  constructor(readonly subject: AuditSubject) {
    super(`no workflow history for ${subject.kind} ${subject.id}`);
    this.name = 'SubjectNotFoundError';
  }
}

/**
 * Fetches every run of the subject's workflow and of the child workflows it started. The chain
 * of runs is followed backwards from the latest one through `continuedExecutionRunId` (no
 * dependence on the eventually consistent visibility store); children are found in the
 * parents' `ChildWorkflowExecutionStarted` events.
 */
export async function collectHistories(client: Client, subject: AuditSubject): Promise<WorkflowRunHistory[]> {
  const collected: WorkflowRunHistory[] = [];
  const seenWorkflows = new Set<string>();
  const seenRuns = new Set<string>();

  async function collect(workflowId: string, parentWorkflowId?: string): Promise<void> {
    if (seenWorkflows.has(workflowId)) return;
    seenWorkflows.add(workflowId);
    let latest;
    try {
      latest = await client.workflow.getHandle(workflowId).describe();
    } catch (error) {
      if (isNotFound(error) && parentWorkflowId === undefined) throw new SubjectNotFoundError(subject);
      if (isNotFound(error)) return; // a child whose history the server no longer keeps
      throw error;
    }
    const runs: WorkflowRunHistory[] = [];
    let runId: string | undefined = latest.runId;
    while (runId && !seenRuns.has(runId)) {
      seenRuns.add(runId);
      const history: History = await client.workflow.getHandle(workflowId, runId).fetchHistory();
      const started = history.events?.[0]?.workflowExecutionStartedEventAttributes;
      runs.unshift({ workflowId, runId, workflowType: started?.workflowType?.name ?? latest.type, parentWorkflowId, history });
      runId = started?.continuedExecutionRunId || undefined;
    }
    collected.push(...runs);
    for (const run of runs) {
      for (const child of childWorkflowIdsOf(run.history)) await collect(child, workflowId);
    }
  }

  await collect(rootWorkflowIdOf(subject));
  return collected;
}

/** The workflow IDs of the children a run started, in the order it started them. */
export function childWorkflowIdsOf(history: History): string[] {
  const ids: string[] = [];
  for (const event of history.events ?? []) {
    const id = event.childWorkflowExecutionStartedEventAttributes?.workflowExecution?.workflowId;
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

export function toHistoryExport(
  subject: AuditSubject,
  namespace: string,
  runs: WorkflowRunHistory[],
  now = new Date(),
): HistoryExport {
  return {
    format: HISTORY_EXPORT_FORMAT,
    subject,
    namespace,
    exportedAt: now.toISOString(),
    workflows: runs.map(({ workflowId, runId, workflowType, parentWorkflowId, history }) => ({
      workflowId,
      runId,
      workflowType,
      ...(parentWorkflowId ? { parentWorkflowId } : {}),
      history: JSON.parse(historyToJSON(history)),
    })),
  };
}

/** An export read back (from a file or the API), with its histories as protobuf objects again. */
export function fromHistoryExport(data: unknown): { subject: AuditSubject; namespace: string; runs: WorkflowRunHistory[] } {
  const file = data as Partial<HistoryExport>;
  if (file?.format !== HISTORY_EXPORT_FORMAT || !Array.isArray(file.workflows) || !file.subject) {
    throw new Error(`not a history export (expected "format": "${HISTORY_EXPORT_FORMAT}")`);
  }
  return {
    subject: file.subject,
    namespace: file.namespace ?? 'default',
    runs: file.workflows.map((run) => ({
      workflowId: run.workflowId,
      runId: run.runId,
      workflowType: run.workflowType,
      parentWorkflowId: run.parentWorkflowId,
      history: historyFromJSON(run.history),
    })),
  };
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && (error.name === 'WorkflowNotFoundError' || /not found/i.test(error.message));
}
