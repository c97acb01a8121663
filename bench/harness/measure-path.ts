import type { PathFigures } from './benchmark';
import { percentile } from './latencies';
import { cpuSnapshot, cpuSpent } from './process-cpu';
import { runLimited } from './run-limited';

const round = (n: number) => Math.round(n * 10) / 10;

/** Runs `size` operations of one path at one concurrency and sums them up: rate, latencies, CPU by component. */
export async function measurePath(
  path: string,
  size: number,
  concurrency: number,
  operation: (index: number) => Promise<void>,
): Promise<PathFigures> {
  const before = cpuSnapshot();
  const run = await runLimited(`${path} c=${concurrency}`, size, concurrency, operation);
  return {
    path,
    concurrency,
    operations: run.latenciesMs.length,
    perSecond: round(run.latenciesMs.length / (run.durationMs / 1000)),
    p50Ms: round(percentile(run.latenciesMs, 50)),
    p99Ms: round(percentile(run.latenciesMs, 99)),
    wallSeconds: Math.round(run.durationMs / 10) / 100,
    cpuSeconds: cpuSpent(before, cpuSnapshot()),
  };
}
