import type { TemporalConnectionConfig } from '@tnw/temporal';

export const API_OPTIONS = Symbol('API_OPTIONS');

export interface ApiAppOptions {
  databaseUrl: string;
  temporal: TemporalConnectionConfig;
}
