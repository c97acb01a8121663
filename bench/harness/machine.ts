import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../libs/temporal/src/repo-root';

/** What the figures depend on besides the code: the machine, Node and the engine's versions. */
export interface MachineFacts {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  temporalCli: string;
  /** Temporal's Java time-skipping test server (full-trajectory, audit-replay's recordings). */
  temporalTestServer: string;
  temporalClient: string;
  /** 1-minute load average when the run started: other work on the machine skews absolute figures. */
  loadAverageAtStart: number;
}

export function machineFacts(): MachineFacts {
  const root = repoRoot(__dirname);
  return {
    cores: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    temporalCli: envValue(join(root, 'scripts', 'tools', 'versions.env'), 'TEMPORAL_CLI_VERSION'),
    temporalTestServer: envValue(join(root, 'scripts', 'tools', 'versions.env'), 'TEMPORAL_TEST_SERVER_VERSION'),
    temporalClient: packageVersion(join(root, 'node_modules', '@temporalio', 'client', 'package.json')),
    loadAverageAtStart: Math.round(loadavg()[0] * 100) / 100,
  };
}

function envValue(file: string, name: string): string {
  const line = readFileSync(file, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}=`));
  return line?.slice(name.length + 1).trim() ?? 'unknown';
}

function packageVersion(file: string): string {
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}
