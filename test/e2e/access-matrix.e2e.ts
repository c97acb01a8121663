import { randomUUID } from 'node:crypto';
import { ApiClient, PARTNER_GATEWAY, STAFF } from '../support/api-client';
import { startE2eApps, type E2eApps } from '../support/e2e-apps';

type Caller = keyof typeof STAFF | 'partner';
const CALLERS: Caller[] = [...(Object.keys(STAFF) as Array<keyof typeof STAFF>), 'partner'];

const CASE_READERS: Caller[] = ['coordinator', 'advisingPhysician', 'rizivReviewer', 'hcgriMember', 'employmentCounsellor', 'supervisor', 'auditor'];
const TASK_HOLDERS: Caller[] = ['coordinator', 'advisingPhysician', 'rizivReviewer', 'hcgriMember', 'employmentCounsellor', 'supervisor'];
const STAFF_ROLES = Object.keys(STAFF) as Caller[];

/**
 * Who may call what: the specification, written out here rather than imported from the code it
 * checks. An endpoint the API publishes that is missing here fails the test, so a new endpoint
 * cannot ship without a decision about who may use it.
 */
const MATRIX: Record<string, Caller[] | 'public'> = {
  'GET /health': 'public',
  'GET /health/live': 'public',
  'GET /me': STAFF_ROLES,
  'POST /cases': ['coordinator'],
  'GET /cases': CASE_READERS,
  'POST /cases/search': CASE_READERS,
  'GET /cases/{caseId}': CASE_READERS,
  'POST /cases/{caseId}/advising-physician-agreement': ['advisingPhysician'],
  'POST /cases/{caseId}/first-contact': ['coordinator'],
  'POST /cases/{caseId}/engagement-declaration': ['coordinator'],
  'POST /cases/{caseId}/training-requests': ['coordinator'],
  'POST /cases/{caseId}/training-review/physician-advice': ['advisingPhysician'],
  'POST /cases/{caseId}/training-review/riziv-examination': ['rizivReviewer'],
  'POST /cases/{caseId}/training-review/hcgri-decision': ['hcgriMember'],
  'POST /cases/{caseId}/training-outcome': ['coordinator', 'employmentCounsellor'],
  'POST /cases/{caseId}/follow-ups': ['advisingPhysician'],
  'POST /cases/{caseId}/employment-service-referral': ['coordinator'],
  'POST /cases/{caseId}/occupational-physician-referral': ['coordinator'],
  'POST /cases/{caseId}/rtw-fund-voucher': ['coordinator'],
  'POST /cases/{caseId}/partial-resumption': ['coordinator', 'advisingPhysician'],
  'POST /cases/{caseId}/partial-resumption/decision': ['advisingPhysician'],
  'POST /cases/{caseId}/outcome': ['coordinator'],
  'POST /cases/{caseId}/stop': ['coordinator'],
  'POST /cases/{caseId}/retry-partner-call': ['coordinator'],
  'POST /incapacities': ['coordinator', 'partner'],
  'GET /incapacities/{episodeId}': ['coordinator', 'advisingPhysician', 'supervisor', 'auditor'],
  'POST /incapacities/{episodeId}/questionnaire-return': ['coordinator'],
  'POST /incapacities/{episodeId}/category-decision': ['advisingPhysician'],
  'POST /incapacities/{episodeId}/contact-moments': ['coordinator', 'advisingPhysician'],
  'POST /incapacities/{episodeId}/invalidity-renewal': ['advisingPhysician'],
  'POST /incapacities/{episodeId}/non-cooperation': ['coordinator', 'advisingPhysician'],
  'POST /incapacities/{episodeId}/relapse': ['coordinator', 'advisingPhysician'],
  'POST /incapacities/{episodeId}/end': ['coordinator', 'advisingPhysician'],
  'POST /incapacities/{episodeId}/retry-partner-call': ['coordinator'],
  'POST /inbound/employment-services/events': ['partner'],
  'POST /inbound/employer/reintegration-events': ['partner'],
  'GET /reports/monthly': ['supervisor', 'auditor', 'administrator'],
  'POST /reports/monthly/{month}/run': ['supervisor', 'administrator'],
  'GET /rules': STAFF_ROLES,
  'GET /rules/{ruleId}': STAFF_ROLES,
  'GET /tasks': TASK_HOLDERS,
  'GET /audit/cases/{caseId}/history': ['auditor', 'administrator'],
  'GET /audit/episodes/{episodeId}/history': ['auditor', 'administrator'],
  'GET /audit/cases/{caseId}/timeline': ['coordinator', 'advisingPhysician', 'supervisor', 'auditor'],
  'GET /audit/episodes/{episodeId}/timeline': ['coordinator', 'advisingPhysician', 'supervisor', 'auditor'],
  'POST /audit/replays': ['auditor', 'administrator'],
  'GET /audit/replays': ['auditor', 'administrator'],
  'GET /audit/replays/{id}': ['auditor', 'administrator'],
  'POST /codec/decode': ['auditor', 'supervisor'],
  'POST /tasks/{taskId}/claim': TASK_HOLDERS,
  'POST /tasks/{taskId}/release': TASK_HOLDERS,
  'POST /tasks/{taskId}/assign': ['supervisor'],
};

/** A path with its parameters filled in: unknown IDs (nothing exists, nothing changes) and a past month. */
const concrete = (path: string) => path.replace(/\{month\}/g, '2020-01').replace(/\{\w+\}/g, () => randomUUID());

/** Every endpoint against every role: the right ones get past the access check, the others get 403, nobody without a token. */
describe('access: every endpoint against every role', () => {
  let apps: E2eApps;
  let api: ApiClient;
  let published: string[];

  beforeAll(async () => {
    apps = await startE2eApps('access');
    api = new ApiClient(apps.apiUrl);
    const document = (await (await fetch(`${apps.apiUrl}/docs-json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    published = Object.entries(document.paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
  });
  afterAll(async () => {
    await apps?.close();
  });

  it('has a decision for every endpoint the API publishes, and publishes every endpoint decided', () => {
    expect([...published].sort()).toEqual(Object.keys(MATRIX).sort());
  });

  const call = (endpoint: string, client?: ApiClient) => {
    const [method, path] = endpoint.split(' ');
    const init: RequestInit = method === 'GET' ? { method } : { method, body: '{}' };
    return client ? client.request(concrete(path), init) : fetch(`${apps.apiUrl}${concrete(path)}`, { ...init, headers: { 'content-type': 'application/json' } });
  };

  it.each(Object.entries(MATRIX))('%s', async (endpoint, allowed) => {
    const outcomes: Record<string, string> = {};
    const expected: Record<string, string> = {};
    const anonymous = (await call(endpoint)).status;
    outcomes.anonymous = anonymous === 401 ? 'refused: 401' : `answered ${anonymous}`;
    expected.anonymous = allowed === 'public' ? `answered ${anonymous === 401 ? 200 : anonymous}` : 'refused: 401';
    if (allowed !== 'public') {
      for (const caller of CALLERS) {
        const client = api.as(caller === 'partner' ? PARTNER_GATEWAY.clientId : caller);
        const status = (await call(endpoint, client)).status;
        outcomes[caller] = status === 403 || status === 401 ? `refused: ${status}` : 'past the access check';
        expected[caller] = allowed.includes(caller) ? 'past the access check' : 'refused: 403';
      }
    }
    expect(outcomes).toEqual(expected);
  });
});
