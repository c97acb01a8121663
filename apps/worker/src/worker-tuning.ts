/**
 * How many workflows the worker keeps in memory between their tasks and on how many threads it
 * runs them (docs/performance.md, "Proposed changes" 3 and 4). Unset means the SDK's default.
 *
 * - TNW_MAX_CACHED_WORKFLOWS → `maxCachedWorkflows`, the sticky cache: a workflow in it takes its
 *   next task without replaying its history. The SDK's default is about 600 per GiB of heap above
 *   200 MiB (2310 with Node's default heap on the development machines); a cached trajectory holds
 *   about 0.5 MiB (resident-fleet). 0 turns the cache off (every task replays the whole history).
 * - TNW_WORKFLOW_THREADS → `workflowThreadPoolSize`, the threads that run workflow code. The SDK's
 *   default with its reusable V8 context is 1, which was the worker's busiest thread in the timer
 *   storm; more threads help a worker with more than one core to spare for workflows.
 */
export interface WorkerTuning {
  maxCachedWorkflows?: number;
  workflowThreadPoolSize?: number;
}

/** Reads the settings, refusing a value that is not a whole number in range with a message naming the variable. */
export function workerTuningSettings(env: NodeJS.ProcessEnv = process.env): WorkerTuning {
  const maxCachedWorkflows = wholeNumber(env, 'TNW_MAX_CACHED_WORKFLOWS', 0);
  if (maxCachedWorkflows === 1) {
    // The SDK would silently raise it to 2.
    throw new Error('TNW_MAX_CACHED_WORKFLOWS must be 0 (no sticky cache) or at least 2, got 1');
  }
  const workflowThreadPoolSize = wholeNumber(env, 'TNW_WORKFLOW_THREADS', 1);
  return {
    ...(maxCachedWorkflows !== undefined && { maxCachedWorkflows }),
    ...(workflowThreadPoolSize !== undefined && { workflowThreadPoolSize }),
  };
}

function wholeNumber(env: NodeJS.ProcessEnv, name: string, minimum: number): number | undefined {
  const text = env[name]?.trim();
  if (!text) return undefined;
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)) || Number(text) < minimum) {
    throw new Error(`${name} must be a whole number of at least ${minimum}, got '${env[name]}'`);
  }
  return Number(text);
}
