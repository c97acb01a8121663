import type { TemporalConnectionConfig } from '@tnw/temporal';
import type { WorkerOptions } from '@temporalio/worker';
import type { WorkerMetricsSettings } from './metrics/worker-metrics';

export const WORKER_OPTIONS = Symbol('WORKER_OPTIONS');

export interface WorkerAppOptions {
  databaseUrl: string;
  /** Base URL of the partners (the simulators in development). */
  partnersUrl: string;
  temporal: TemporalConnectionConfig;
  /** The prebuilt bundle in production; tests pass one bundle built per suite. */
  workflowBundle: NonNullable<WorkerOptions['workflowBundle']>;
  /** Called when the worker stops on its own (not by shutdown): production exits the process. */
  onFatalError(error: unknown): void;
  /** Prometheus exporter of the SDK Core's metrics (WORKER_METRICS_PORT); none when absent. */
  metrics?: WorkerMetricsSettings;
}
