import { defaultPayloadConverter } from '@temporalio/common';
import type { StoredSubjectKey } from '@tnw/persistence';
import { episodeWorkflowId, trainingReviewWorkflowId, trajectoryWorkflowId } from '@tnw/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import { EncryptionCodec, payloadKeyId } from './encryption-codec';
import { PayloadEncryptionRefusedError, PayloadKeyUnavailableError } from './payload-keys';
import { parseMasterKey, SubjectKeyStore, type SubjectKeyRows } from './subject-key-store';

/** The subject_key table and the case and episode owners, in memory. */
class FakeRows implements SubjectKeyRows {
  readonly keys: StoredSubjectKey[] = [];
  readonly cases = new Map<string, string>();
  readonly episodes = new Map<string, string>();
  reads = 0;

  async personOfCase(caseId: string) {
    return this.cases.get(caseId) ?? null;
  }
  async personOfEpisode(episodeId: string) {
    return this.episodes.get(episodeId) ?? null;
  }
  async keyOfSubject(personId: string | null) {
    this.reads++;
    return this.keys.find((key) => key.personId === personId) ?? null;
  }
  async keyById(keyId: string) {
    this.reads++;
    return this.keys.find((key) => key.keyId === keyId) ?? null;
  }
  async insertKeyIfAbsent(key: { keyId: string; personId: string | null; wrappedKey: Buffer }) {
    await new Promise((resolve) => setImmediate(resolve));
    if (!this.keys.some((stored) => stored.personId === key.personId)) this.keys.push({ ...key, erasedAt: null });
  }
  async erase(personId: string) {
    const key = this.keys.find((stored) => stored.personId === personId);
    if (!key) throw new Error('no key');
    Object.assign(key, { wrappedKey: null, erasedAt: new Date('2026-05-01T10:00:00Z') });
    return key.keyId;
  }
}

const ctx = (workflowId: string) => ({ type: 'workflow' as const, namespace: 'default', workflowId });
const value = { note: 'medical text' };

describe('SubjectKeyStore: one key per person, wrapped by the master key', () => {
  let rows: FakeRows;
  let masterKey: Buffer;
  let clock: number;
  let store: SubjectKeyStore;
  const [anna, bert] = [randomUUID(), randomUUID()];
  const [annaCase, bertCase, annaEpisode] = [randomUUID(), randomUUID(), randomUUID()];
  const newStore = (key = masterKey) => new SubjectKeyStore(async () => rows, { masterKey: key, keyCacheTtlMs: 60_000, retryDelayMs: 1, now: () => clock });

  beforeEach(() => {
    rows = new FakeRows();
    rows.cases.set(annaCase, anna).set(bertCase, bert);
    rows.episodes.set(annaEpisode, anna);
    masterKey = randomBytes(32);
    clock = 0;
    store = newStore();
  });

  it("makes a person's key on their first payload, stores it only wrapped, and uses it for all their workflows", async () => {
    const first = await store.encryptionKey(ctx(trajectoryWorkflowId(annaCase)));
    expect(rows.keys).toHaveLength(1);
    expect(rows.keys[0]).toMatchObject({ keyId: first.keyId, personId: anna });
    expect(rows.keys[0].wrappedKey!.includes(first.key)).toBe(false);
    expect(await store.encryptionKey(ctx(trainingReviewWorkflowId(annaCase, 1)))).toEqual(first);
    expect(await store.encryptionKey(ctx(episodeWorkflowId(annaEpisode)))).toEqual(first);
    expect(await store.encryptionKey({ type: 'activity', namespace: 'default', workflowId: trajectoryWorkflowId(annaCase), isLocal: false })).toEqual(first);
    const other = await store.encryptionKey(ctx(trajectoryWorkflowId(bertCase)));
    expect(other.keyId).not.toBe(first.keyId);
    expect(other.key.equals(first.key)).toBe(false);
  });

  it('makes one key when several payloads of a new person arrive at once', async () => {
    const keys = await Promise.all([1, 2, 3].map(() => store.encryptionKey(ctx(trajectoryWorkflowId(annaCase)))));
    const fromAnotherProcess = await newStore().encryptionKey(ctx(trajectoryWorkflowId(annaCase)));
    expect(new Set([...keys, fromAnotherProcess].map((key) => key.keyId)).size).toBe(1);
    expect(rows.keys).toHaveLength(1);
  });

  it('encrypts a registered workflow under the key its registration stored, without a query', async () => {
    // What CaseRegistry.register does: a key offered for the new person, stored by its statement.
    const carl = randomUUID();
    const offered = store.newSubjectKey(carl);
    const stored = { ...offered, personId: carl, erasedAt: null };
    rows.keys.push(stored);
    const workflowId = trajectoryWorkflowId(randomUUID());
    store.registered(workflowId, carl, stored);
    const codec = new EncryptionCodec(store);
    const encoded = await codec.encode([defaultPayloadConverter.toPayload(value)], ctx(workflowId));
    expect(payloadKeyId(encoded[0])).toBe(offered.keyId);
    expect(rows.reads).toBe(0);
    // The key is the stored one: another process reads it from its row.
    expect(defaultPayloadConverter.fromPayload((await new EncryptionCodec(newStore()).decode(encoded))[0])).toEqual(value);
  });

  it('after a registration that saw no key, or an erased one, reads the person key as before', async () => {
    const [first, second] = [trajectoryWorkflowId(randomUUID()), trajectoryWorkflowId(randomUUID())];
    // The registration lost a race for a new person: the key the winner stored is read.
    const winner = await newStore().encryptionKey(ctx(trajectoryWorkflowId(annaCase)));
    store.registered(first, anna, null);
    expect(await store.encryptionKey(ctx(first))).toEqual(winner);
    // Erased: a throwaway key, never the erased one, and nothing cached.
    await store.encryptionKey(ctx(trajectoryWorkflowId(bertCase)));
    await store.erase(bert);
    store.registered(second, bert, rows.keys.find((key) => key.personId === bert)!);
    const [once, again] = [await store.encryptionKey(ctx(second)), await store.encryptionKey(ctx(second))];
    expect(once.keyId).not.toBe(again.keyId);
  });

  it("binds an offered key to its person: stored as another person's, it does not unwrap and is not used", async () => {
    const offered = store.newSubjectKey(anna);
    const workflowId = trajectoryWorkflowId(randomUUID());
    store.registered(workflowId, bert, { ...offered, personId: bert, erasedAt: null });
    const used = await store.encryptionKey(ctx(workflowId));
    expect(used.keyId).not.toBe(offered.keyId);
    expect(rows.keys).toEqual([expect.objectContaining({ keyId: used.keyId, personId: bert })]);
  });

  it('gives the system key to the monthly report and to payloads without a context', async () => {
    const report = await store.encryptionKey(ctx('monthly-report-2033-02'));
    expect(await store.encryptionKey(undefined)).toEqual(report);
    expect(await store.encryptionKey({ type: 'activity', namespace: 'default', isLocal: false })).toEqual(report);
    expect(rows.keys).toEqual([expect.objectContaining({ keyId: report.keyId, personId: null })]);
  });

  it('refuses a workflow whose ID says nothing of its owner', async () => {
    await expect(store.encryptionKey(ctx('fake'))).rejects.toThrow(PayloadEncryptionRefusedError);
    expect(rows.keys).toEqual([]);
  });

  it('encrypts for a case or episode that is not registered (no such workflow) under keys nobody keeps', async () => {
    const codec = new EncryptionCodec(store);
    for (const workflowId of [trajectoryWorkflowId(randomUUID()), episodeWorkflowId(randomUUID())]) {
      const encoded = await codec.encode([defaultPayloadConverter.toPayload(value)], ctx(workflowId));
      await expect(codec.decode(encoded)).rejects.toThrow(new PayloadKeyUnavailableError(payloadKeyId(encoded[0])!, 'unknown'));
    }
    expect(rows.keys).toEqual([]);
    // Registered afterwards: the case's person's key from then on.
    const caseId = randomUUID();
    await store.encryptionKey(ctx(trajectoryWorkflowId(caseId)));
    rows.cases.set(caseId, anna);
    expect(await store.encryptionKey(ctx(trajectoryWorkflowId(caseId)))).toEqual(await store.encryptionKey(ctx(trajectoryWorkflowId(annaCase))));
  });

  it("erasing a person makes their payloads unreadable, naming the key, and leaves everyone else's readable", async () => {
    const codec = new EncryptionCodec(store);
    const annas = await codec.encode([defaultPayloadConverter.toPayload(value)], ctx(trajectoryWorkflowId(annaCase)));
    const berts = await codec.encode([defaultPayloadConverter.toPayload(value)], ctx(trajectoryWorkflowId(bertCase)));
    const keyId = payloadKeyId(annas[0])!;

    expect(await store.erase(anna)).toBe(keyId);
    await expect(codec.decode(annas)).rejects.toThrow(new PayloadKeyUnavailableError(keyId, 'erased'));
    await expect(codec.decode(annas)).rejects.toThrow(`payload key ${keyId} has been erased`);
    // What her workflows still write is encrypted under keys thrown away at once: unreadable too.
    const later = await codec.encode([defaultPayloadConverter.toPayload(value)], ctx(trajectoryWorkflowId(annaCase)));
    expect(payloadKeyId(later[0])).not.toBe(keyId);
    await expect(codec.decode(later)).rejects.toThrow(PayloadKeyUnavailableError);
    expect(rows.keys).toHaveLength(2);
    expect(defaultPayloadConverter.fromPayload((await codec.decode(berts))[0])).toEqual(value);
    // A fresh process (the auditors' replay, the codec server) is refused too.
    await expect(new EncryptionCodec(newStore()).decode(annas)).rejects.toThrow(PayloadKeyUnavailableError);
  });

  it('another process that cached the key stops using it when its copy expires', async () => {
    const codec = new EncryptionCodec(store);
    const annas = await codec.encode([defaultPayloadConverter.toPayload(value)], ctx(trajectoryWorkflowId(annaCase)));
    await newStore().erase(anna);
    expect(defaultPayloadConverter.fromPayload((await codec.decode(annas))[0])).toEqual(value);
    clock += 60_000;
    await expect(codec.decode(annas)).rejects.toThrow(PayloadKeyUnavailableError);
  });

  it('forgets an erased key at once when asked to recheck it (the codec server does)', async () => {
    const codec = new EncryptionCodec(store);
    const annas = await codec.encode([defaultPayloadConverter.toPayload(value)], ctx(trajectoryWorkflowId(annaCase)));
    const berts = await codec.encode([defaultPayloadConverter.toPayload(value)], ctx(trajectoryWorkflowId(bertCase)));
    await newStore().erase(anna);
    await store.recheck([payloadKeyId(annas[0])!, payloadKeyId(berts[0])!]);
    await expect(codec.decode(annas)).rejects.toThrow(PayloadKeyUnavailableError);
    expect(payloadKeyId((await codec.encode([defaultPayloadConverter.toPayload(value)], ctx(trajectoryWorkflowId(annaCase))))[0])).not.toBe(payloadKeyId(annas[0]));
    expect(defaultPayloadConverter.fromPayload((await codec.decode(berts))[0])).toEqual(value);
  });

  it('reads a key from the database once per cache period', async () => {
    await store.encryptionKey(ctx(trajectoryWorkflowId(annaCase)));
    const reads = rows.reads;
    for (let i = 0; i < 5; i++) await store.encryptionKey(ctx(trajectoryWorkflowId(annaCase)));
    expect(rows.reads).toBe(reads);
  });

  it('waits out a short database outage', async () => {
    const keyOfSubject = rows.keyOfSubject.bind(rows);
    let failures = 2;
    rows.keyOfSubject = async (personId) => {
      if (failures-- > 0) throw new Error('connection terminated');
      return keyOfSubject(personId);
    };
    await expect(store.encryptionKey(ctx(trajectoryWorkflowId(annaCase)))).resolves.toMatchObject({ keyId: expect.any(String) });
    failures = 3;
    await expect(newStore().encryptionKey(ctx(trajectoryWorkflowId(bertCase)))).rejects.toThrow('connection terminated');
  });

  it('while the database does not answer, keeps using a key whose copy expired less than 5 minutes ago', async () => {
    const codec = new EncryptionCodec(store);
    const annas = await codec.encode([defaultPayloadConverter.toPayload(value)], ctx(trajectoryWorkflowId(annaCase)));
    await store.encryptionKey(ctx(trajectoryWorkflowId(bertCase)));
    const unreachable = async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    };
    Object.assign(rows, { keyById: unreachable, keyOfSubject: unreachable, personOfCase: unreachable });
    clock += 60_000 + 4 * 60_000;
    expect(defaultPayloadConverter.fromPayload((await codec.decode(annas))[0])).toEqual(value);
    expect(
      payloadKeyId((await codec.encode([defaultPayloadConverter.toPayload(value)], ctx(trajectoryWorkflowId(annaCase))))[0]),
    ).toBe(payloadKeyId(annas[0]));
    // Not a key it never held, and not past the grace.
    await expect(
      codec.encode([defaultPayloadConverter.toPayload(value)], ctx(trajectoryWorkflowId(randomUUID()))),
    ).rejects.toThrow('ECONNREFUSED');
    clock += 60_000;
    await expect(store.encryptionKey(ctx(trajectoryWorkflowId(bertCase)))).rejects.toThrow('ECONNREFUSED');
    await expect(codec.decode(annas)).rejects.toThrow('ECONNREFUSED');
  });

  it('serves no expired key when the database answers with an error of its own, or erased the key here', async () => {
    const codec = new EncryptionCodec(store);
    const annas = await codec.encode([defaultPayloadConverter.toPayload(value)], ctx(trajectoryWorkflowId(annaCase)));
    clock += 61_000;
    rows.keyById = async () => {
      throw new Error('permission denied for table subject_key');
    };
    await expect(codec.decode(annas)).rejects.toThrow('permission denied');
    const berts = await codec.encode([defaultPayloadConverter.toPayload(value)], ctx(trajectoryWorkflowId(bertCase)));
    await store.erase(bert);
    rows.keyById = async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    };
    await expect(codec.decode(berts)).rejects.toThrow('ECONNREFUSED');
  });

  it('refuses a key wrapped by another master key, naming TNW_MASTER_KEY', async () => {
    const { keyId } = await store.encryptionKey(ctx(trajectoryWorkflowId(annaCase)));
    await expect(newStore(randomBytes(32)).decryptionKey(keyId)).rejects.toThrow(/TNW_MASTER_KEY is not the master key/);
  });

  it('refuses a wrapped key copied into another row', async () => {
    await store.encryptionKey(ctx(trajectoryWorkflowId(annaCase)));
    const { keyId: bertKey } = await store.encryptionKey(ctx(trajectoryWorkflowId(bertCase)));
    rows.keys[1].wrappedKey = rows.keys[0].wrappedKey;
    await expect(newStore().decryptionKey(bertKey)).rejects.toThrow(/cannot be unwrapped/);
  });

  it('reads the master key from base64, and names the variable when it is missing or malformed', () => {
    const key = randomBytes(32);
    expect(parseMasterKey(key.toString('base64')).equals(key)).toBe(true);
    expect(() => parseMasterKey(undefined)).toThrow(/TNW_MASTER_KEY is not set/);
    expect(() => parseMasterKey(randomBytes(16).toString('base64'))).toThrow(/TNW_MASTER_KEY must be 32 bytes/);
  });
});
