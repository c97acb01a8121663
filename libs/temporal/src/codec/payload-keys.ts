import type { SerializationContext } from '@temporalio/common';

/** A data key and the ID under which it is stored; the ID goes into each payload's metadata. */
export interface DataKey {
  keyId: string;
  key: Buffer;
}

/**
 * Where the encryption codec gets its keys: production's SubjectKeyStore (one key per person,
 * in PostgreSQL, wrapped by the master key) or StaticPayloadKeys (the tests' fixed key).
 */
export interface PayloadKeys {
  /**
   * The key for payloads owned by this workflow or activity (SDK 1.24 passes the context on
   * every path that has one; see SubjectKeyStore for the paths without one).
   */
  encryptionKey(context: SerializationContext | undefined): Promise<DataKey>;
  /** The key with this ID; throws PayloadKeyUnavailableError when it is erased or unknown. */
  decryptionKey(keyId: string): Promise<Buffer>;
}

/** A payload's key is gone (its person was erased) or was never stored here. Carries no data. */
export class PayloadKeyUnavailableError extends Error {
  override readonly name = 'PayloadKeyUnavailableError';

  constructor(
    readonly keyId: string,
    readonly reason: 'erased' | 'unknown',
  ) {
    super(
      reason === 'erased'
        ? `payload key ${keyId} has been erased (its person was erased): the payload cannot be decrypted`
        : `payload key ${keyId} is unknown to this key store: the payload cannot be decrypted`,
    );
  }
}

/** A payload could not be decrypted for another reason than a missing key: altered, or malformed. */
export class PayloadDecryptionError extends Error {
  override readonly name = 'PayloadDecryptionError';
}

/** Nothing may be encrypted for this workflow: its ID says neither whose it is nor that it is no one's. */
export class PayloadEncryptionRefusedError extends Error {
  override readonly name = 'PayloadEncryptionRefusedError';
}
