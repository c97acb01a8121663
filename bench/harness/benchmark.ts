import type { CpuSeconds } from './process-cpu';

/** How a run is sized: the number of operations per measurement, the concurrencies, and the benchmark's own flags. */
export interface BenchmarkOptions {
  size: number;
  concurrencies: number[];
  /** Flags only some benchmarks read (`--spread 900`, `--cache 100`): declared in `Benchmark.flags`. */
  flags: Record<string, number>;
}

/** One measured figure set of one path (the application or the bare engine) at one concurrency. */
export interface PathFigures {
  path: string;
  concurrency: number;
  operations: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  wallSeconds: number;
  /** CPU seconds each component used during the measurement (see process-cpu.ts). */
  cpuSeconds: CpuSeconds;
}

/** The application's figures against the bare engine's at one concurrency. */
export interface Comparison {
  concurrency: number;
  app: PathFigures;
  bare: PathFigures;
  /** app per second / bare per second: the figure that holds across machines and runs. */
  ratio: number;
}

/** What a benchmark hands back: Markdown tables for stdout (and docs/performance.md), and every figure for the JSON. */
export interface BenchmarkOutcome {
  tables: string[];
  figures: Record<string, unknown>;
}

export interface Benchmark {
  name: string;
  summary: string;
  defaults: Omit<BenchmarkOptions, 'flags'>;
  /** Extra numeric flags: name → [default, what it means]. */
  flags?: Record<string, [number, string]>;
  run(options: BenchmarkOptions): Promise<BenchmarkOutcome>;
}
