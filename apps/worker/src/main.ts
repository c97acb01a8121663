import 'reflect-metadata';
import { temporalConnectionConfig, workflowBundlePath } from '@tnw/temporal';
import { requiredEnv } from '../../shared/env';
import { createWorkerApp } from './create-worker-app';
import { workerMetricsSettings } from './metrics/worker-metrics';
import { workerTuningSettings, type WorkerTuning } from './worker-tuning';

function tuningOrExit(): WorkerTuning {
  try {
    return workerTuningSettings();
  } catch (error) {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

createWorkerApp({
  databaseUrl: requiredEnv('DATABASE_URL'),
  partnersUrl: requiredEnv('PARTNERS_URL'),
  temporal: temporalConnectionConfig(),
  workflowBundle: { codePath: workflowBundlePath() },
  // The worker failed for a reason other than Temporal's absence (it reconnects by itself then):
  // exit non-zero so that the supervisor restarts it and the failure shows.
  onFatalError: () => process.exit(1),
  metrics: workerMetricsSettings(),
  tuning: tuningOrExit(),
}).catch((error: unknown) => {
  // The application did not start (e.g. a workflow bundle that does not load).
  console.error(`error: the worker did not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
