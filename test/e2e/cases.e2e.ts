import { trajectoryWorkflowId } from '@tnw/contracts';
import { AuditLog, CaseRegistry } from '@tnw/persistence';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@tnw/persistence';
import { parseMasterKey } from '@tnw/temporal';
import { generateKeyPair, SignJWT } from 'jose';
import { randomInt, randomUUID } from 'node:crypto';
import { RequestFingerprints } from '../../apps/api/src/cases/idempotency-key';
import { ApiClient, NOT_A_MEMBER, OTHER_MEMBER, STAFF } from '../support/api-client';
import { startE2eApps, type E2eApps } from '../support/e2e-apps';

// Every case here is referred on 2026-02-20, so its first-contact deadline (2026-03-20, D9) has
// passed on the dev server's real clock: the workflow escalates at once, and the test can
// compare the read model with dates computed by hand. The timer itself is tested to the
// instant on the time-skipping server (test/workflows).
const OVERDUE = 'firstContactOverdue';

/** A valid Belgian national number (born 1981) of a person no other test uses, so that their cases can be counted. */
function freshPerson(): string {
  const base = `810607${String(randomInt(100, 999))}`;
  return base + String(97 - (Number(base) % 97)).padStart(2, '0');
}


describe('a case through every layer: HTTP API, Temporal dev server, worker, simulators, PostgreSQL', () => {
  let apps: E2eApps;
  let dataSource: DataSource;

  beforeAll(async () => {
    apps = await startE2eApps('cases');
    client = new ApiClient(apps.apiUrl);
    dataSource = await new DataSource(dataSourceOptions(apps.databaseUrl)).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await apps?.close();
  });

  let client: ApiClient;
  const api = (path: string) => client.request(path);
  const post = (path: string, body: unknown) => client.post(path, body);
  const json = (response: Response | Promise<Response>) => client.json(response);
  const newCase = (overrides: Record<string, unknown> = {}) => client.newCase(overrides);
  const caseOnceStatus = (caseId: string, status: string) => client.caseOnce(caseId, status);

  it('answers /health with 200 when PostgreSQL and Temporal answer', async () => {
    const response = await api('/health');
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ status: 'ok', info: { postgres: { status: 'up' }, temporal: { status: 'up' } } });
  });

  it('starts a case, runs it on the prebuilt bundle, and reads it back from the read model and the workflow', async () => {
    const created = await post('/cases', newCase());
    expect(created.status).toBe(201);
    const { caseId, workflowId } = await json(created);
    expect(workflowId).toBe(trajectoryWorkflowId(caseId));
    expect(workflowId).not.toContain('85073003328');

    const body = await caseOnceStatus(caseId, OVERDUE);
    // Referred on 2026-02-20: within one month means by 2026-03-20 (D9), so until 00:00 Brussels
    // time (UTC+1) on 2026-03-21; past it, a supervisor has the case in their inbox as well.
    const expiry = '2026-03-20T23:00:00.000Z';
    expect(body).toMatchObject({
      route: 'A',
      mutuality: expect.stringMatching(/^\d00$/),
      nextDeadline: { kind: 'firstContact', dueDate: '2026-03-20', expiresAt: expiry, ruleId: 'coordinator.firstContactWithin' },
      openTasks: [
        { kind: 'firstContact', role: 'coordinator', dueAt: expiry },
        { kind: 'firstContactOverdue', role: 'supervisor', dueAt: expiry },
      ],
      live: { status: OVERDUE, caseId },
    });
    expect(JSON.stringify(body)).not.toContain('85073003328');
  });

  it('keeps the national number out of the workflow history', async () => {
    const { caseId } = await json(post('/cases', newCase({ nationalNumber: OTHER_MEMBER })));
    await caseOnceStatus(caseId, OVERDUE);
    const history = await apps.client.workflow.getHandle(trajectoryWorkflowId(caseId)).fetchHistory();
    expect(JSON.stringify(history)).not.toContain(OTHER_MEMBER);
  });

  it('records a first contact with its actor in the audit log, and refuses a second one with the reason', async () => {
    const { caseId } = await json(post('/cases', newCase()));
    await caseOnceStatus(caseId, OVERDUE);

    const held = await post(`/cases/${caseId}/first-contact`, { heldOn: '2026-03-02', reason: 'met at the office' });
    expect(held.status).toBe(200);
    expect(await json(held)).toMatchObject({ status: 'firstContactHeld', firstContactDate: '2026-03-02' });
    await caseOnceStatus(caseId, 'active');
    const audit = await new AuditLog(dataSource).forCase(caseId);
    expect(audit).toMatchObject([{ actorId: 'coord-17', actorRole: 'coordinator', action: 'recordFirstContact', reason: 'met at the office' }]);

    const again = await post(`/cases/${caseId}/first-contact`, { heldOn: '2026-03-03' });
    expect(again.status).toBe(409);
    expect((await json(again)).message).toBe('a first contact cannot be recorded while the trajectory is active');
  });

  it('lists cases by filter, earliest deadline first, and finds a person by national number sent in the body', async () => {
    const { caseId } = await json(post('/cases', newCase({ nationalNumber: OTHER_MEMBER, postalCode: '1000', language: 'fr' })));
    await caseOnceStatus(caseId, OVERDUE);
    const page = await json(client.request(`/cases?status=${OVERDUE}&employmentService=ACTIRIS&overdue=true&pageSize=200`));
    expect(page.items).toContainEqual(expect.objectContaining({ caseId, route: 'A', status: OVERDUE, employmentService: 'ACTIRIS', overdue: true }));
    expect(page.items.every((item: { status: string; employmentService: string; overdue: boolean }) => item.status === OVERDUE && item.employmentService === 'ACTIRIS' && item.overdue)).toBe(true);
    const deadlines = page.items.map((item: { nextDeadline: { expiresAt: string } }) => item.nextDeadline.expiresAt);
    expect(deadlines).toEqual([...deadlines].sort());
    expect(page.total).toBeGreaterThanOrEqual(page.items.length);

    const badFilter = await client.request('/cases?status=sleeping&pageSize=0');
    expect(badFilter.status).toBe(400);
    expect((await json(badFilter)).violations.map((v: { field: string }) => v.field).sort()).toEqual(['pageSize', 'status']);

    const found = await json(post('/cases/search', { nationalNumber: '90.01.15-123.63' }));
    expect(found.items).toContainEqual(expect.objectContaining({ caseId }));
    expect((await json(post('/cases/search', { nationalNumber: '90011512364' }))).violations).toEqual([expect.objectContaining({ field: 'nationalNumber' })]);
  });

  it('refuses a step without a token, and with a token the issuer did not sign (401, nothing recorded)', async () => {
    const { caseId } = await json(post('/cases', newCase()));
    const firstContact = (authorization?: string) =>
      fetch(`${apps.apiUrl}/cases/${caseId}/first-contact`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: JSON.stringify({ heldOn: '2026-03-02' }),
      });
    const missing = await firstContact();
    expect(missing.status).toBe(401);
    expect((await json(missing)).message).toBe('an Authorization: Bearer <access token> header is required');

    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ roles: ['coordinator'] })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('coord-17')
      .setIssuer(apps.issuer)
      .setAudience('tnw-api')
      .setExpirationTime('5m')
      .sign(privateKey);
    const refused = await firstContact(`Bearer ${forged}`);
    expect(refused.status).toBe(401);
    expect((await json(refused)).message).toMatch(/^the access token was refused/);
    expect((await json(client.request(`/cases/${caseId}`))).live.firstContactDate).toBeUndefined();
  });

  it.each([
    ['a national number with a wrong check', { nationalNumber: '85073003329' }, 'nationalNumber', 'isBelgianNationalNumber'],
    ['an impossible date', { incapacityStartDate: '2025-02-30' }, 'incapacityStartDate', 'isCalendarDate'],
    ['an unknown route', { route: 'D' }, 'route', 'isIn'],
    ['a postal code that is not Belgian', { postalCode: '75001' }, 'postalCode', 'matches'],
    ['an unknown field', { diagnosis: 'x' }, 'diagnosis', 'whitelistValidation'],
    ['a referral before the incapacity', { referralDate: '2025-10-19' }, 'referralDate', 'notBeforeIncapacityStart'],
  ])('refuses %s with 400 naming the field and the rule', async (_what, overrides, field, rule) => {
    const response = await post('/cases', newCase(overrides));
    expect(response.status).toBe(400);
    expect((await json(response)).violations).toContainEqual(expect.objectContaining({ field, rule }));
  });

  it('refuses an out-of-scope person with 422 naming the rule, and starts nothing', async () => {
    const response = await post('/cases', newCase({ exclusion: 'workAccident' }));
    expect(response.status).toBe(422);
    expect(await json(response)).toMatchObject({ ruleId: 'scope.excludedCategories', citation: { domainRule: 'D2' } });
  });

  it('ends a case whose person the mutuality does not know', async () => {
    const { caseId } = await json(post('/cases', newCase({ nationalNumber: NOT_A_MEMBER })));
    const body = await caseOnceStatus(caseId, 'notAMember');
    expect(body.openTasks).toEqual([]);
  });

  describe('POST /cases with an Idempotency-Key', () => {
    const startWithKey = (body: unknown, key: string, as = client) =>
      as.request('/cases', { method: 'POST', body: JSON.stringify(body), headers: { 'idempotency-key': key } });
    const casesOf = async (nationalNumber: string) => (await json(post('/cases/search', { nationalNumber }))).items as Array<{ caseId: string }>;
    const runsOf = async (workflowId: string) => {
      const runs = [];
      for await (const run of apps.client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) runs.push(run);
      return runs;
    };

    it('answers a retry with the first answer (201, the same case), without a second case or workflow', async () => {
      const key = randomUUID();
      const nationalNumber = freshPerson();
      const body = newCase({ nationalNumber });
      const first = await startWithKey(body, key);
      expect(first.status).toBe(201);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      const started = await json(first);

      const retry = await startWithKey(body, key);
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(await json(retry)).toEqual(started);
      // The draft's form of the header, a structured-field string, is the same key.
      expect(await json(startWithKey(body, `"${key}"`))).toEqual(started);

      await caseOnceStatus(started.caseId, OVERDUE);
      const later = await startWithKey(body, key);
      expect(later.status).toBe(201);
      expect(await json(later)).toEqual(started);
      expect(await casesOf(nationalNumber)).toEqual([expect.objectContaining({ caseId: started.caseId })]);
      expect(await runsOf(started.workflowId)).toHaveLength(1);
    });

    it('refuses the key with another body (422 naming the header and the rule); another caller has keys of their own', async () => {
      const key = randomUUID();
      const nationalNumber = freshPerson();
      const body = newCase({ nationalNumber });
      const { caseId } = await json(startWithKey(body, key));

      const other = await startWithKey({ ...body, postalCode: '1000' }, key);
      expect(other.status).toBe(422);
      expect(await json(other)).toMatchObject({ header: 'Idempotency-Key', rule: 'sameKeySameRequest', message: expect.stringContaining('Idempotency-Key') });
      expect(await casesOf(nationalNumber)).toHaveLength(1);

      const colleague = await startWithKey(body, key, client.as('coord-22'));
      expect(colleague.status).toBe(201);
      expect((await json(colleague)).caseId).not.toBe(caseId);
    });

    it('makes one case, one workflow and one payload key of concurrent requests with the same key', async () => {
      const key = randomUUID();
      const nationalNumber = freshPerson();
      const body = newCase({ nationalNumber });
      const answers = await Promise.all([1, 2, 3, 4, 5].map(() => startWithKey(body, key)));
      expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201]);
      const started = await Promise.all(answers.map((answer) => json(answer)));
      expect(new Set(started.map((answer) => answer.caseId)).size).toBe(1);
      expect(answers.filter((answer) => answer.headers.get('idempotent-replayed') === null)).toHaveLength(1);
      const cases = await casesOf(nationalNumber);
      expect(cases).toEqual([expect.objectContaining({ caseId: started[0].caseId })]);
      await caseOnceStatus(started[0].caseId, OVERDUE);
      expect(await runsOf(started[0].workflowId)).toHaveLength(1);
      const keys = await dataSource.query(`SELECT k.key_id FROM subject_key k JOIN case_file c ON c.person_id = k.person_id WHERE c.id = $1`, [cases[0].caseId]);
      expect(keys).toHaveLength(1);
    });

    it('completes the start of a case registered for the key whose workflow was never started', async () => {
      // What a request leaves behind when its API process dies between the registration and the start.
      const key = randomUUID();
      const nationalNumber = freshPerson();
      const body = newCase({ nationalNumber });
      const requestHash = new RequestFingerprints(parseMasterKey(process.env.TNW_MASTER_KEY)).of(body);
      const left = await new CaseRegistry(dataSource).registerOnce(
        { ...body, employmentService: 'VDAB', workflowIdFor: trajectoryWorkflowId },
        { subject: STAFF.coordinator, key, requestHash },
      );
      if (left.outcome !== 'registered') throw new Error(`registered ${left.outcome}`);
      expect(await runsOf(left.case.workflowId)).toHaveLength(0);

      const retry = await startWithKey(body, key);
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(await json(retry)).toEqual({ caseId: left.case.caseId, workflowId: left.case.workflowId, status: 'registered' });
      expect(await caseOnceStatus(left.case.caseId, OVERDUE)).toMatchObject({ live: { caseId: left.case.caseId } });
      expect(await runsOf(left.case.workflowId)).toHaveLength(1);
      expect(await casesOf(nationalNumber)).toHaveLength(1);
    });

    it.each([
      ['empty', ''],
      ['blank', '   '],
      ['too long', 'k'.repeat(256)],
      ['not ASCII', 'clé-1'],
      ['an empty structured-field string', '""'],
    ])('refuses a key that is %s with 400 naming the header, and starts nothing', async (_what, key) => {
      const nationalNumber = freshPerson();
      const response = await startWithKey(newCase({ nationalNumber }), key);
      expect(response.status).toBe(400);
      expect((await json(response)).violations).toEqual([expect.objectContaining({ field: 'Idempotency-Key', rule: 'isIdempotencyKey' })]);
      expect(await casesOf(nationalNumber)).toEqual([]);
    });
  });

  it('asks the mutuality exactly once per case while it fails a third of its calls', async () => {
    await fetch(`${apps.partnersUrl}/_admin/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ failureRate: 0.34, latencyMs: 0 }),
    });
    try {
      const started = await Promise.all([1, 2, 3, 4, 5, 6].map(() => json(post('/cases', newCase()))));
      for (const { caseId } of started) await caseOnceStatus(caseId, OVERDUE);
      const effects: Array<{ idempotencyKey: string }> = await json(fetch(`${apps.partnersUrl}/_admin/effects`));
      for (const { workflowId } of started) {
        expect(effects.filter((effect) => effect.idempotencyKey.startsWith(`${workflowId}/`))).toHaveLength(1);
      }
    } finally {
      await fetch(`${apps.partnersUrl}/_admin/faults`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ failureRate: 0, latencyMs: 0 }),
      });
    }
  });
});
