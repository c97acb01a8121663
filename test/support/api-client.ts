// Response bodies are checked by the tests' assertions, so they are typed loosely here.
/* eslint-disable @typescript-eslint/no-explicit-any */

// Valid national numbers (mod-97 computed by hand): born 1985-07-30 serial 033; born 1990-01-15
// serial 123; born 1979-03-22 serial 999, whom the mutuality simulator does not know; born
// 1955-04-12 serial 064, in invalidity for the mutuality simulator (born before 1970).
export const MEMBER = '85.07.30-033.28';
export const OTHER_MEMBER = '90011512363';
export const NOT_A_MEMBER = '79032299921';
export const IN_INVALIDITY = '55041206480';

export const actorHeaders = (role: string, id = `${role}-1`) => ({ 'x-actor-id': id, 'x-actor-role': role });

/** The back-office API as a test uses it: JSON in and out over real HTTP. */
export class ApiClient {
  constructor(private readonly baseUrl: string) {}

  request(path: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
  }

  post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(path, { method: 'POST', body: JSON.stringify(body), headers });
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
