import { spawn } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../libs/temporal/src/repo-root';
import { stopChild } from '../../scripts/devstack/temporal-dev-server';

export interface NodeProcess {
  name: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

/**
 * Runs a built entry point (dist/...) in its own Node process, as `npm start` runs the apps,
 * with its output in a log file: JSON logs would garble the progress bar and the table.
 */
export function startNodeProcess(name: string, entry: string, env: NodeJS.ProcessEnv, logFile: string): NodeProcess {
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, [...profileFlags(name), entry], { env, stdio: ['ignore', log, log] });
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) process.stderr.write(`\n${name} exited unexpectedly (${signal ?? `code ${code}`}); its log: ${logFile}\n`);
  });
  return {
    name,
    pid: child.pid,
    stop: () => {
      stopping = true;
      return stopChild(child);
    },
  };
}

/**
 * BENCH_CPU_PROFILE=worker,api: those apps run under `node --cpu-prof`, which writes a
 * .cpuprofile per thread under bench/results/profiles/<app>-<time>/ when the app exits (at the end of the run);
 * `node dist/bench/profile-summary.js <file>` sums it up.
 */
function profileFlags(name: string): string[] {
  const profiled = (process.env.BENCH_CPU_PROFILE ?? '').split(',').map((n) => n.trim());
  if (!profiled.includes(name)) return [];
  // One folder per app and run: Node writes a file per thread (the worker runs workflows in worker threads).
  const dir = join(
    repoRoot(__dirname),
    'bench',
    'results',
    'profiles',
    `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}`,
  );
  mkdirSync(dir, { recursive: true });
  return ['--cpu-prof', '--cpu-prof-dir', dir];
}
