import { IllegalStateError } from '@temporalio/common';
import { CombinedWorkerRunError, TransportError, UnexpectedError } from '@temporalio/worker';
import { isTemporalUnavailable, reconnectDelayMs, WorkerSupervisor, type RunningWorker } from './worker-supervisor';

/** A worker whose end the test decides. */
function fakeWorker() {
  let finish!: (error?: unknown) => void;
  const done = new Promise<void>((resolve, reject) => {
    finish = (error) => (error === undefined ? resolve() : reject(error));
  });
  const worker: RunningWorker & { shutdowns: number; fail(error: unknown): void } = {
    done,
    shutdowns: 0,
    shutdown() {
      worker.shutdowns++;
      finish();
    },
    fail: (error) => finish(error),
  };
  return worker;
}

const unavailable = () => new TransportError('tcp connect error: Connection refused');
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('WorkerSupervisor', () => {
  it('makes the worker again after Temporal went away, with a doubling pause, and says so each time', async () => {
    const workers = [fakeWorker(), fakeWorker()];
    const attempts: Array<() => Promise<RunningWorker>> = [
      async () => workers[0],
      async () => Promise.reject(unavailable()),
      async () => Promise.reject(unavailable()),
      async () => workers[1],
    ];
    const events: string[] = [];
    const supervisor = new WorkerSupervisor({
      start: () => attempts.shift()!(),
      initialDelayMs: 5,
      maxDelayMs: 1_000,
      random: () => 0.5,
      onPolling: ({ afterFailures }) => events.push(`polling after ${afterFailures}`),
      onUnavailable: ({ attempt, retryInMs, wasPolling, knownBy }) =>
        events.push(`unavailable ${attempt} ${retryInMs} ${wasPolling} ${knownBy}`),
      onFailure: () => events.push('failure'),
    });
    await supervisor.begin();
    expect(supervisor.state).toBe('polling');
    workers[0].fail(
      new TransportError(
        'Unhandled grpc error when workflow polling: Status { code: NotFound, message: "Namespace default is not found." }',
      ),
    );
    while (supervisor.state !== 'polling' || attempts.length) await new Promise((r) => setTimeout(r, 5));
    expect(events).toEqual([
      'polling after 0',
      'unavailable 1 5 true error',
      'unavailable 2 10 false error',
      'unavailable 3 20 false error',
      'polling after 3',
    ]);
    await supervisor.stop();
    expect(workers[1].shutdowns).toBe(1);
    expect(supervisor.state).toBe('stopped');
  });

  it('lets the application start while Temporal is unavailable, and keeps trying', async () => {
    let calls = 0;
    const supervisor = new WorkerSupervisor({
      start: async () => {
        calls++;
        throw unavailable();
      },
      initialDelayMs: 1,
      maxDelayMs: 2,
    });
    await supervisor.begin();
    expect(supervisor.state).toBe('reconnecting');
    while (calls < 3) await new Promise((r) => setTimeout(r, 2));
    await supervisor.stop();
    expect(supervisor.state).toBe('stopped');
  });

  it('stops at once when asked during the pause before the next attempt', async () => {
    let calls = 0;
    const supervisor = new WorkerSupervisor({
      start: async () => {
        calls++;
        throw unavailable();
      },
      initialDelayMs: 60_000,
    });
    await supervisor.begin();
    const asked = Date.now();
    await supervisor.stop();
    expect(Date.now() - asked).toBeLessThan(1_000);
    expect(calls).toBe(1);
    expect(supervisor.state).toBe('stopped');
  });

  it('refuses to start when the first attempt fails otherwise (a workflow bundle that does not load)', async () => {
    const bundle = new SyntaxError('Unexpected token in workflow-bundle.js');
    const supervisor = new WorkerSupervisor({ start: () => Promise.reject(bundle) });
    await expect(supervisor.begin()).rejects.toBe(bundle);
    expect(supervisor.state).toBe('failed');
  });

  it('reports a genuine failure of a running worker instead of reconnecting', async () => {
    const worker = fakeWorker();
    let starts = 0;
    const failures: unknown[] = [];
    const supervisor = new WorkerSupervisor({
      start: async () => (starts++, worker),
      onFailure: (error) => failures.push(error),
    });
    await supervisor.begin();
    const fatal = new UnexpectedError('Workflow Worker Thread exited prematurely');
    worker.fail(fatal);
    await settle();
    expect(failures).toEqual([fatal]);
    expect(supervisor.state).toBe('failed');
    expect(starts).toBe(1);
  });

  it("checks Temporal itself when a running worker's error does not say (the SDK's 'Worker still in use' after a poll gave up)", async () => {
    const masked = new IllegalStateError('Worker still in use: Expected 1 reference, but got 2');
    const run = async (temporalAway: boolean) => {
      const worker = fakeWorker();
      const starts: number[] = [];
      const events: string[] = [];
      const supervisor = new WorkerSupervisor({
        start: async () => (starts.push(1), starts.length === 1 ? worker : fakeWorker()),
        initialDelayMs: 1,
        temporalUnavailable: async () => temporalAway,
        onUnavailable: ({ knownBy, wasPolling }) => events.push(`unavailable by ${knownBy}, was polling ${wasPolling}`),
        onFailure: (error) => events.push(`failure ${(error as Error).message}`),
      });
      await supervisor.begin();
      worker.fail(masked);
      const settled = () =>
        temporalAway ? starts.length === 2 && supervisor.state === 'polling' : supervisor.state === 'failed';
      while (!settled()) await new Promise((r) => setTimeout(r, 2));
      await supervisor.stop();
      return events;
    };
    expect(await run(true)).toEqual(['unavailable by check, was polling true']);
    expect(await run(false)).toEqual(['failure Worker still in use: Expected 1 reference, but got 2']);
  });

  it('ends quietly when the worker was shut down by a signal (the SDK runtime stops it)', async () => {
    const worker = fakeWorker();
    const failures: unknown[] = [];
    const supervisor = new WorkerSupervisor({ start: async () => worker, onFailure: (error) => failures.push(error) });
    await supervisor.begin();
    worker.shutdown();
    await settle();
    expect(supervisor.state).toBe('stopped');
    expect(failures).toEqual([]);
    await supervisor.stop();
  });

  it('shuts down a worker that came up while it was being stopped', async () => {
    const worker = fakeWorker();
    let release!: () => void;
    const supervisor = new WorkerSupervisor({
      start: () => new Promise<RunningWorker>((resolve) => (release = () => resolve(worker))),
    });
    const begun = supervisor.begin();
    const stopped = supervisor.stop();
    release();
    await begun;
    await stopped;
    expect(worker.shutdowns).toBe(1);
    expect(supervisor.state).toBe('stopped');
  });
});

describe('isTemporalUnavailable', () => {
  it.each([
    ['a failed connection', new TransportError('tonic::transport::Error(Transport, ConnectError("tcp connect error"))')],
    ['a poll given up', new TransportError('Unhandled grpc error when workflow polling')],
    ['UNAVAILABLE from a client call', Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 })],
    [
      'a cause that is UNAVAILABLE',
      new Error('Failed to create schedule', { cause: Object.assign(new Error('unavailable'), { code: 14 }) }),
    ],
    ['a refused socket', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    [
      'a combined run error around a transport error',
      new CombinedWorkerRunError('Worker run failed with inner error', {
        cause: { workerError: new TransportError('x'), innerError: new Error('y') },
      }),
    ],
  ])('is true for %s', (_what, error) => {
    expect(isTemporalUnavailable(error)).toBe(true);
  });

  it.each([
    ['a bundle that does not load', new SyntaxError('Unexpected token')],
    ["the SDK's unexpected error", new UnexpectedError('Workflow Worker Thread exited prematurely')],
    ['an invalid argument from the server', Object.assign(new Error('3 INVALID_ARGUMENT'), { code: 3 })],
    ['something that is not an error', 'boom'],
    ['nothing', undefined],
  ])('is false for %s', (_what, error) => {
    expect(isTemporalUnavailable(error)).toBe(false);
  });
});

describe('reconnectDelayMs', () => {
  it('doubles from 1 s up to 30 s', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((failures) => reconnectDelayMs(failures, { random: middle }))).toEqual([
      1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('spreads the pause by ±20% and never goes above the cap', () => {
    expect(reconnectDelayMs(1, { random: () => 0 })).toBe(800);
    expect(reconnectDelayMs(1, { random: () => 1 })).toBe(1_200);
    expect(reconnectDelayMs(10, { random: () => 1 })).toBe(30_000);
  });
});
