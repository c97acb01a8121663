import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { ROLES } from '@tnw/contracts';
import { API_OPTIONS, type ApiAppOptions } from '../api-options';
import type { AccessRole } from './access-roles';

const KNOWN_ROLES: readonly string[] = [...ROLES, 'partner'];
const STAFF_ID = /^[A-Za-z0-9._@-]{1,64}$/;

export interface VerifiedCaller {
  id: string;
  roles: AccessRole[];
}

export class InvalidAccessToken extends Error {}

/**
 * Verifies bearer tokens against the issuer's published keys (found through its discovery
 * document, cached and refreshed by jose when a new key ID appears): signature, issuer,
 * audience and expiry. Roles the API does not know are ignored.
 */
@Injectable()
export class AccessTokenVerifier {
  private keys?: Promise<ReturnType<typeof createRemoteJWKSet>>;

  constructor(@Inject(API_OPTIONS) private readonly options: ApiAppOptions) {}

  async verify(token: string): Promise<VerifiedCaller> {
    const { issuer, audience, rolesClaim } = this.options.oidc;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, await this.jwks(), { issuer, audience }));
    } catch (error) {
      throw new InvalidAccessToken(error instanceof Error ? error.message : String(error));
    }
    if (typeof payload.sub !== 'string' || !STAFF_ID.test(payload.sub)) throw new InvalidAccessToken('the token subject is not a staff or client identifier');
    const claimed = rolesClaim.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], payload);
    const roles = (Array.isArray(claimed) ? claimed : []).filter((role): role is AccessRole => KNOWN_ROLES.includes(role));
    return { id: payload.sub, roles };
  }

  private jwks(): Promise<ReturnType<typeof createRemoteJWKSet>> {
    this.keys ??= this.discover().catch((error: unknown) => {
      this.keys = undefined; // the issuer may come up later: try again on the next request
      throw error;
    });
    return this.keys;
  }

  private async discover(): Promise<ReturnType<typeof createRemoteJWKSet>> {
    const url = `${this.options.oidc.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) throw new Error(`OIDC discovery at ${url} answered ${response.status}`);
    const { jwks_uri } = (await response.json()) as { jwks_uri?: string };
    if (!jwks_uri) throw new Error(`OIDC discovery at ${url} names no jwks_uri`);
    return createRemoteJWKSet(new URL(jwks_uri));
  }
}
