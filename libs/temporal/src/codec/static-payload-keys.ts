import { KEY_BYTES } from './aes-gcm';
import { PayloadKeyUnavailableError, type DataKey, type PayloadKeys } from './payload-keys';

/**
 * Keys held in memory, one of which encrypts everything: the tests' fixed key, and unit tests
 * of the codec. Never used by the apps.
 */
export class StaticPayloadKeys implements PayloadKeys {
  private readonly keys: Map<string, Buffer>;

  constructor(
    keys: Record<string, Buffer>,
    private readonly encryptWith: string,
  ) {
    this.keys = new Map(Object.entries(keys));
    for (const [keyId, key] of this.keys) if (key.length !== KEY_BYTES) throw new Error(`key ${keyId} must be ${KEY_BYTES} bytes`);
    if (!this.keys.has(encryptWith)) throw new Error(`no key ${encryptWith} to encrypt with`);
  }

  async encryptionKey(): Promise<DataKey> {
    return { keyId: this.encryptWith, key: this.keys.get(this.encryptWith)! };
  }

  async decryptionKey(keyId: string): Promise<Buffer> {
    const key = this.keys.get(keyId);
    if (!key) throw new PayloadKeyUnavailableError(keyId, 'unknown');
    return key;
  }
}
