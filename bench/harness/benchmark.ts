import type { CpuSeconds } from './process-cpu';

/** How a run is sized: the number of operations per measurement and the concurrencies to try. */
export interface BenchmarkOptions {
  size: number;
  concurrencies: number[];
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

export interface Benchmark {
  name: string;
  summary: string;
  /** What one operation is, for the table headers: "start". */
  unit: string;
  defaults: BenchmarkOptions;
  run(options: BenchmarkOptions): Promise<Comparison[]>;
}
