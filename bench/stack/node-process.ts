import { spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { stopChild } from '../../scripts/devstack/temporal-dev-server';

export interface NodeProcess {
  name: string;
  stop(): Promise<void>;
}

/**
 * Runs a built entry point (dist/...) in its own Node process, as `npm start` runs the apps,
 * with its output in a log file: JSON logs would garble the progress bar and the table.
 */
export function startNodeProcess(name: string, entry: string, env: NodeJS.ProcessEnv, logFile: string): NodeProcess {
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', log, log] });
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) process.stderr.write(`\n${name} exited unexpectedly (${signal ?? `code ${code}`}); its log: ${logFile}\n`);
  });
  return {
    name,
    stop: () => {
      stopping = true;
      return stopChild(child);
    },
  };
}
