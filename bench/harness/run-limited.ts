import { millisecondsSince } from './latencies';
import { progressBar } from './progress-bar';

export interface TimedRun {
  /** Latency of each operation, in milliseconds, in completion order. */
  latenciesMs: number[];
  /** Wall time from the first operation started to the last one finished. */
  durationMs: number;
}

/**
 * Runs `operation(0..count-1)` with at most `concurrency` in flight and times each one (with a
 * progress bar unless `quiet`, for runs that draw their own). Any
 * failure fails the run: a benchmark that counts failed operations as fast ones would lie.
 */
export async function runLimited(
  label: string,
  count: number,
  concurrency: number,
  operation: (index: number) => Promise<void>,
  { quiet = false }: { quiet?: boolean } = {},
): Promise<TimedRun> {
  const progress = quiet ? { tick: () => undefined, done: () => undefined } : progressBar(label, count);
  const latenciesMs: number[] = [];
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const index = next++;
      const start = process.hrtime.bigint();
      try {
        await operation(index);
      } catch (error) {
        next = count; // the other lanes stop taking work
        throw error;
      }
      latenciesMs.push(millisecondsSince(start));
      progress.tick();
    }
  };
  const start = process.hrtime.bigint();
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  } finally {
    progress.done();
  }
  return { latenciesMs, durationMs: millisecondsSince(start) };
}
