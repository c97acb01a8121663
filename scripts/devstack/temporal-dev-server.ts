import { ChildProcess, spawn } from 'node:child_process';
import { SEARCH_ATTRIBUTES } from '../../libs/contracts/src/search-attributes';
import { temporalCliPath } from './tools';
import { waitForPort } from './ports';

export interface TemporalDevServerOptions {
  port: number;
  /** Web UI port; the UI is disabled when absent. */
  uiPort?: number;
  /** SQLite file for persistence across restarts; in memory when absent. */
  dbFile?: string;
  /** The codec server the Web UI decodes payloads with (the API's /codec, docs/decisions/0004). */
  uiCodecEndpoint?: string;
  log?: (line: string) => void;
}

export interface RunningProcess {
  address: string;
  stop(): Promise<void>;
}

/** Starts `temporal server start-dev` from the CLI that scripts/tools.sh provides, with our search attributes. */
export async function startTemporalDevServer(options: TemporalDevServerOptions): Promise<RunningProcess> {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port), '--log-format', 'json'];
  args.push(...(options.uiPort ? ['--ui-port', String(options.uiPort)] : ['--headless']));
  if (options.uiPort && options.uiCodecEndpoint) args.push('--ui-codec-endpoint', options.uiCodecEndpoint);
  if (options.dbFile) args.push('--db-filename', options.dbFile);
  // The case workflows' search attributes; start-dev keeps them across restarts of a database file.
  for (const { name, type } of Object.values(SEARCH_ATTRIBUTES)) {
    args.push('--search-attribute', `${name}=${type.charAt(0)}${type.slice(1).toLowerCase()}`);
  }
  const child = spawn(temporalCliPath(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  forwardLines(child, options.log);
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`temporal dev server exited early with code ${code}`))),
  );
  await Promise.race([waitForPort(options.port, 60_000, 'Temporal dev server'), exited]);
  exited.catch(() => undefined);
  return { address: `127.0.0.1:${options.port}`, stop: () => stopChild(child) };
}

function forwardLines(child: ChildProcess, log?: (line: string) => void): void {
  const sink = log ?? (() => undefined);
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => chunk.split('\n').filter(Boolean).forEach(sink));
  }
}

/** SIGTERM, then SIGKILL if the process has not exited after 10 seconds. */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => (clearTimeout(kill), resolve()));
    child.kill('SIGTERM');
  });
}
