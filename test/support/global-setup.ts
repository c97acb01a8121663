import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../scripts/devstack/postgres';
import { freePort } from '../../scripts/devstack/ports';
import { startTemporalDevServer } from '../../scripts/devstack/temporal-dev-server';
import { runMigrations } from '../../libs/persistence/src/run-migrations';
import { startIdentityServer } from '../../apps/identity/src/start-identity-server';

/**
 * One Temporal dev server, one PostgreSQL and one development identity provider for all end-to-end suites, on free ports, thrown
 * away at the end. Suites find them through the environment variables set here.
 */
export default async function globalSetup(): Promise<void> {
  // The apps log JSON at info level in production; in tests only warnings and errors matter.
  process.env.LOG_LEVEL ??= 'warn';
  // The master key that wraps the payload keys (docs/decisions/0004): one per run, shared by
  // every suite's apps and their test code through the environment, as in a deployment.
  process.env.TNW_MASTER_KEY ??= randomBytes(32).toString('base64');
  const [pgPort, temporalPort] = await Promise.all([freePort(), freePort()]);
  const [postgres, temporal, identity] = await Promise.all([
    startEmbeddedPostgres({ dataDir: mkdtempSync(join(tmpdir(), 'tnw-pg-')), port: pgPort, database: 'tnw', persistent: false }),
    startTemporalDevServer({ port: temporalPort }),
    startIdentityServer({ port: 0, host: '127.0.0.1' }),
  ]);
  await runMigrations(postgres.url);
  process.env.TNW_TEST_DATABASE_URL = postgres.url;
  process.env.TNW_TEST_TEMPORAL_ADDRESS = temporal.address;
  process.env.TNW_TEST_OIDC_ISSUER = identity.issuer;
  (globalThis as { tnwTestStack?: unknown }).tnwTestStack = [{ stop: () => identity.app.close() }, temporal, postgres];
}
