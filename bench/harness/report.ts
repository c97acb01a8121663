import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../libs/temporal/src/repo-root';
import type { BenchmarkOptions, Comparison, PathFigures } from './benchmark';
import type { MachineFacts } from './machine';
import { millisecondsSince } from './latencies';

export function compare(app: PathFigures, bare: PathFigures): Comparison {
  return { concurrency: app.concurrency, app, bare, ratio: Math.round((app.perSecond / bare.perSecond) * 100) / 100 };
}

/** A Markdown table, so that the output can be pasted into docs/performance.md as it is. */
export function table(comparisons: Comparison[], unit: string): string {
  const header = `| concurrency | path | ${unit}s/s | p50 ms | p99 ms | ratio app/bare |`;
  const rows = comparisons.flatMap(({ concurrency, app, bare, ratio }) => [
    `| ${concurrency} | ${bare.path} | ${bare.perSecond} | ${bare.p50Ms} | ${bare.p99Ms} | |`,
    `| ${concurrency} | ${app.path} | ${app.perSecond} | ${app.p50Ms} | ${app.p99Ms} | **${ratio}** |`,
  ]);
  return [header, '|---|---|---|---|---|---|', ...rows].join('\n');
}

/**
 * Where the cores went: CPU milliseconds per operation, in all and by component. Other work on
 * the machine changes the rates far more than these, which say what an operation costs.
 */
export function cpuTable(comparisons: Comparison[], unit: string): string {
  const header = `| concurrency | path | wall s | cores busy | CPU ms per ${unit} | by component |`;
  const rows = comparisons.flatMap(({ app, bare }) =>
    [bare, app].map((f) => {
      const perOperation = (seconds: number) => Math.round((seconds * 1000 * 10) / f.operations) / 10;
      const total = Object.values(f.cpuSeconds).reduce((sum, s) => sum + s, 0);
      const parts = Object.entries(f.cpuSeconds)
        .filter(([, s]) => perOperation(s) > 0)
        .map(([name, s]) => `${name} ${perOperation(s)}`);
      return `| ${f.concurrency} | ${f.path} | ${f.wallSeconds} | ${Math.round((total / f.wallSeconds) * 100) / 100} | ${perOperation(total)} | ${parts.join(', ')} |`;
    }),
  );
  return [header, '|---|---|---|---|---|---|', ...rows].join('\n');
}

/** A Markdown table from a header and rows; numbers are printed as they are. */
export function markdownTable(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const line = (cells: ReadonlyArray<string | number>) => `| ${cells.map(String).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Rounds to `digits` decimals (1 by default), for tables and JSON alike. */
export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export interface BenchmarkResult {
  benchmark: string;
  startedAt: string;
  durationSeconds: number;
  options: BenchmarkOptions;
  machine: MachineFacts;
  loadAverageAtEnd: number;
  figures: Record<string, unknown>;
}

export function resultOf(
  benchmark: string,
  started: { at: Date; hr: bigint },
  options: BenchmarkOptions,
  machine: MachineFacts,
  figures: Record<string, unknown>,
): BenchmarkResult {
  const durationSeconds = Math.round(millisecondsSince(started.hr) / 100) / 10;
  const loadAverageAtEnd = Math.round(loadavg()[0] * 100) / 100;
  return { benchmark, startedAt: started.at.toISOString(), durationSeconds, options, machine, loadAverageAtEnd, figures };
}

/** Writes bench/results/<name>-<timestamp>.json (git-ignored) and returns its path. */
export function writeResult(result: BenchmarkResult): string {
  const dir = join(repoRoot(__dirname), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${result.benchmark}-${result.startedAt.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
