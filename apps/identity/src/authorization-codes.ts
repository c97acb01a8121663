import { Injectable } from '@nestjs/common';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export interface PendingAuthorization {
  userId: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce?: string;
}

const CODE_LIFETIME_MS = 60_000;

/** Authorization codes: single use, one minute, bound to the client, redirect URI and PKCE challenge. */
@Injectable()
export class AuthorizationCodes {
  private readonly pending = new Map<string, PendingAuthorization & { expiresAt: number }>();

  issue(authorization: PendingAuthorization): string {
    const code = randomBytes(32).toString('base64url');
    this.pending.set(code, { ...authorization, expiresAt: Date.now() + CODE_LIFETIME_MS });
    return code;
  }

  /** The authorization, once, if the code is current and the verifier matches its S256 challenge. */
  redeem(code: string, clientId: string, redirectUri: string, codeVerifier: string): PendingAuthorization | undefined {
    const found = this.pending.get(code);
    this.pending.delete(code);
    if (!found || found.expiresAt < Date.now()) return undefined;
    if (found.clientId !== clientId || found.redirectUri !== redirectUri) return undefined;
    const computed = Buffer.from(createHash('sha256').update(codeVerifier).digest('base64url'));
    const expected = Buffer.from(found.codeChallenge);
    return computed.length === expected.length && timingSafeEqual(computed, expected) ? found : undefined;
  }
}
