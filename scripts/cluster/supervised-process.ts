import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';

export interface SupervisedOptions {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** Every line the process writes goes here (appended). */
  logFile: string;
  /** Started again this long after an exit nobody asked for, as a supervisor (systemd, compose) does. */
  restartDelayMs?: number;
  /** Told of each unexpected exit and restart. */
  onEvent?(message: string): void;
}

/**
 * One process of the cluster under a supervisor: restarted after an exit it was not asked for
 * (a crash, or a SIGKILL from the fault suite), stopped with SIGTERM then SIGKILL.
 */
export class SupervisedProcess {
  private child?: ChildProcess;
  private log: WriteStream;
  private stopping = false;
  private restartTimer?: NodeJS.Timeout;
  private backoff = 0;
  /** Unexpected exits so far. */
  crashes = 0;
  starts = 0;

  constructor(readonly options: SupervisedOptions) {
    this.log = createWriteStream(options.logFile, { flags: 'a' });
  }

  get name(): string {
    return this.options.name;
  }

  get pid(): number | undefined {
    return this.running ? this.child?.pid : undefined;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  start(): void {
    this.stopping = false;
    const { command, args, env, cwd } = this.options;
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.starts++;
    child.stdout?.pipe(this.log, { end: false });
    child.stderr?.pipe(this.log, { end: false });
    const startedAt = Date.now();
    child.once('exit', (code, signal) => {
      if (this.stopping || this.child !== child) return;
      this.crashes++;
      // A process that keeps dying at once (a missing build, a port taken) is retried less and less often.
      const base = this.options.restartDelayMs ?? 1000;
      // A kill from outside (the fault suite's SIGKILL) is not the process's fault: no back-off for it.
      const failedAtOnce = signal === null && Date.now() - startedAt < 10_000;
      this.backoff = failedAtOnce ? Math.min(30_000, Math.max(base, this.backoff * 2)) : base;
      const delay = this.backoff;
      this.options.onEvent?.(`${this.name} exited (${signal ?? `code ${code}`}); restarting in ${delay} ms`);
      this.restartTimer = setTimeout(() => this.start(), delay);
    });
  }

  /** Sends a signal as an outsider would (the supervisor then restarts the process). */
  kill(signal: NodeJS.Signals): boolean {
    return this.running ? this.child!.kill(signal) : false;
  }

  /** Stops it without a restart: SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child || !this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
      child.once('exit', () => (clearTimeout(kill), resolve()));
      child.kill('SIGTERM');
    });
  }

  /** Stops it (gracefully, or at once with SIGKILL) and starts it again. */
  async restart(how: 'graceful' | 'kill' = 'graceful'): Promise<void> {
    if (how === 'kill') {
      this.stopping = true;
      const exited = this.child && this.running ? new Promise((r) => this.child!.once('exit', r)) : Promise.resolve();
      this.kill('SIGKILL');
      await exited;
    } else {
      await this.stop();
    }
    this.start();
  }

  close(): void {
    this.log.end();
  }
}
