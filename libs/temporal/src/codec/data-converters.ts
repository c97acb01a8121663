import type { DataConverter, PayloadCodec } from '@temporalio/common';
import { SubjectKeys } from '@tnw/persistence';
import { DataSource } from 'typeorm';
import { EncryptionCodec } from './encryption-codec';
import { FAILURE_CONVERTER_PATH } from './failure-converter-path';
import { StaticPayloadKeys } from './static-payload-keys';
import { parseMasterKey, SubjectKeyStore } from './subject-key-store';

/** A data converter that holds resources (a database pool): close it with the client or worker. */
export interface ClosableDataConverter extends DataConverter {
  payloadCodecs: PayloadCodec[];
  failureConverterPath: string;
  close(): Promise<void>;
}

export interface ProductionDataConverter extends ClosableDataConverter {
  /** The key per person; `keys.erase(personId)` erases a person. */
  keys: SubjectKeyStore;
}

export interface ProductionDataConverterOptions {
  /** The application's DataSource, reused and left open by close()... */
  dataSource?: DataSource;
  /** ...or a database to connect to, lazily on the first key needed; close() disconnects. */
  databaseUrl?: string;
  /** Base64 of the 32-byte master key; default TNW_MASTER_KEY. */
  masterKey?: string;
  /** How long data keys stay in memory (see SubjectKeyStore); default 60 s. */
  keyCacheTtlMs?: number;
}

/**
 * The data converter of every client, worker, replay and codec server of the system: payloads
 * encrypted with the key of the person they belong to (docs/decisions/0004), failure messages
 * inside the encrypted payloads. Fails at once when the master key is missing or malformed.
 */
export function productionDataConverter(options: ProductionDataConverterOptions | DataSource): ProductionDataConverter {
  const { dataSource, databaseUrl, masterKey, keyCacheTtlMs } = options instanceof DataSource ? { dataSource: options } : options;
  if (!dataSource && !databaseUrl) throw new Error('productionDataConverter needs a dataSource or a databaseUrl');
  const master = parseMasterKey(masterKey ?? process.env.TNW_MASTER_KEY);
  let own: DataSource | undefined;
  let rows: Promise<SubjectKeys> | undefined;
  const connect = async (): Promise<SubjectKeys> => {
    if (dataSource) return new SubjectKeys(dataSource);
    own = new DataSource({ type: 'postgres', url: databaseUrl, poolSize: 4 });
    await own.initialize();
    return new SubjectKeys(own);
  };
  const keys = new SubjectKeyStore(
    () =>
      (rows ??= connect().catch((error: unknown) => {
        rows = undefined;
        throw error;
      })),
    { masterKey: master, keyCacheTtlMs },
  );
  return {
    payloadCodecs: [new EncryptionCodec(keys)],
    failureConverterPath: FAILURE_CONVERTER_PATH,
    keys,
    close: async () => {
      keys.clear();
      await rows?.catch(() => undefined);
      if (own?.isInitialized) await own.destroy();
    },
  };
}

/**
 * The tests' key: fixed and public, so that the committed histories (test/histories), captured
 * by the workflow tests with it, replay in `npm test` as they would in production, encrypted.
 * They hold only invented test data. Its ID is no UUID, so it can never meet a production key.
 */
export const TEST_KEY_ID = 'tnw-test-key-1';
const TEST_KEY = Buffer.from('dG53LW9yY2hlc3RyYXRvciB0ZXN0IGtleSBub3Qgc2U=', 'base64');

export function testPayloadKeys(): StaticPayloadKeys {
  return new StaticPayloadKeys({ [TEST_KEY_ID]: TEST_KEY }, TEST_KEY_ID);
}

/** The production converter's codec and failure converter, with the fixed test key. */
export function testDataConverter(): ClosableDataConverter {
  return { payloadCodecs: [new EncryptionCodec(testPayloadKeys())], failureConverterPath: FAILURE_CONVERTER_PATH, close: async () => undefined };
}
