import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { CASES_TASK_QUEUE } from '@tnw/contracts';
import { productionDataConverter, workflowBundlePath } from '@tnw/temporal';
import { existsSync } from 'node:fs';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { createPartnersApp } from '../../apps/partners/src/create-partners-app';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import { oidcSettings } from '../../apps/api/src/auth/oidc-settings';
import { PARTNER_GATEWAY } from './api-client';

export interface E2eApps {
  apiUrl: string;
  partnersUrl: string;
  /** The development OIDC issuer the API trusts. */
  issuer: string;
  client: Client;
  databaseUrl: string;
  fatalErrors: unknown[];
  close(): Promise<void>;
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the e2e tests through jest (test/support/global-setup.ts)`);
  return value;
}

/**
 * The three apps of the system, in this test process, against the shared dev server and
 * PostgreSQL. Each suite gets its own task queue, so its worker sees only its own workflows.
 * The worker loads the prebuilt production bundle, as it does in production.
 */
export async function startE2eApps(suite: string): Promise<E2eApps> {
  const databaseUrl = requiredEnv('TNW_TEST_DATABASE_URL');
  const address = requiredEnv('TNW_TEST_TEMPORAL_ADDRESS');
  const issuer = requiredEnv('TNW_TEST_OIDC_ISSUER');
  const bundle = workflowBundlePath();
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run 'npm run build' (npm test does) first`);
  const temporal = { address, namespace: 'default', taskQueue: `${CASES_TASK_QUEUE}-${suite}` };
  const fatalErrors: unknown[] = [];

  const partners = await createPartnersApp();
  await partners.listen(0, '127.0.0.1');
  const partnersUrl = await partners.getUrl();
  const worker = await createWorkerApp({
    databaseUrl,
    partnersUrl,
    temporal,
    workflowBundle: { codePath: bundle },
    onFatalError: (error) => fatalErrors.push(error),
  });
  const api = await createApiApp({ databaseUrl, temporal, oidc: oidcSettings(issuer) });
  await api.listen(0, '127.0.0.1');
  const connection = await Connection.connect({ address });
  // The tests' client reads and writes payloads as the apps do: encrypted with each person's key.
  const dataConverter = productionDataConverter({ databaseUrl });

  return {
    apiUrl: (await api.getUrl()).replace('[::1]', '127.0.0.1'),
    partnersUrl,
    issuer,
    client: new Client({ connection, dataConverter }),
    databaseUrl,
    fatalErrors,
    close: async () => {
      await closeAll([api, worker, partners]);
      await connection.close();
      await dataConverter.close();
    },
  };
}

/** What the partner simulators need to call in to this API, with a token of the partners' client. */
export function partnerCallbackTo(apps: E2eApps) {
  return { url: apps.apiUrl, tokenUrl: `${apps.issuer}/token`, ...PARTNER_GATEWAY };
}

async function closeAll(apps: Array<INestApplication | INestApplicationContext>): Promise<void> {
  for (const app of apps) await app.close();
}
