/**
 * Keeps a Temporal worker running through Temporal's outages, inside the process.
 *
 * The SDK (1.24) retries its task polls for ever while the frontend answers UNAVAILABLE, so a
 * plain restart of Temporal passes unnoticed by `Worker.run()`. It gives up, and `run()` rejects
 * with a `TransportError`, when a poll keeps failing with an error it does not consider transient
 * for more than a minute (its `LONG_POLL_FATAL_GRACE`: e.g. a frontend or proxy answering
 * NOT_FOUND, UNIMPLEMENTED or PERMISSION_DENIED while the cluster comes back); and
 * `NativeConnection.connect` and `Worker.create` fail at once with a `TransportError` while
 * Temporal is away (a worker started before Temporal, or restarted during an outage).
 * Temporal's answer (sdk-typescript#290, #344) is to retry that around the SDK: here, the
 * connection and the worker are made again with a capped exponential back-off.
 *
 * When the SDK gives up polling, `run()` does not reject with the poll's TransportError: the SDK
 * logs it ("Worker failed"), goes to its FAILED state and finalises the native worker while the
 * other poller is still out, and then (seen with 1.24 against a frontend answering UNIMPLEMENTED)
 * either `run()` rejects with `IllegalStateError: Worker still in use: Expected 1 reference, but
 * got 2`, or it never settles (the core waits for that other poller, which nobody polls any more).
 * So the service gives up a run that stays FAILED (WorkerRunStuck), and a running worker's failure
 * that is not recognisably Temporal's absence is checked against Temporal itself
 * (`temporalUnavailable`) before it counts as a fault.
 *
 * Anything else (a workflow bundle that does not load, a bug, the SDK's UnexpectedError) still
 * ends the supervision as a failure, for the process to exit non-zero and its supervisor to see it.
 */
import { NETWORK_ERROR_CODES, someErrorInChain } from '@tnw/contracts';

/** A worker that has started polling. */
export interface RunningWorker {
  /** Settles when the worker has stopped and its connection is closed: resolves after `shutdown()` (or a shutdown signal), rejects when it failed. */
  readonly done: Promise<void>;
  /** Asks it to stop: polling ends, tasks in progress finish. */
  shutdown(): void;
}

export type SupervisedWorkerState = 'starting' | 'polling' | 'reconnecting' | 'stopped' | 'failed';

export interface WorkerSupervisorOptions {
  /** Connects, creates and runs a worker; rejects when any of that fails (after closing what it opened). */
  start(): Promise<RunningWorker>;
  /** First pause after a failure (1 s by default); it doubles at each failure in a row. */
  initialDelayMs?: number;
  /** Longest pause (30 s by default). A worker that polled at least this long starts the count again. */
  maxDelayMs?: number;
  /**
   * Asked when a running worker failed with an error that does not say Temporal is away: true
   * when Temporal is unreachable or does not serve the namespace now (or did not at the last probe).
   */
  temporalUnavailable?(): Promise<boolean>;
  /** Tells the state as it changes (metrics). */
  onState?(state: SupervisedWorkerState): void;
  /** The worker polls; `afterFailures` is the number of failed attempts in a row before it. */
  onPolling?(info: { afterFailures: number }): void;
  /** Temporal was unavailable; the next attempt starts in `retryInMs`. */
  onUnavailable?(info: {
    attempt: number;
    retryInMs: number;
    wasPolling: boolean;
    error: unknown;
    /** `error`: the error says so; `check`: the error did not, Temporal's state did (temporalUnavailable). */
    knownBy: 'error' | 'check';
  }): void;
  /** The worker stopped with an error that is not Temporal's absence, after it had started polling once. */
  onFailure?(error: unknown): void;
  /** Jitter source (tests pass a constant). */
  random?: () => number;
}

export class WorkerSupervisor {
  private stopRequested = false;
  private current?: RunningWorker;
  private wake?: () => void;
  private loop?: Promise<void>;
  private stateNow: SupervisedWorkerState = 'starting';

  constructor(private readonly options: WorkerSupervisorOptions) {}

  get state(): SupervisedWorkerState {
    return this.stateNow;
  }

  /**
   * Starts the worker. Resolves once the first attempt polls, or failed because Temporal is
   * unavailable (the next attempts go on in the background); rejects when the first attempt
   * failed otherwise (a bad bundle, a bug), so that the application does not start.
   */
  begin(): Promise<void> {
    if (this.loop) throw new Error('the worker supervisor was already started');
    let settled = false;
    return new Promise<void>((resolve, reject) => {
      const first = {
        resolve: () => {
          if (settled) return;
          settled = true;
          resolve();
        },
        reject: (error: unknown) => {
          if (settled) return false;
          settled = true;
          reject(error);
          return true;
        },
      };
      this.loop = this.supervise(first).catch((error: unknown) => {
        // supervise() handles its own errors; this is a last resort.
        this.setState('failed');
        if (!first.reject(error)) this.options.onFailure?.(error);
      });
    });
  }

  /** Stops the worker, or the wait before the next attempt; resolves once nothing runs any more. */
  async stop(): Promise<void> {
    this.stopRequested = true;
    this.wake?.();
    this.current?.shutdown();
    await this.loop;
  }

  private async supervise(first: { resolve(): void; reject(error: unknown): boolean }): Promise<void> {
    const initialDelayMs = this.options.initialDelayMs ?? 1_000;
    const maxDelayMs = this.options.maxDelayMs ?? 30_000;
    let failures = 0;
    while (!this.stopRequested) {
      this.setState(failures ? 'reconnecting' : 'starting');
      let pollingSince: number | undefined;
      try {
        const running = await this.options.start();
        this.current = running;
        if (this.stopRequested) running.shutdown();
        pollingSince = Date.now();
        this.setState('polling');
        this.options.onPolling?.({ afterFailures: failures });
        first.resolve();
        await running.done;
        // Stopped on request: ours, or the SDK runtime's on a shutdown signal (the application's
        // shutdown hooks follow).
        this.current = undefined;
        break;
      } catch (error) {
        this.current = undefined;
        if (this.stopRequested) break;
        const knownBy = isTemporalUnavailable(error)
          ? 'error'
          : pollingSince !== undefined && (await this.temporalUnavailable())
            ? 'check'
            : undefined;
        if (this.stopRequested) break;
        if (!knownBy) {
          this.setState('failed');
          if (!first.reject(error)) this.options.onFailure?.(error);
          return;
        }
        if (pollingSince !== undefined && Date.now() - pollingSince >= maxDelayMs) failures = 0;
        failures++;
        const retryInMs = reconnectDelayMs(failures, { initialDelayMs, maxDelayMs, random: this.options.random });
        this.setState('reconnecting');
        this.options.onUnavailable?.({ attempt: failures, retryInMs, wasPolling: pollingSince !== undefined, error, knownBy });
        first.resolve();
        await this.pause(retryInMs);
      }
    }
    this.setState('stopped');
    first.resolve();
  }

  private async temporalUnavailable(): Promise<boolean> {
    try {
      return (await this.options.temporalUnavailable?.()) ?? false;
    } catch {
      return false;
    }
  }

  private pause(ms: number): Promise<void> {
    if (this.stopRequested) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = undefined;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
    });
  }

  private setState(state: SupervisedWorkerState): void {
    if (state === this.stateNow) return;
    this.stateNow = state;
    this.options.onState?.(state);
  }
}

/**
 * The pause before attempt `failures + 1`: `initialDelayMs` doubled at each failure in a row, at
 * most `maxDelayMs`, with ±20% jitter (several workers restarted by one outage do not come back
 * in step), never above `maxDelayMs`.
 */
export function reconnectDelayMs(
  failures: number,
  {
    initialDelayMs = 1_000,
    maxDelayMs = 30_000,
    random = Math.random,
  }: { initialDelayMs?: number; maxDelayMs?: number; random?: () => number } = {},
): number {
  const base = Math.min(maxDelayMs, initialDelayMs * 2 ** Math.max(0, failures - 1));
  return Math.round(Math.min(maxDelayMs, base * (0.8 + 0.4 * random())));
}

/**
 * gRPC codes that say the server is away, restarting or overloaded rather than that the request
 * is wrong: UNKNOWN (2, what a frontend shutting down answers: "something went wrong, please
 * retry"), DEADLINE_EXCEEDED (4), RESOURCE_EXHAUSTED (8), ABORTED (10), INTERNAL (13),
 * UNAVAILABLE (14). Core retries the same set, except DEADLINE_EXCEEDED.
 */
const TRANSIENT_GRPC_CODES = new Set([2, 4, 8, 10, 13, 14]);

/**
 * Whether an error from connecting, creating or running the worker means that Temporal is not
 * reachable or not serving (worth waiting for), as opposed to a fault of this process. The SDK
 * reports the former as a `TransportError` (a failed connection, a poll given up), or, for calls
 * through a client, as an error whose gRPC `code` is transient; the error or any of its causes.
 */
export function isTemporalUnavailable(error: unknown): boolean {
  return someErrorInChain(
    error,
    ({ name, code }) =>
      name === 'TransportError' ||
      (typeof code === 'number' && TRANSIENT_GRPC_CODES.has(code)) ||
      (typeof code === 'string' && NETWORK_ERROR_CODES.has(code)),
    // CombinedWorkerRunError: { cause: { workerError, innerError } }
    ({ cause }) => {
      if (!cause || typeof cause !== 'object') return [];
      const { workerError, innerError } = cause as { workerError?: unknown; innerError?: unknown };
      return [workerError, innerError];
    },
  );
}

/** A short description of an error for the logs: its class and the start of its message (Temporal's errors carry addresses and codes, no payloads). */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message.slice(0, 300)}`;
  return String(error).slice(0, 300);
}
