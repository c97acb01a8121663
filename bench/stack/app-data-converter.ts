import type { DataConverter } from '@temporalio/common';
import { join } from 'node:path';
import { BUILD_ROOT } from './bench-stack';

export interface AppDataConverter {
  /** Undefined: Temporal's default converter (a build without payload encryption). */
  dataConverter?: DataConverter;
  /** What the figures were measured with, for the tables and the JSON. */
  description: string;
  close(): Promise<void>;
}

interface CodecModule {
  productionDataConverter?: (options: { databaseUrl: string; masterKey: string }) => DataConverter & { close(): Promise<void> };
}

/**
 * The data converter the application's clients and workers use (`productionDataConverter` of
 * libs/temporal: payloads encrypted with each person's key, read from the run's PostgreSQL and
 * unwrapped with its master key), for the benchmark's own clients of the application's
 * workflows: starts, queries, replays. Looked up in the build at run time, so that the
 * benchmarks also run on a build from before the encryption, with Temporal's default converter
 * (and say so).
 */
export function appDataConverter(databaseUrl: string, masterKey: string): AppDataConverter {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const codec = require(join(BUILD_ROOT, 'libs', 'temporal', 'src', 'index.js')) as CodecModule;
  if (typeof codec.productionDataConverter !== 'function') {
    return { description: "Temporal's default (this build has no productionDataConverter)", close: async () => undefined };
  }
  const dataConverter = codec.productionDataConverter({ databaseUrl, masterKey });
  return {
    dataConverter,
    description: 'productionDataConverter (payloads encrypted per person)',
    close: () => dataConverter.close(),
  };
}
