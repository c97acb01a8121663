import { pool, runTrajectory, type TrajectoryRun } from './driver';
import { join } from 'node:path';
import { activityAttempts, checkLedger, percentile, saveHistories, workflowCounts } from './ledger';
import { nationalNumber } from './random';
import { seconds, type Context } from './scenario';

export interface BatchOutcome {
  runs: TrajectoryRun[];
  errors: string[];
  ms: number;
}

/**
 * N whole trajectories, `concurrency` at a time, while `chaos` does its damage; chaos is told
 * to stop (its signal aborts) once every trajectory has ended, and is awaited.
 */
export async function trajectoriesUnder(
  context: Context,
  count: number,
  chaos: (signal: AbortSignal) => Promise<void>,
): Promise<BatchOutcome> {
  const { driver, random, flags, say } = context;
  const people = Array.from({ length: count }, () => nationalNumber(random));
  const controller = new AbortController();
  const started = Date.now();
  const chaosDone = chaos(controller.signal).catch((error: unknown) => say(`chaos failed: ${String(error)}`));
  let finished = 0;
  const progress = setInterval(
    () => say(`  ${finished}/${count} trajectories ended after ${seconds(Date.now() - started)}`),
    30_000,
  );
  const results = await pool(count, flags.concurrency, async (index) => {
    try {
      return await runTrajectory(driver, people[index], random);
    } finally {
      finished++;
    }
  });
  clearInterval(progress);
  controller.abort();
  await chaosDone;
  const runs = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const errors = results.flatMap((r) =>
    r.status === 'rejected' ? [String(r.reason instanceof Error ? r.reason.message : r.reason)] : [],
  );
  return { runs, errors, ms: Date.now() - started };
}

/** The checks every batch must pass, with their figures. */
export async function verifyBatch(context: Context, outcome: BatchOutcome, count: number, options: { attempts?: boolean } = {}) {
  const { cluster } = context;
  const figures: string[] = [];
  const failures: string[] = [];
  const caseIds = outcome.runs.map((run) => run.caseId);
  const durations = outcome.runs.map((run) => run.ms);
  figures.push(
    `${outcome.runs.length}/${count} trajectories completed in ${seconds(outcome.ms)} (${((outcome.runs.length / outcome.ms) * 60_000).toFixed(1)} per minute); per trajectory p50 ${seconds(percentile(durations, 50))}, p95 ${seconds(percentile(durations, 95))}, max ${seconds(Math.max(0, ...durations))}`,
  );
  if (outcome.errors.length) {
    failures.push(`${outcome.errors.length} trajectories did not complete: ${outcome.errors.slice(0, 3).join(' | ')}`);
    // What their histories say: a failing workflow task (e.g. a nondeterminism error) keeps a case waiting for ever.
    // The case's ID as the driver's errors name it: "case <id>" or "POST /cases/<id>/...".
    const stuck = [...new Set(outcome.errors.flatMap((error) => /cases?[ /]([0-9a-f-]{36})/.exec(error)?.[1] ?? []))];
    if (stuck.length) {
      const histories = await activityAttempts(
        cluster.temporalAddress,
        stuck.map((id) => `trajectory-${id}`),
      );
      const messages = histories.workflowTaskFailureMessages.length
        ? ` ("${histories.workflowTaskFailureMessages.join('" | "')}")`
        : '';
      const saved = await saveHistories(
        cluster.temporalAddress,
        stuck.map((id) => `trajectory-${id}`),
        join(cluster.logDir, '..', 'histories'),
      );
      figures.push(
        `the ${stuck.length} unfinished: workflow tasks failed ${histories.workflowTaskFailures}${messages}; histories in ${saved} (kept with --keep)`,
      );
    }
  }

  const ledger = await checkLedger(cluster.partnersUrl, caseIds);
  figures.push(
    `partners' books: ${caseIds.length} cases x 5 effects expected; duplicates ${ledger.duplicates.length}, missing ${ledger.missing.length} (simulators hold ${ledger.letters} letters, ${ledger.effects} effects in all)`,
  );
  if (ledger.duplicates.length) failures.push(`duplicates: ${ledger.duplicates.slice(0, 5).join('; ')}`);
  if (ledger.missing.length) failures.push(`missing: ${ledger.missing.slice(0, 5).join('; ')}`);

  const ids = caseIds.flatMap((id) => [`trajectory-${id}`, `training-review-${id}-1`]);
  const counts = await workflowCounts(cluster.temporalAddress);
  figures.push(
    `workflows in the namespace: ${counts.completed} completed, ${counts.running} running, ${counts.failed} failed, ${counts.terminated} terminated, ${counts.timedOut} timed out`,
  );
  if (counts.failed + counts.terminated + counts.timedOut > 0)
    failures.push(`${counts.failed} failed, ${counts.terminated} terminated, ${counts.timedOut} timed-out workflows`);
  if (options.attempts) {
    const attempts = await activityAttempts(cluster.temporalAddress, ids);
    const histogram = Object.entries(attempts.histogram)
      .map(([attempt, n]) => `${attempt}:${n}`)
      .join(' ');
    figures.push(
      `activities: ${attempts.activities} in ${ids.length} workflows; ${attempts.retried} needed a retry; most attempts ${attempts.maxAttempt} (attempts:activities ${histogram}); workflow tasks failed ${attempts.workflowTaskFailures}, timed out ${attempts.workflowTaskTimeouts}`,
    );
  }
  return { figures, failures, caseIds };
}
