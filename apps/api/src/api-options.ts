import type { TemporalConnectionConfig } from '@tnw/temporal';
import type { OidcSettings } from './auth/oidc-settings';

export const API_OPTIONS = Symbol('API_OPTIONS');

export interface ApiAppOptions {
  databaseUrl: string;
  temporal: TemporalConnectionConfig;
  oidc: OidcSettings;
}
