import type { DataConverter } from '@temporalio/common';
import { Worker } from '@temporalio/worker';
import { join } from 'node:path';
import { BUILD_ROOT } from './bench-stack';

export interface HistoryToReplay {
  workflowId: string;
  history: unknown;
}

interface AuditModule {
  replayCases?: (
    histories: Iterable<HistoryToReplay> | AsyncIterable<HistoryToReplay>,
    options: { dataConverter?: DataConverter; workflowBundle?: { codePath: string } },
  ) => AsyncGenerator<{ verdict: string; workflowId: string; message?: string }>;
}

/**
 * Replays histories as the application's audit does (`replayCases` of libs/temporal/src/audit:
 * one replay worker for the set, histories pulled one at a time), or with the SDK's
 * `Worker.runReplayHistories` on a build without it; fails on the first history that does not
 * replay deterministically. Returns the path it took.
 */
export async function replayAll(
  histories: Iterable<HistoryToReplay>,
  options: { codePath: string; dataConverter?: DataConverter },
): Promise<'replayCases' | 'Worker.runReplayHistories'> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const audit = require(join(BUILD_ROOT, 'libs', 'temporal', 'src', 'index.js')) as AuditModule;
  if (typeof audit.replayCases === 'function') {
    for await (const verdict of audit.replayCases(histories, {
      dataConverter: options.dataConverter,
      workflowBundle: { codePath: options.codePath },
    })) {
      if (verdict.verdict !== 'deterministic')
        throw new Error(`${verdict.workflowId} did not replay: ${verdict.verdict} ${verdict.message ?? ''}`);
    }
    return 'replayCases';
  }
  const replayOptions = {
    workflowBundle: { codePath: options.codePath },
    dataConverter: options.dataConverter,
    replayName: 'bench-replay',
  };
  for await (const result of Worker.runReplayHistories(
    replayOptions,
    histories as Iterable<{ workflowId: string; history: never }>,
  )) {
    if (result.error) throw new Error(`${result.workflowId} did not replay: ${result.error.message}`);
  }
  return 'Worker.runReplayHistories';
}
