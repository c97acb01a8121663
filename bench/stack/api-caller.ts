/** A staff member of the development issuer (apps/identity/src/dev-directory.ts); password `dev`. */
export type DevUserId = 'coord-17' | 'adva-3' | 'super-1' | 'audit-1';

const ROLE_OF: Record<DevUserId, string> = {
  'coord-17': 'coordinator',
  'adva-3': 'advisingPhysician',
  'super-1': 'supervisor',
  'audit-1': 'auditor',
};

export interface ApiAnswer<T> {
  status: number;
  body: T;
}

const TOKEN_REFRESH_MS = 30 * 60_000; // tokens of the development issuer live an hour

/**
 * Calls the API as a user, with a bearer token from the development issuer (its password grant
 * for the `tnw-cli` client), fetched once per user and renewed before it expires. Without an
 * issuer (a build before the API checked tokens) it names the actor in the x-actor-* headers.
 */
export class ApiCaller {
  private readonly tokens = new Map<DevUserId, { token: Promise<string>; at: number }>();

  constructor(
    readonly url: string,
    private readonly issuer: string | undefined,
  ) {}

  async call<T = unknown>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    user: DevUserId = 'coord-17',
  ): Promise<ApiAnswer<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.issuer) headers.authorization = `Bearer ${await this.token(user)}`;
    // Builds from before the bearer tokens named the actor in these headers.
    else Object.assign(headers, { 'x-actor-id': user, 'x-actor-role': ROLE_OF[user] });
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  /** POST that must answer `expected` (201 by default); anything else fails the run with the answer. */
  async post<T = unknown>(path: string, body: unknown, user: DevUserId = 'coord-17', expected = 201): Promise<T> {
    const answer = await this.call<T>('POST', path, body, user);
    if (answer.status !== expected) throw new Error(`POST ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  private token(user: DevUserId): Promise<string> {
    const cached = this.tokens.get(user);
    if (cached && Date.now() - cached.at < TOKEN_REFRESH_MS) return cached.token;
    const token = this.fetchToken(user);
    this.tokens.set(user, { token, at: Date.now() });
    token.catch(() => this.tokens.delete(user));
    return token;
  }

  private async fetchToken(user: DevUserId): Promise<string> {
    const form = new URLSearchParams({ grant_type: 'password', client_id: 'tnw-cli', username: user, password: 'dev' });
    const response = await fetch(`${this.issuer}/token`, { method: 'POST', body: form });
    const body = (await response.json()) as { access_token?: string };
    if (!response.ok || !body.access_token)
      throw new Error(`the development issuer refused a token for ${user}: ${JSON.stringify(body)}`);
    return body.access_token;
  }
}
