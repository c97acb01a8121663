export const IDENTITY_OPTIONS = Symbol('IDENTITY_OPTIONS');

export interface IdentityOptions {
  /** The issuer URL, as it appears in tokens and in the discovery document. */
  issuer: string;
  /** The audience of access tokens: the back-office API. */
  audience: string;
  accessTokenSeconds: number;
}

export const API_AUDIENCE = 'tnw-api';
