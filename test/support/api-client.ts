// Response bodies are checked by the tests' assertions, so they are typed loosely here.
/* eslint-disable @typescript-eslint/no-explicit-any */

// Valid national numbers (mod-97 computed by hand): born 1985-07-30 serial 033; born 1990-01-15
// serial 123; born 1979-03-22 serial 999, whom the mutuality simulator does not know; born
// 1955-04-12 serial 064, in invalidity for the mutuality simulator (born before 1970).
export const MEMBER = '85.07.30-033.28';
export const OTHER_MEMBER = '90011512363';
export const NOT_A_MEMBER = '79032299921';
export const IN_INVALIDITY = '55041206480';

/** The development identity provider's users (apps/identity/src/dev-directory.ts), by role. */
export const STAFF = {
  coordinator: 'coord-17',
  advisingPhysician: 'adva-3',
  rizivReviewer: 'riziv-5',
  hcgriMember: 'hcgri-2',
  employmentCounsellor: 'vdab-9',
  supervisor: 'super-1',
  auditor: 'audit-1',
  administrator: 'admin-1',
} as const;

/** The partners' system client of the development identity provider. */
export const PARTNER_GATEWAY = { clientId: 'partner-gateway', clientSecret: 'dev-partner-secret' };

const tokens = new Map<string, Promise<string>>();

/**
 * An access token from the issuer's token endpoint: for a development user (password grant,
 * tnw-cli) or, for PARTNER_GATEWAY's client ID, the partners' system (client credentials).
 */
export function accessToken(issuer: string, user: string): Promise<string> {
  const key = `${issuer} ${user}`;
  let token = tokens.get(key);
  if (!token) {
    token = fetch(`${issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(
        user === PARTNER_GATEWAY.clientId
          ? { grant_type: 'client_credentials', client_id: user, client_secret: PARTNER_GATEWAY.clientSecret }
          : { grant_type: 'password', client_id: 'tnw-cli', username: user, password: 'dev' },
      ),
    }).then(async (response) => {
      if (!response.ok) throw new Error(`no token for ${user}: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { access_token: string }).access_token;
    });
    tokens.set(key, token);
  }
  return token;
}

/**
 * The back-office API as a test uses it: JSON in and out over real HTTP, signed in as a
 * development user (the coordinator unless `as` says otherwise).
 */
export class ApiClient {
  constructor(
    private readonly baseUrl: string,
    readonly user: string = STAFF.coordinator,
    private readonly issuer: string = process.env.TNW_TEST_OIDC_ISSUER ?? '',
  ) {}

  /** The same API, signed in as another user: a role of STAFF or a development user ID. */
  as(who: keyof typeof STAFF | string): ApiClient {
    return new ApiClient(this.baseUrl, STAFF[who as keyof typeof STAFF] ?? who, this.issuer);
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    if (!this.issuer) throw new Error('TNW_TEST_OIDC_ISSUER is not set: run the e2e tests through jest (test/support/global-setup.ts)');
    const authorization = `Bearer ${await accessToken(this.issuer, this.user)}`;
    return fetch(`${this.baseUrl}${path}`, { ...init, headers: { 'content-type': 'application/json', authorization, ...init.headers } });
  }

  post(path: string, body: unknown): Promise<Response> {
    return this.request(path, { method: 'POST', body: JSON.stringify(body) });
  }

  async json(response: Response | Promise<Response>): Promise<any> {
    return (await response).json();
  }

  /** A new case for the person, referred on 2026-02-20 (so its first contact is already overdue). */
  newCase(overrides: Record<string, unknown> = {}) {
    return {
      nationalNumber: MEMBER,
      route: 'A',
      incapacityStartDate: '2025-10-20',
      referralDate: '2026-02-20',
      regime: 'employee',
      contract: 'underContract',
      postalCode: '9000',
      language: 'nl',
      ...overrides,
    };
  }

  async startCase(overrides: Record<string, unknown> = {}): Promise<{ caseId: string; workflowId: string }> {
    const response = await this.post('/cases', this.newCase(overrides));
    if (response.status !== 201) throw new Error(`POST /cases answered ${response.status}: ${await response.text()}`);
    return this.json(response);
  }

  /** Polls the read model until the case shows the status (and the check, when given). */
  async caseOnce(caseId: string, status: string, check: (body: any) => boolean = () => true): Promise<any> {
    for (let attempt = 0; attempt < 300; attempt++) {
      const body = await this.json(this.request(`/cases/${caseId}`));
      if (body.status === status && check(body)) return body;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`case ${caseId} never reached ${status}`);
  }
}
