import { Injectable } from '@nestjs/common';

export interface ClientCredentials {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
}

function fromEnv(env: NodeJS.ProcessEnv = process.env): ClientCredentials | undefined {
  const { CALLBACK_TOKEN_URL: tokenUrl, CALLBACK_CLIENT_ID: clientId, CALLBACK_CLIENT_SECRET: clientSecret } = env;
  return tokenUrl && clientId && clientSecret ? { tokenUrl, clientId, clientSecret } : undefined;
}

/** Renew a little before expiry, so that a token does not lapse on its way. */
const EXPIRY_MARGIN_MS = 30_000;

/**
 * How the simulated partners authenticate when they call in: an OAuth client-credentials token
 * from our identity provider, as a real partner's system would get one, kept until it nearly expires.
 */
@Injectable()
export class CallbackCredentials {
  private credentials = fromEnv();
  private cached?: { header: string; expiresAt: number };

  set(credentials: ClientCredentials | undefined): void {
    this.credentials = credentials ?? fromEnv();
    this.cached = undefined;
  }

  /** The Authorization header to send, or none when no credentials are configured. */
  async authorization(): Promise<string | undefined> {
    if (!this.credentials) return undefined;
    if (this.cached && this.cached.expiresAt > Date.now()) return this.cached.header;
    const { tokenUrl, clientId, clientSecret } = this.credentials;
    const response = await fetch(tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }),
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) throw new Error(`the token endpoint ${tokenUrl} answered ${response.status}`);
    const token = (await response.json()) as { access_token: string; expires_in: number };
    this.cached = { header: `Bearer ${token.access_token}`, expiresAt: Date.now() + token.expires_in * 1000 - EXPIRY_MARGIN_MS };
    return this.cached.header;
  }
}
