import type { DataConverter } from '@temporalio/common';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker, type ReplayWorkerOptions } from '@temporalio/worker';
import { workflowBundlePath } from '../workflow-bundle';
import type { History } from './history-export';

/** A history to replay; `subject` (e.g. `case:<uuid>`) groups the runs of one case in the verdicts. */
export interface ReplayInput {
  subject?: string;
  workflowId: string;
  runId?: string;
  workflowType?: string;
  /** A protobuf history (from the client) or Temporal's JSON history (from a file). */
  history: History | unknown;
}

interface VerdictOf {
  subject?: string;
  workflowId: string;
  runId?: string;
  workflowType?: string;
}

/**
 * - `deterministic`: today's code makes exactly the commands the history recorded;
 * - `diverged`: it does not (a nondeterminism error), at the event named when Temporal names one;
 * - `failed`: the replay could not run (unreadable history, a payload the data converter cannot
 *   decode, an unknown workflow type, a workflow task that threw).
 */
export type ReplayVerdict = VerdictOf &
  (
    | { verdict: 'deterministic' }
    | { verdict: 'diverged'; eventId?: number; eventType?: string; message: string }
    | { verdict: 'failed'; message: string }
  );

export interface ReplayProgress {
  done: number;
  /** Known when the caller gave it (the histories may be a lazy stream). */
  total?: number;
  last: ReplayVerdict;
}

export interface ReplayOptions {
  /** The production data converter: histories hold encrypted payloads. Default: Temporal's. */
  dataConverter?: DataConverter;
  onProgress?: (progress: ReplayProgress) => void;
  /** How many histories the stream holds, for the progress. */
  total?: number;
  /** Default: the production bundle, `workflowBundlePath()` (dist/workflow-bundle.js). */
  workflowBundle?: ReplayWorkerOptions['workflowBundle'];
}

/**
 * The worker options of a replay: the production bundle (which carries the workflow interceptor
 * modules it was built with: `workflowBundleOptions()`), the production data converter, and the
 * same worker interceptors as the production worker (apps/worker/src/temporal-worker.service.ts
 * passes none, so the SDK's defaults apply to both).
 */
export function productionReplayOptions(
  options: Pick<ReplayOptions, 'dataConverter' | 'workflowBundle'> = {},
): ReplayWorkerOptions {
  return {
    workflowBundle: options.workflowBundle ?? { codePath: workflowBundlePath() },
    ...(options.dataConverter ? { dataConverter: options.dataConverter } : {}),
    replayName: 'tnw-audit-replay',
  };
}

/**
 * Replays each history against the current workflow code (one replay worker for the whole set;
 * histories are pulled one at a time, so a lazy stream of a large set stays small in memory) and
 * yields a verdict per workflow run, in the order given.
 */
export async function* replayCases(
  histories: Iterable<ReplayInput> | AsyncIterable<ReplayInput>,
  options: ReplayOptions = {},
): AsyncGenerator<ReplayVerdict> {
  const fed: VerdictOf[] = [];
  const unreadable: ReplayVerdict[] = [];
  let done = 0;
  const report = (verdict: ReplayVerdict) => {
    done++;
    options.onProgress?.({ done, total: options.total, last: verdict });
    return verdict;
  };

  // A history the replay worker cannot even read would end the whole batch: it gets its own
  // `failed` verdict instead, and the rest go on.
  async function* readable() {
    for await (const input of histories) {
      const { history, ...of } = input;
      let validated: History;
      try {
        validated = isProtoHistory(history) ? history : historyFromJSON(history);
        if (!validated.events?.length) throw new Error('the history has no events');
      } catch (error) {
        unreadable.push({ ...of, verdict: 'failed', message: `unreadable history: ${messageOf(error)}` });
        continue;
      }
      // Without a run ID given, the one the run was created with (a reset keeps it).
      fed.push({
        ...of,
        runId: of.runId ?? (validated.events[0].workflowExecutionStartedEventAttributes?.originalExecutionRunId || undefined),
      });
      yield { workflowId: input.workflowId, history: validated };
    }
  }

  for await (const result of Worker.runReplayHistories(productionReplayOptions(options), readable())) {
    while (unreadable.length) yield report(unreadable.shift()!);
    const of = fed.shift()!;
    yield report(verdictOf({ ...of, runId: of.runId ?? result.runId }, result.error));
  }
  while (unreadable.length) yield report(unreadable.shift()!);
}

/** Classifies a replay error and finds the event Temporal names in it. */
export function verdictOf(of: VerdictOf, error: Error | undefined): ReplayVerdict {
  if (!error) return { ...of, verdict: 'deterministic' };
  const message = coreMessageOf(error.message);
  const nondeterministic = error.name === 'DeterminismViolationError' || /nondetermin/i.test(error.message);
  if (!nondeterministic) return { ...of, verdict: 'failed', message };
  const event = /HistoryEvent\(id: (\d+), (\w+)\)/.exec(message) ?? /event (?:id )?(\d+)(?: \((\w+)\))?/i.exec(message);
  return {
    ...of,
    verdict: 'diverged',
    ...(event ? { eventId: Number(event[1]), ...(event[2] ? { eventType: event[2] } : {}) } : {}),
    message,
  };
}

/**
 * Temporal's Core wraps its reason in a debug dump (`Failure { failure: Some(Failure { message:
 * "..." ...`); the quoted message is the part an auditor needs.
 */
function coreMessageOf(message: string): string {
  const inner = /message: "((?:[^"\\]|\\.)*)"/.exec(message);
  return inner ? inner[1] : message;
}

function isProtoHistory(history: unknown): history is History {
  const first = (history as History | undefined)?.events?.[0];
  // Protobuf events carry the enum as a number; Temporal's JSON as "EVENT_TYPE_...".
  return typeof first?.eventType === 'number';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
