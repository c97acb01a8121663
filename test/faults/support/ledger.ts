import { Client, Connection } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { temporal } from '@temporalio/proto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Effect {
  partner: string;
  operation: string;
  idempotencyKey: string;
}
interface Letter {
  caseId: string;
  kind: string;
  registered: boolean;
}

/** What each completed trajectory of runTrajectory must have caused at the partners, exactly once. */
export const EXPECTED_PER_CASE = {
  'letter trajectoryStarted': 1,
  'letter trainingProjectDecision (registered)': 1,
  'employment-service registration': 1,
  'RIZIV training dossier': 1,
  'training payment': 1,
} as const;
type Expected = keyof typeof EXPECTED_PER_CASE;

export interface LedgerCheck {
  cases: number;
  letters: number;
  effects: number;
  /** Cases with more than one of an effect: a letter, payment or registration made twice. */
  duplicates: string[];
  /** Cases with none of an effect they must have. */
  missing: string[];
}

/**
 * Compares the partners' books with the cases: letters by (case, kind) from the letter office,
 * registrations and payments by the workflow that asked for them (the idempotency key starts with
 * its workflow ID: trajectory-<caseId> or training-review-<caseId>-<n>). The simulators already
 * count one effect per idempotency key; a duplicate here means the same thing was asked for
 * under two keys (a workflow run twice, an activity with another ID), which no key can catch.
 */
export async function checkLedger(partnersUrl: string, caseIds: string[]): Promise<LedgerCheck> {
  const [effects, letters] = await Promise.all([
    fetch(`${partnersUrl}/_admin/effects`).then((r) => r.json() as Promise<Effect[]>),
    fetch(`${partnersUrl}/_admin/letters`).then((r) => r.json() as Promise<Letter[]>),
  ]);
  const counts = new Map<string, Map<Expected, number>>();
  const bump = (caseId: string, what: Expected) => {
    const own = counts.get(caseId);
    if (!own) return;
    own.set(what, (own.get(what) ?? 0) + 1);
  };
  for (const caseId of caseIds) counts.set(caseId, new Map());
  for (const letter of letters) {
    if (letter.kind === 'trajectoryStarted') bump(letter.caseId, 'letter trajectoryStarted');
    if (letter.kind === 'trainingProjectDecision' && letter.registered)
      bump(letter.caseId, 'letter trainingProjectDecision (registered)');
  }
  for (const effect of effects) {
    const caseId = caseOfWorkflow(effect.idempotencyKey.split('/')[0]);
    if (!caseId) continue;
    if (effect.partner === 'employment-services' && effect.operation.endsWith('/registrations'))
      bump(caseId, 'employment-service registration');
    if (effect.partner === 'riziv' && effect.operation === 'training-dossiers') bump(caseId, 'RIZIV training dossier');
    if (effect.partner === 'mutuality' && effect.operation === 'payments/training-intervention') bump(caseId, 'training payment');
  }
  const duplicates: string[] = [];
  const missing: string[] = [];
  for (const [caseId, own] of counts) {
    for (const what of Object.keys(EXPECTED_PER_CASE) as Expected[]) {
      const n = own.get(what) ?? 0;
      if (n > EXPECTED_PER_CASE[what]) duplicates.push(`${caseId}: ${what} x${n}`);
      if (n < EXPECTED_PER_CASE[what]) missing.push(`${caseId}: no ${what}`);
    }
  }
  return { cases: caseIds.length, letters: letters.length, effects: effects.length, duplicates, missing };
}

function caseOfWorkflow(workflowId: string): string | undefined {
  return /^(?:trajectory|training-review)-([0-9a-f-]{36})/.exec(workflowId)?.[1];
}

export interface WorkflowCounts {
  running: number;
  completed: number;
  failed: number;
  terminated: number;
  timedOut: number;
  continuedAsNew: number;
}

/** Workflow executions of the namespace by status, from Temporal's visibility store. */
export async function workflowCounts(address: string, query = ''): Promise<WorkflowCounts> {
  const connection = await Connection.connect({ address });
  try {
    const client = new Client({ connection });
    const count = async (status: string) =>
      (await client.workflow.count(`ExecutionStatus = "${status}"${query ? ` AND ${query}` : ''}`)).count;
    const [running, completed, failed, terminated, timedOut, continuedAsNew] = await Promise.all(
      ['Running', 'Completed', 'Failed', 'Terminated', 'TimedOut', 'ContinuedAsNew'].map(count),
    );
    return { running, completed, failed, terminated, timedOut, continuedAsNew };
  } finally {
    await connection.close();
  }
}

export interface AttemptFigures {
  activities: number;
  /** Activities that needed more than one attempt. */
  retried: number;
  maxAttempt: number;
  /** Attempts per activity: attempt count -> number of activities. */
  histogram: Record<number, number>;
  /** Workflow tasks that failed (a worker crash mid-task shows as a timed-out one instead). */
  workflowTaskFailures: number;
  workflowTaskTimeouts: number;
  /** The distinct failure messages of failed workflow tasks (a nondeterminism error names itself). */
  workflowTaskFailureMessages: string[];
}

/** From the histories: how many attempts each activity took (ActivityTaskStarted.attempt is the last). */
export async function activityAttempts(address: string, workflowIds: string[]): Promise<AttemptFigures> {
  const connection = await Connection.connect({ address });
  const { EventType } = temporal.api.enums.v1;
  const figures: AttemptFigures = {
    activities: 0,
    retried: 0,
    maxAttempt: 0,
    histogram: {},
    workflowTaskFailures: 0,
    workflowTaskTimeouts: 0,
    workflowTaskFailureMessages: [],
  };
  const messages = new Set<string>();
  try {
    for (const workflowId of workflowIds) {
      let nextPageToken: Uint8Array | undefined;
      do {
        const page = await connection.workflowService.getWorkflowExecutionHistory({
          namespace: 'default',
          execution: { workflowId },
          nextPageToken,
        });
        for (const event of page.history?.events ?? []) {
          if (event.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED) {
            const attempt = event.activityTaskStartedEventAttributes?.attempt ?? 1;
            figures.activities++;
            if (attempt > 1) figures.retried++;
            figures.maxAttempt = Math.max(figures.maxAttempt, attempt);
            figures.histogram[attempt] = (figures.histogram[attempt] ?? 0) + 1;
          }
          if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED) {
            figures.workflowTaskFailures++;
            messages.add(String(event.workflowTaskFailedEventAttributes?.failure?.message ?? '').slice(0, 200));
          }
          if (event.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT) figures.workflowTaskTimeouts++;
        }
        nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
      } while (nextPageToken);
    }
  } finally {
    await connection.close();
  }
  figures.workflowTaskFailureMessages = [...messages];
  return figures;
}

/**
 * Writes each workflow's whole history (Temporal's JSON, payloads still encrypted) to `dir`, so a
 * stuck case can be studied and replayed after the run; returns `dir`.
 */
export async function saveHistories(address: string, workflowIds: string[], dir: string): Promise<string> {
  const connection = await Connection.connect({ address });
  try {
    const client = new Client({ connection });
    mkdirSync(dir, { recursive: true });
    for (const workflowId of workflowIds) {
      const history = await client.workflow.getHandle(workflowId).fetchHistory();
      writeFileSync(join(dir, `${workflowId}.json`), historyToJSON(history));
    }
  } finally {
    await connection.close();
  }
  return dir;
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
