import type { TemporalConnectionConfig } from '@tnw/temporal';
import type { WorkerOptions } from '@temporalio/worker';

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
}
