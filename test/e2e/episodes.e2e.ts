// Response bodies are checked by the tests' assertions, so they are typed loosely here.
/* eslint-disable @typescript-eslint/no-explicit-any */
import { episodeWorkflowId } from '@tnw/contracts';
import { addDays, createDeadlines, createRulebook } from '@tnw/domain';
import { AuditLog, dataSourceOptions } from '@tnw/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { todayInBrussels } from '../../apps/api/src/cases/today';
import { ApiClient, STAFF } from '../support/api-client';
import { startE2eApps, type E2eApps } from '../support/e2e-apps';

// Born 1988-02-14, serial 245 (odd: no eBox in the letters simulator, so paper letters).
const NATIONAL_NUMBER = '88021424533';
const coordinator = STAFF.coordinator;
const physician = STAFF.advisingPhysician;

// Dates relative to the dev server's real clock: an incapacity that started 100 days ago is in
// its month 4, so the questionnaire (end of week 10) goes out at once and the month-4 windows
// (category decision D8, contact moment D10) are open, with their reminders still ahead. The
// timers themselves are tested to the instant on the time-skipping server (test/workflows).
const today = todayInBrussels();
const start = addDays(today, -100);
const deadlines = createDeadlines(createRulebook());
const monthFourExpiry = new Date(deadlines.categoryDecisionDue(start).expiresAt!).toISOString();
const questionnaireReturn = deadlines.questionnaireReturnDue(today, start);

/** An incapacity episode reported by the mutuality and walked through its first year by staff. */
describe('incapacity episodes through the API, the dev server, the worker and the simulators', () => {
  let apps: E2eApps;
  let api: ApiClient;
  let dataSource: DataSource;

  beforeAll(async () => {
    apps = await startE2eApps('episodes');
    api = new ApiClient(apps.apiUrl);
    dataSource = await new DataSource(dataSourceOptions(apps.databaseUrl)).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await apps?.close();
  });

  const report = (overrides: Record<string, unknown> = {}) =>
    api.post('/incapacities', {
      nationalNumber: NATIONAL_NUMBER,
      incapacityStartDate: start,
      regime: 'employee',
      contract: 'noContract',
      postalCode: '9000',
      language: 'nl',
      ...overrides,
    });
  const step = async (episodeId: string, path: string, body: unknown, user: string = coordinator) => {
    const response = await api.as(user).post(`/incapacities/${episodeId}/${path}`, body);
    return { status: response.status, body: await api.json(response) };
  };
  const lettersOf = async (episodeId: string) =>
    (await (await fetch(`${apps.partnersUrl}/_admin/letters?caseId=${episodeId}`)).json()) as Array<{ kind: string; registered: boolean; channel: string }>;

  /** The read model (and live state) once `ready` holds: projections are written asynchronously. */
  async function episodeWhen(episodeId: string, ready: (body: any) => boolean): Promise<any> {
    const giveUpAt = Date.now() + 30_000;
    let body = await api.json(api.request(`/incapacities/${episodeId}`));
    while (!ready(body)) {
      if (Date.now() > giveUpAt) throw new Error(`episode ${episodeId} never got ready: ${JSON.stringify(body)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      body = await api.json(api.request(`/incapacities/${episodeId}`));
    }
    return body;
  }
  const kinds = (items: Array<{ kind: string }>) => items.map((item) => item.kind).sort();

  it('reports an incapacity, sends what is due, and takes the first-year steps with their actors', async () => {
    const created = await report();
    expect(created.status).toBe(201);
    const { episodeId, workflowId } = await api.json(created);
    expect(workflowId).toBe(episodeWorkflowId(episodeId));
    expect(workflowId).not.toContain(NATIONAL_NUMBER);

    // The tasks and their notices are written by separate activities: wait for both.
    const opened = await episodeWhen(
      episodeId,
      (body) => body.openTasks?.length === 2 && body.taskNotices?.length === 2 && body.nextDeadline?.kind === 'questionnaireReturn',
    );
    expect(opened).toMatchObject({
      status: 'active',
      phase: 'primary',
      incapacityStartDate: start,
      category: null,
      nextDeadline: { kind: 'questionnaireReturn', dueDate: questionnaireReturn.date, ruleId: 'questionnaire.returnWithin' },
      openTasks: [
        { kind: 'categoryDecision', role: 'advisingPhysician', dueAt: monthFourExpiry },
        { kind: 'contactMoment-4', role: 'advisingPhysician', dueAt: monthFourExpiry },
      ],
      live: { episodeId, status: 'active', questionnaire: { sentOn: today } },
    });
    expect(kinds(opened.taskNotices)).toEqual(['categoryDecision', 'contactMoment-4']);
    // The letters partner files an episode's letters under the episode ID, once per key.
    const letters = await lettersOf(episodeId);
    expect(kinds(letters)).toEqual(['invitation', 'questionnaire']);
    expect(letters.every((letter) => letter.channel === 'paper' && !letter.registered)).toBe(true);

    expect((await step(episodeId, 'questionnaire-return', { returnedOn: today })).body).toMatchObject({ questionnaire: { returnedOn: today } });
    const wrongRole = await step(episodeId, 'category-decision', { category: 4, decidedOn: today });
    expect(wrongRole).toMatchObject({ status: 403, body: { message: 'this needs one of the roles advisingPhysician' } });
    const decided = await step(episodeId, 'category-decision', { category: 4, decidedOn: today, reason: 'adapted work possible' }, physician);
    expect(decided).toMatchObject({ status: 200, body: { category: { category: 4, decidedOn: today } } });
    expect((await step(episodeId, 'contact-moments', { month: 4, heldOn: today }, physician)).status).toBe(200);
    const tooEarly = await step(episodeId, 'contact-moments', { month: 7, heldOn: today }, physician);
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.message).toMatch(/^heldOn \S+ is before the opening of the month-7 window/);

    // D8 category 4 without a contract: referred to the coordinator (D9) and to the employment service (D11).
    const referred = await episodeWhen(episodeId, (body) => body.category === 4 && body.openTasks.length === 0 && body.taskNotices.length === 4);
    expect(referred.taskNotices.slice(2)).toEqual([
      expect.objectContaining({ kind: 'referral', role: 'coordinator', stage: 'open', ruleId: 'coordinator.firstContactWithin' }),
      expect.objectContaining({ kind: 'employmentServiceRegistration', role: 'coordinator', stage: 'open' }),
    ]);
    expect(referred.nextDeadline).toMatchObject({ kind: 'contactMoment-7' });

    const audit = await new AuditLog(dataSource).forCase(episodeId);
    expect(audit.map(({ action, actorId }) => `${action} by ${actorId}`)).toEqual([
      'returnQuestionnaire by coord-17',
      'decideCategory:4 by adva-3',
      'recordContactMoment:4 by adva-3',
    ]);
    expect(audit[1].reason).toBe('adapted work possible');
  });

  it('records non-cooperation for the benefits service, ends the episode and reopens it on a relapse (D5, D12)', async () => {
    const { episodeId } = await api.json(report());
    await episodeWhen(episodeId, (body) => body.status === 'active');

    expect((await step(episodeId, 'non-cooperation', { kind: 'missedContact', occurredOn: today })).status).toBe(200);
    expect((await step(episodeId, 'end', { lastDay: addDays(today, -1) })).body).toMatchObject({ status: 'ended' });
    const ended = await episodeWhen(episodeId, (body) => body.status === 'ended' && body.nonCooperation.length === 1);
    expect(ended).toMatchObject({ openTasks: [], nextDeadline: null, nonCooperation: [{ kind: 'missedContact', occurredOn: today }] });
    expect((await step(episodeId, 'end', { lastDay: today })).body.message).toBe('the end of the episode cannot be recorded while the episode is ended');

    const relapse = await step(episodeId, 'relapse', { newStart: today });
    expect(relapse).toMatchObject({ status: 200, body: { status: 'active', relapses: [{ previousEnd: addDays(today, -1), newStart: today }] } });
    await episodeWhen(episodeId, (body) => body.status === 'active' && body.openTasks.length === 2);
  });

  it('keeps the national number out of the workflow history', async () => {
    const { episodeId } = await api.json(report());
    await episodeWhen(episodeId, (body) => body.taskNotices?.length === 2);
    const history = await apps.client.workflow.getHandle(episodeWorkflowId(episodeId)).fetchHistory();
    expect(JSON.stringify(history)).not.toContain(NATIONAL_NUMBER);
  });

  it('refuses invalid reports and steps with 400 naming the field and the rule, and unknown episodes with 404', async () => {
    const invalid = await api.json(report({ nationalNumber: '88021424534', language: 'en', nickname: 'Jo' }));
    expect(invalid.statusCode).toBe(400);
    expect(invalid.violations.map(({ field, rule }: { field: string; rule: string }) => `${field}: ${rule}`).sort()).toEqual([
      'language: isIn',
      'nationalNumber: isBelgianNationalNumber',
      'nickname: whitelistValidation',
    ]);
    const future = await api.json(report({ incapacityStartDate: addDays(today, 1) }));
    expect(future.violations).toEqual([expect.objectContaining({ field: 'incapacityStartDate', rule: 'notInFuture' })]);

    const unknown = randomUUID();
    const badStep = await step(unknown, 'category-decision', { category: 5, decidedOn: '2026-02-30' }, physician);
    expect(badStep.status).toBe(400);
    expect(badStep.body.violations.map(({ field }: { field: string }) => field).sort()).toEqual(['category', 'decidedOn']);
    const noToken = await fetch(`${apps.apiUrl}/incapacities/${unknown}/end`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(noToken.status).toBe(401);
    expect((await step(unknown, 'end', { lastDay: today })).status).toBe(404);
    expect((await api.request(`/incapacities/${unknown}`)).status).toBe(404);
  });
});
