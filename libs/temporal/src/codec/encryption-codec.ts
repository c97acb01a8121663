import type { Payload, PayloadCodec, SerializationContext } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { CIPHER, open, seal } from './aes-gcm';
import { PayloadDecryptionError, type PayloadKeys } from './payload-keys';

/** Metadata of an encrypted payload. None of it is personal: the key ID is a random UUID. */
export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
export const CIPHER_METADATA = 'encryption-cipher';

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const text = (bytes: Uint8Array | null | undefined) => (bytes ? Buffer.from(bytes).toString('utf8') : undefined);
/** Binds the ciphertext to its key ID: a payload whose key ID was edited fails its check. */
const additionalData = (keyId: string) => utf8(`tnw-payload/v1/${keyId}`);

/**
 * Encrypts every payload (workflow inputs and results, signals, updates, queries, activity inputs
 * and results, memos, failure details and, with the failure converter, failure messages) with
 * AES-256-GCM under the key of the person the payload belongs to. The whole encoded payload
 * (its metadata, such as `encoding: json/plain`, and its data) is what gets encrypted, so the
 * history shows only `binary/encrypted`, the key ID and the cipher.
 *
 * Decoding reads the key ID from the payload, never from the context: a history can be decoded
 * by anyone holding its keys (replay, the codec server) without knowing its workflow ID.
 * Payloads that are not encrypted (histories from before encryption) are returned as they are.
 */
export class EncryptionCodec implements PayloadCodec {
  constructor(private readonly keys: PayloadKeys) {}

  async encode(payloads: Payload[], context?: SerializationContext): Promise<Payload[]> {
    if (!payloads.some((payload) => !isEncrypted(payload))) return payloads;
    const { keyId, key } = await this.keys.encryptionKey(context);
    return payloads.map((payload) =>
      isEncrypted(payload)
        ? payload
        : {
            metadata: { encoding: utf8(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: utf8(keyId), [CIPHER_METADATA]: utf8(CIPHER) },
            data: seal(key, temporal.api.common.v1.Payload.encode(payload).finish(), additionalData(keyId)),
          },
    );
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return Promise.all(payloads.map((payload) => (isEncrypted(payload) ? this.decrypt(payload) : payload)));
  }

  private async decrypt(payload: Payload): Promise<Payload> {
    const keyId = text(payload.metadata?.[KEY_ID_METADATA]);
    if (!keyId) throw new PayloadDecryptionError(`an encrypted payload has no ${KEY_ID_METADATA} in its metadata`);
    const cipher = text(payload.metadata?.[CIPHER_METADATA]);
    if (cipher !== CIPHER) throw new PayloadDecryptionError(`payload under key ${keyId} uses the cipher ${cipher ?? '(none)'}, not ${CIPHER}`);
    const key = await this.keys.decryptionKey(keyId);
    let plaintext: Buffer;
    try {
      plaintext = open(key, payload.data ?? new Uint8Array(), additionalData(keyId));
    } catch {
      throw new PayloadDecryptionError(`payload under key ${keyId} failed its integrity check: it was altered, or the key is not the one it was encrypted with`);
    }
    const inner = temporal.api.common.v1.Payload.decode(plaintext);
    return { metadata: { ...inner.metadata }, data: inner.data };
  }
}

export function isEncrypted(payload: Payload): boolean {
  return text(payload.metadata?.encoding) === ENCRYPTED_ENCODING;
}

/** The key ID of an encrypted payload (the codec server and tests read it); undefined otherwise. */
export function payloadKeyId(payload: Payload): string | undefined {
  return isEncrypted(payload) ? text(payload.metadata?.[KEY_ID_METADATA]) : undefined;
}
