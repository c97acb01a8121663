import 'reflect-metadata';
import { temporalConnectionConfig, workflowBundlePath } from '@tnw/temporal';
import { requiredEnv } from '../../shared/env';
import { createWorkerApp } from './create-worker-app';
import { workerMetricsSettings } from './metrics/worker-metrics';

void createWorkerApp({
  databaseUrl: requiredEnv('DATABASE_URL'),
  partnersUrl: requiredEnv('PARTNERS_URL'),
  temporal: temporalConnectionConfig(),
  workflowBundle: { codePath: workflowBundlePath() },
  // The worker stopped without being asked to: exit so that the supervisor restarts it.
  onFatalError: () => process.exit(1),
  metrics: workerMetricsSettings(),
});
