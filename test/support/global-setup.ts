import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../scripts/devstack/postgres';
import { freePort } from '../../scripts/devstack/ports';
import { startTemporalDevServer } from '../../scripts/devstack/temporal-dev-server';
import { runMigrations } from '../../libs/persistence/src/run-migrations';

/**
 * One Temporal dev server and one PostgreSQL for all end-to-end suites, on free ports, thrown
 * away at the end. Suites find them through the environment variables set here.
 */
export default async function globalSetup(): Promise<void> {
  // The apps log JSON at info level in production; in tests only warnings and errors matter.
  process.env.LOG_LEVEL ??= 'warn';
  const [pgPort, temporalPort] = await Promise.all([freePort(), freePort()]);
  const [postgres, temporal] = await Promise.all([
    startEmbeddedPostgres({ dataDir: mkdtempSync(join(tmpdir(), 'tnw-pg-')), port: pgPort, database: 'tnw', persistent: false }),
    startTemporalDevServer({ port: temporalPort }),
  ]);
  await runMigrations(postgres.url);
  process.env.TNW_TEST_DATABASE_URL = postgres.url;
  process.env.TNW_TEST_TEMPORAL_ADDRESS = temporal.address;
  (globalThis as { tnwTestStack?: unknown }).tnwTestStack = [temporal, postgres];
}
