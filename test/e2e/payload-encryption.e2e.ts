import { Client, Connection } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { SubjectKeys } from '@tnw/persistence';
import {
  ENCRYPTED_ENCODING,
  KEY_ID_METADATA,
  PayloadKeyUnavailableError,
  productionDataConverter,
  workflowBundlePath,
  type ProductionDataConverter,
} from '@tnw/temporal';
import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { accessToken, ApiClient, STAFF } from '../support/api-client';
import { startE2eApps, type E2eApps } from '../support/e2e-apps';
import { payloadsInHistory, readableText } from '../support/history-payloads';

type History = temporal.api.history.v1.IHistory;
/** Temporal's JSON form of a payload: also the codec server protocol's. */
interface JsonPayload {
  metadata: Record<string, string>;
  data?: string;
}

/** A valid Belgian national number (born before 2000) of a person no other suite uses. */
function nationalNumber(birth: string): string {
  const base = `${birth}${String(randomInt(100, 999)).padStart(3, '0')}`;
  return base + String(97 - (Number(base) % 97)).padStart(2, '0');
}

/** The national number however it is written: 72031412345, 72.03.14-123.45, 720314 123 45, ... */
const inAnyFormat = (digits: string) => new RegExp(digits.split('').join('[ .\\-/]?'));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MEDICAL = 'Burn-out after knee surgery; sees a psychiatrist weekly';
const OVERDUE = 'firstContactOverdue';
const UI_ORIGIN = 'http://127.0.0.1:8233';

const jsonPayloads = (history: unknown): JsonPayload[] => {
  const found: JsonPayload[] = [];
  JSON.stringify(history, (_key, value: unknown) => {
    const metadata = (value as JsonPayload | null)?.metadata;
    if (metadata && typeof metadata === 'object' && 'encoding' in metadata) found.push(value as JsonPayload);
    return value;
  });
  return found;
};
const toPayload = ({ metadata, data }: JsonPayload): Payload => ({
  metadata: Object.fromEntries(Object.entries(metadata).map(([key, value]) => [key, Buffer.from(value, 'base64')])),
  data: Buffer.from(data ?? '', 'base64'),
});
/** Every payload of a history, decrypted by the converter's codec, as text. */
async function decryptedTexts(history: unknown, converter: ProductionDataConverter): Promise<string[]> {
  const [codec] = converter.payloadCodecs;
  const decoded = await codec.decode(jsonPayloads(history).map(toPayload));
  return decoded.map((payload) => Buffer.from(payload.data ?? []).toString('utf8'));
}

describe('payload encryption with a key per person (docs/decisions/0004)', () => {
  let apps: E2eApps;
  let api: ApiClient;
  let connection: Connection;
  /** A client without the codec: what the Temporal server stores, as an operator would read it. */
  let raw: Client;
  let dataSource: DataSource;
  const converters: ProductionDataConverter[] = [];
  /** A new process's converter: nothing cached. */
  const freshConverter = () => {
    const converter = productionDataConverter({ databaseUrl: apps.databaseUrl });
    converters.push(converter);
    return converter;
  };
  const anna = { nationalNumber: nationalNumber('720314') } as { nationalNumber: string; caseId: string; workflowId: string; keyId: string };
  const bert = { nationalNumber: nationalNumber('680922') } as typeof anna;
  const rawHistory = async (workflowId: string) => raw.workflow.getHandle(workflowId).fetchHistory();
  const asJson = (history: History) => JSON.parse(historyToJSON(history)) as unknown;
  const replay = (history: History, workflowId: string, converter: ProductionDataConverter) =>
    Worker.runReplayHistory({ workflowBundle: { codePath: workflowBundlePath() }, dataConverter: converter }, history, workflowId);

  beforeAll(async () => {
    apps = await startE2eApps('payload-encryption');
    api = new ApiClient(apps.apiUrl);
    connection = await Connection.connect({ address: process.env.TNW_TEST_TEMPORAL_ADDRESS });
    raw = new Client({ connection });
    dataSource = await new DataSource({ type: 'postgres', url: apps.databaseUrl }).initialize();

    Object.assign(anna, await api.startCase({ nationalNumber: anna.nationalNumber }));
    Object.assign(bert, await api.startCase({ nationalNumber: bert.nationalNumber }));
    await api.caseOnce(anna.caseId, OVERDUE);
    const held = await api.post(`/cases/${anna.caseId}/first-contact`, { heldOn: '2026-03-02', reason: MEDICAL });
    expect(held.status).toBe(200);
    await api.caseOnce(anna.caseId, 'active');
    await api.caseOnce(bert.caseId, OVERDUE);
  });
  afterAll(async () => {
    for (const converter of converters) await converter.close();
    await dataSource?.destroy();
    await connection?.close();
    await apps?.close();
  });

  it('the raw history of a case shows ciphertext under its person key where the personal and medical data is', async () => {
    const history = asJson(await rawHistory(anna.workflowId));
    const payloads = payloadsInHistory(history);
    const encrypted = payloads.filter((payload) => !payload.exempt);
    expect(encrypted.length).toBeGreaterThan(10);
    expect(encrypted.filter((payload) => payload.encoding !== ENCRYPTED_ENCODING)).toEqual([]);
    const keyIds = new Set(encrypted.map((payload) => payload.keyId));
    expect(keyIds.size).toBe(1);
    anna.keyId = [...keyIds][0]!;
    expect(anna.keyId).toMatch(UUID);

    // Nothing personal in the clear: not in payloads, metadata, search attributes, workflow ID.
    const text = readableText(history);
    expect(text).not.toMatch(inAnyFormat(anna.nationalNumber));
    for (const words of [MEDICAL, 'Burn-out', 'knee surgery', 'psychiatrist']) expect(text).not.toContain(words);
    // ...yet the medical text is in the history: encrypted, and readable with her key.
    expect((await decryptedTexts(history, freshConverter())).join('\n')).toContain(MEDICAL);

    const berts = payloadsInHistory(asJson(await rawHistory(bert.workflowId))).filter((payload) => !payload.exempt);
    bert.keyId = berts[0].keyId!;
    expect(new Set(berts.map((payload) => payload.keyId))).toEqual(new Set([bert.keyId]));
    expect(bert.keyId).not.toBe(anna.keyId);
  });

  it("after a person's key is erased their payloads cannot be read, naming the key, and every other case still replays", async () => {
    const before = await rawHistory(anna.workflowId);
    await replay(before, anna.workflowId, freshConverter());

    // Erasure: their cases are closed first, then their key is destroyed.
    await raw.workflow.getHandle(anna.workflowId).terminate('the person asked to be erased');
    const personId = (await new SubjectKeys(dataSource).personOfCase(anna.caseId))!;
    expect(await freshConverter().keys.erase(personId)).toBe(anna.keyId);

    const history = await rawHistory(anna.workflowId);
    const reader = freshConverter();
    await expect(decryptedTexts(asJson(history), reader)).rejects.toThrow(new PayloadKeyUnavailableError(anna.keyId, 'erased'));
    await expect(decryptedTexts(asJson(history), reader)).rejects.toThrow(`payload key ${anna.keyId} has been erased`);
    await expect(replay(history, anna.workflowId, reader)).rejects.toThrow();

    await replay(await rawHistory(bert.workflowId), bert.workflowId, reader);
    expect((await decryptedTexts(asJson(await rawHistory(bert.workflowId)), reader)).join('\n')).toContain(bert.caseId);
  });

  describe('the codec server of the Temporal Web UI', () => {
    const decode = (payloads: JsonPayload[], headers: Record<string, string> = {}) =>
      fetch(`${apps.apiUrl}/codec/decode`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-namespace': 'default', origin: UI_ORIGIN, ...headers },
        body: JSON.stringify({ payloads }),
      });
    /** The Web UI passes the signed-in user's access token (TEMPORAL_CODEC_PASS_ACCESS_TOKEN). */
    const bearer = async (role: keyof typeof STAFF) => ({ authorization: `Bearer ${await accessToken(apps.issuer, STAFF[role])}` });
    const startInput = async (workflowId: string) => jsonPayloads(asJson(await rawHistory(workflowId)))[0];

    it('answers the Web UI preflight from its origin, with credentials', async () => {
      const response = await fetch(`${apps.apiUrl}/codec/decode`, {
        method: 'OPTIONS',
        headers: { origin: UI_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,x-namespace' },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(UI_ORIGIN);
      expect(response.headers.get('access-control-allow-credentials')).toBe('true');
      expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
    });

    it('refuses a caller without a token (401) and a role that may not read histories (403)', async () => {
      const payload = await startInput(bert.workflowId);
      const anonymous = await decode([payload]);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('access-control-allow-origin')).toBe(UI_ORIGIN);
      for (const role of ['coordinator', 'administrator'] as const) expect((await decode([payload], await bearer(role))).status).toBe(403);
    });

    it("decodes for an auditor, and leaves an erased person's payloads encrypted", async () => {
      const [berts, annas] = [await startInput(bert.workflowId), await startInput(anna.workflowId)];
      const response = await decode([berts, annas], await bearer('auditor'));
      expect(response.status).toBe(200);
      const { payloads } = (await response.json()) as { payloads: JsonPayload[] };
      expect(Buffer.from(payloads[0].metadata.encoding, 'base64').toString()).toBe('json/plain');
      expect(JSON.parse(Buffer.from(payloads[0].data!, 'base64').toString())).toMatchObject({ caseId: bert.caseId });
      expect(payloads[1]).toEqual(annas);
      expect(Buffer.from(payloads[1].metadata[KEY_ID_METADATA], 'base64').toString()).toBe(anna.keyId);
    });

    it('refuses an altered payload (422), naming its key and nothing of its data', async () => {
      const payload = await startInput(bert.workflowId);
      const data = Buffer.from(payload.data!, 'base64');
      data[data.length - 1] ^= 1;
      const response = await decode([{ ...payload, data: data.toString('base64') }], await bearer('supervisor'));
      expect(response.status).toBe(422);
      expect(((await response.json()) as { message: string }).message).toBe(`payload under key ${bert.keyId} failed its integrity check: it was altered, or the key is not the one it was encrypted with`);
    });
  });

});
