import { repoRoot } from '@tnw/temporal';
import { spawn, type ChildProcess } from 'node:child_process';

export interface ReadyChild {
  child: ChildProcess;
  /** Settles when the process has exited, however it ended. */
  exited: Promise<void>;
}

/**
 * Runs `script` with this Node.js in a child process (for what must outlive, or die apart from,
 * the test's own process) and resolves once it prints `ready`; rejects with its output when it
 * exits first or takes longer than `timeoutMs`.
 */
export async function spawnUntilReady(
  script: string,
  env: NodeJS.ProcessEnv,
  what: string,
  timeoutMs = 30_000,
): Promise<ReadyChild> {
  const child = spawn(process.execPath, ['-e', script], {
    cwd: repoRoot(),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start within ${timeoutMs / 1000} s: ${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${what} exited before it was ready: ${output}`));
    });
  });
  return { child, exited };
}
