import type { INestApplication } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { CASES_TASK_QUEUE, episodeWorkflowId, trajectoryWorkflowId } from '@tnw/contracts';
import { CaseRegistry, EpisodeRegistry } from '@tnw/persistence';
import { KEY_ID_METADATA, productionDataConverter, type ProductionDataConverter } from '@tnw/temporal';
import { randomInt, randomUUID } from 'node:crypto';
import { Client as PgClient } from 'pg';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { oidcSettings } from '../../apps/api/src/auth/oidc-settings';
import { ApiClient } from '../support/api-client';

/** A valid Belgian national number (born before 2000) of a person no other test uses. */
function nationalNumber(birth = '750101'): string {
  const base = `${birth}${String(randomInt(100, 999)).padStart(3, '0')}`;
  return base + String(97 - (Number(base) % 97)).padStart(2, '0');
}

interface Started {
  caseId: string;
  episodeId: string;
  workflowId: string;
}

const incapacity = (nationalNumber: string) => ({
  nationalNumber,
  incapacityStartDate: '2025-10-20',
  regime: 'employee',
  contract: 'underContract',
  postalCode: '9000',
  language: 'nl',
});

/**
 * What a registration costs PostgreSQL (docs/performance.md, "Proposed changes" 2): the API alone
 * (no worker polls its task queue, so every query of this process during a request is the
 * API's), each query counted where pg sends it. Before the change a first start cost nine round
 * trips (BEGIN, insert-or-ignore the person, select them, insert the case, COMMIT, then the codec's
 * case owner, key, key insert and key read back); now person, key and case are one statement and
 * the codec has what it needs.
 */
describe('registration: one round trip to PostgreSQL, the payload key included', () => {
  let api: INestApplication;
  let client: ApiClient;
  let connection: Connection;
  /** Without the codec: the history as Temporal stores it. */
  let raw: Client;
  let dataSource: DataSource;
  const converters: ProductionDataConverter[] = [];
  const sent: string[] = [];
  let recording = false;
  const query = PgClient.prototype.query;

  beforeAll(async () => {
    const counting = function (this: PgClient, ...args: unknown[]) {
      if (recording) sent.push(typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: string }).text));
      return (query as (...args: unknown[]) => unknown).apply(this, args);
    };
    PgClient.prototype.query = counting as typeof query;
    api = await createApiApp({
      databaseUrl: process.env.TNW_TEST_DATABASE_URL!,
      temporal: {
        address: process.env.TNW_TEST_TEMPORAL_ADDRESS!,
        namespace: 'default',
        taskQueue: `${CASES_TASK_QUEUE}-registration-queries`,
      },
      oidc: oidcSettings(process.env.TNW_TEST_OIDC_ISSUER!),
    });
    await api.listen(0, '127.0.0.1');
    client = new ApiClient((await api.getUrl()).replace('[::1]', '127.0.0.1'));
    connection = await Connection.connect({ address: process.env.TNW_TEST_TEMPORAL_ADDRESS });
    raw = new Client({ connection });
    dataSource = await new DataSource({ type: 'postgres', url: process.env.TNW_TEST_DATABASE_URL }).initialize();
    // The API's first request connects its pool and reads the issuer's keys: not what is measured.
    expect((await client.request('/cases?pageSize=1')).status).toBe(200);
  });
  afterAll(async () => {
    PgClient.prototype.query = query;
    for (const converter of converters) await converter.close();
    await dataSource?.destroy();
    await connection?.close();
    await api?.close();
  });

  /** The queries this process sent to PostgreSQL while the call ran. */
  const queriesOf = async (call: () => Promise<Response>) => {
    sent.length = 0;
    recording = true;
    try {
      const response = await call();
      return { response, body: (await response.json()) as Started, queries: [...sent] };
    } finally {
      recording = false;
    }
  };
  const keysOf = async (personId: string): Promise<Array<{ key_id: string }>> =>
    dataSource.query(`SELECT key_id FROM subject_key WHERE person_id = $1`, [personId]);
  const personOf = async (caseId: string): Promise<string> =>
    (await dataSource.query(`SELECT person_id FROM case_file WHERE id = $1`, [caseId]))[0].person_id;
  const startInputKeyId = async (workflowId: string) => {
    const history = await raw.workflow.getHandle(workflowId).fetchHistory();
    const input = history.events![0].workflowExecutionStartedEventAttributes!.input!.payloads![0];
    return Buffer.from(input.metadata![KEY_ID_METADATA]).toString();
  };

  it('starts a case of a new person with one query, and encrypts its start input under the key it stored', async () => {
    const { response, body, queries } = await queriesOf(() =>
      client.post('/cases', client.newCase({ nationalNumber: nationalNumber() })),
    );
    expect(response.status).toBe(201);
    expect(queries).toHaveLength(1);
    const keys = await keysOf(await personOf(body.caseId));
    expect(keys).toHaveLength(1);
    expect(await startInputKeyId(body.workflowId)).toBe(keys[0].key_id);
  });

  it('starts a case of a known person with one query, under their key', async () => {
    const person = nationalNumber();
    const first = await client.json(client.post('/cases', client.newCase({ nationalNumber: person })));
    const { response, body, queries } = await queriesOf(() => client.post('/cases', client.newCase({ nationalNumber: person })));
    expect(response.status).toBe(201);
    expect(queries).toHaveLength(1);
    expect(await personOf(body.caseId)).toBe(await personOf(first.caseId));
    expect(await startInputKeyId(body.workflowId)).toBe(await startInputKeyId(first.workflowId));
  });

  it('starts a case with an Idempotency-Key with one query, and answers its retry (the same case) with two', async () => {
    const headers = { 'idempotency-key': randomUUID() };
    const body = client.newCase({ nationalNumber: nationalNumber() });
    const send = () => client.request('/cases', { method: 'POST', body: JSON.stringify(body), headers });
    const first = await queriesOf(send);
    expect(first.response.status).toBe(201);
    expect(first.queries).toHaveLength(1);
    const retry = await queriesOf(send);
    expect(retry.response.status).toBe(201);
    expect(retry.response.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(retry.queries).toHaveLength(2);
  });

  it('reports an incapacity of a new person with one query, under the key it stored', async () => {
    const { response, body, queries } = await queriesOf(() => client.post('/incapacities', incapacity(nationalNumber())));
    expect(response.status).toBe(201);
    expect(queries).toHaveLength(1);
    const [{ person_id: personId }] = await dataSource.query(`SELECT person_id FROM episode WHERE id = $1`, [body.episodeId]);
    const keys = await keysOf(personId);
    expect(keys).toHaveLength(1);
    expect(await startInputKeyId(body.workflowId)).toBe(keys[0].key_id);
  });

  it('stores exactly one key when first registrations of one person run at once, in several processes', async () => {
    for (let round = 0; round < 5; round++) {
      const person = { nationalNumber: nationalNumber(), language: 'nl', postalCode: '9000', incapacityStartDate: '2025-10-20' };
      // Each registration with its own key store, as in separate API replicas.
      const stores = Array.from({ length: 6 }, () => {
        const converter = productionDataConverter({ dataSource });
        converters.push(converter);
        return converter.keys;
      });
      const registered = await Promise.all(
        stores.map((keys, i) =>
          i % 2
            ? new CaseRegistry(dataSource).register(
                { ...person, route: 'A', referralDate: '2026-02-20', workflowIdFor: trajectoryWorkflowId },
                keys,
              )
            : new EpisodeRegistry(dataSource).register({ ...person, workflowIdFor: episodeWorkflowId }, keys),
        ),
      );
      const personIds = new Set(registered.map((r) => r.personId));
      expect(personIds.size).toBe(1);
      const keys = await keysOf([...personIds][0]);
      expect(keys).toHaveLength(1);
      // Each process encrypts the new workflow's payloads under that key, told or read.
      const used = await Promise.all(
        registered.map((r, i) => stores[i].encryptionKey({ type: 'workflow', namespace: 'default', workflowId: r.workflowId })),
      );
      expect(new Set(used.map((key) => key.keyId))).toEqual(new Set([keys[0].key_id]));
    }
  });
});
