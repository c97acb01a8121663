import type { TemporalConnectionConfig } from '@tnw/temporal';
import type { WorkerOptions } from '@temporalio/worker';
import type { WorkerMetricsSettings } from './metrics/worker-metrics';
import type { WorkerTuning } from './worker-tuning';

export const WORKER_OPTIONS = Symbol('WORKER_OPTIONS');

export interface WorkerAppOptions {
  databaseUrl: string;
  /** Base URL of the partners (the simulators in development). */
  partnersUrl: string;
  temporal: TemporalConnectionConfig;
  /** The prebuilt bundle in production; tests pass one bundle built per suite. */
  workflowBundle: NonNullable<WorkerOptions['workflowBundle']>;
  /**
   * Called when the worker stops on its own with an error that is not Temporal's absence (a bug,
   * the SDK's UnexpectedError): production exits the process non-zero. While Temporal is
   * unavailable the worker reconnects by itself instead (worker-supervisor.ts).
   */
  onFatalError(error: unknown): void;
  /** Prometheus exporter of the SDK Core's metrics (WORKER_METRICS_PORT); none when absent. */
  metrics?: WorkerMetricsSettings;
  /** Sticky cache size and workflow threads (TNW_MAX_CACHED_WORKFLOWS, TNW_WORKFLOW_THREADS); the SDK's defaults when absent. */
  tuning?: WorkerTuning;
  /** The pauses between attempts to reconnect to Temporal: 1 s doubling up to 30 s unless set. */
  reconnect?: { initialDelayMs?: number; maxDelayMs?: number };
}
