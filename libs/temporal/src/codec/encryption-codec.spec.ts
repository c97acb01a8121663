import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { randomBytes } from 'node:crypto';
import { CIPHER_METADATA, EncryptionCodec, ENCRYPTED_ENCODING, KEY_ID_METADATA, payloadKeyId } from './encryption-codec';
import { PayloadDecryptionError, PayloadKeyUnavailableError } from './payload-keys';
import { StaticPayloadKeys } from './static-payload-keys';
import { TEST_KEY_ID, testDataConverter } from './data-converters';

const MEDICAL = { personId: 'p-1', nationalNumber: '85073003328', reason: 'burn-out after surgery' };
const context = { type: 'workflow' as const, namespace: 'default', workflowId: 'trajectory-x' };
const text = (bytes: Uint8Array | null | undefined) => Buffer.from(bytes ?? []).toString('utf8');

describe('EncryptionCodec', () => {
  const keyA = randomBytes(32);
  const keyB = randomBytes(32);
  const codecA = new EncryptionCodec(new StaticPayloadKeys({ 'key-a': keyA }, 'key-a'));
  const payloads = (): Payload[] => [defaultPayloadConverter.toPayload(MEDICAL), defaultPayloadConverter.toPayload(undefined), defaultPayloadConverter.toPayload(new Uint8Array([1, 2, 3]))];

  it('round-trips every kind of payload, metadata included', async () => {
    const original = payloads();
    const decoded = await codecA.decode(await codecA.encode(original, context));
    expect(decoded.map((p) => defaultPayloadConverter.fromPayload(p))).toEqual([MEDICAL, undefined, new Uint8Array([1, 2, 3])]);
    expect(decoded.map((p) => text(p.metadata?.encoding))).toEqual(original.map((p) => text(p.metadata?.encoding)));
  });

  it('leaves only binary/encrypted, the key ID and the cipher in the clear', async () => {
    const [encoded] = await codecA.encode([defaultPayloadConverter.toPayload(MEDICAL)], context);
    expect(Object.fromEntries(Object.entries(encoded.metadata ?? {}).map(([k, v]) => [k, text(v)]))).toEqual({
      encoding: ENCRYPTED_ENCODING,
      [KEY_ID_METADATA]: 'key-a',
      [CIPHER_METADATA]: 'AES-256-GCM',
    });
    expect(payloadKeyId(encoded)).toBe('key-a');
    const raw = Buffer.from(encoded.data!).toString('latin1');
    for (const secret of [MEDICAL.nationalNumber, MEDICAL.reason, 'json/plain']) expect(raw).not.toContain(secret);
  });

  it('encrypts the same value differently each time (random IV)', async () => {
    const [one] = await codecA.encode([defaultPayloadConverter.toPayload(MEDICAL)], context);
    const [two] = await codecA.encode([defaultPayloadConverter.toPayload(MEDICAL)], context);
    expect(Buffer.from(one.data!).equals(Buffer.from(two.data!))).toBe(false);
  });

  it('refuses a payload whose key it does not have, naming the key ID', async () => {
    const encoded = await codecA.encode(payloads(), context);
    const other = new EncryptionCodec(new StaticPayloadKeys({ 'key-b': keyB }, 'key-b'));
    await expect(other.decode(encoded)).rejects.toThrow(new PayloadKeyUnavailableError('key-a', 'unknown'));
    await expect(other.decode(encoded)).rejects.toThrow(/payload key key-a is unknown/);
  });

  it('refuses a payload decrypted with the wrong key under the same ID', async () => {
    const encoded = await codecA.encode(payloads(), context);
    const impostor = new EncryptionCodec(new StaticPayloadKeys({ 'key-a': keyB }, 'key-a'));
    await expect(impostor.decode(encoded)).rejects.toThrow(PayloadDecryptionError);
  });

  it('detects a flipped bit in the ciphertext, and a key ID edited in the metadata', async () => {
    const [encoded] = await codecA.encode([defaultPayloadConverter.toPayload(MEDICAL)], context);
    const data = Buffer.from(encoded.data!);
    data[20] ^= 1;
    await expect(codecA.decode([{ ...encoded, data }])).rejects.toThrow(/key-a failed its integrity check/);

    const both = new EncryptionCodec(new StaticPayloadKeys({ 'key-a': keyA, 'key-c': keyA }, 'key-a'));
    const relabelled = { ...encoded, metadata: { ...encoded.metadata, [KEY_ID_METADATA]: Buffer.from('key-c') } };
    await expect(both.decode([relabelled])).rejects.toThrow(/key-c failed its integrity check/);
  });

  it('refuses an encrypted payload without a key ID or with an unknown cipher', async () => {
    const [encoded] = await codecA.encode([defaultPayloadConverter.toPayload(MEDICAL)], context);
    const withoutKeyId = { ...encoded.metadata };
    delete withoutKeyId[KEY_ID_METADATA];
    await expect(codecA.decode([{ ...encoded, metadata: withoutKeyId }])).rejects.toThrow(/no encryption-key-id/);
    await expect(codecA.decode([{ ...encoded, metadata: { ...encoded.metadata, [CIPHER_METADATA]: Buffer.from('ROT13') } }])).rejects.toThrow(/ROT13/);
  });

  it('decodes payloads from before encryption as they are, and does not encrypt twice', async () => {
    const plain = defaultPayloadConverter.toPayload(MEDICAL);
    expect(await codecA.decode([plain])).toEqual([plain]);
    const once = await codecA.encode([plain], context);
    expect(await codecA.encode(once, context)).toEqual(once);
  });

  it('asks for no key when there is nothing to encode', async () => {
    const keys = { encryptionKey: jest.fn(), decryptionKey: jest.fn() };
    expect(await new EncryptionCodec(keys).encode([], context)).toEqual([]);
    expect(keys.encryptionKey).not.toHaveBeenCalled();
  });

  it('the test data converter encrypts under the fixed test key', async () => {
    const [codec] = testDataConverter().payloadCodecs;
    const [encoded] = await codec.encode([defaultPayloadConverter.toPayload(MEDICAL)], context);
    expect(payloadKeyId(encoded)).toBe(TEST_KEY_ID);
    expect(defaultPayloadConverter.fromPayload((await codec.decode([encoded]))[0])).toEqual(MEDICAL);
  });
});
