import { ApiClient, IN_INVALIDITY, MEMBER, PARTNER_GATEWAY, STAFF } from '../support/api-client';
import { partnerCallbackTo, startE2eApps, type E2eApps } from '../support/e2e-apps';

const { coordinator, advisingPhysician: physician, rizivReviewer, hcgriMember } = STAFF;
const training = { title: 'Logistics planner', provider: 'VDAB competence centre', startsOn: '2026-04-01', endsOn: '2026-10-30', submittedBy: 'insured' };

interface Effect {
  partner: string;
  operation: string;
  idempotencyKey: string;
}

/** Trajectories walked through the API to their outcome, with the real worker and simulators. */
describe('trajectory steps through the API, the dev server, the worker and the simulators', () => {
  let apps: E2eApps;
  let api: ApiClient;

  beforeAll(async () => {
    apps = await startE2eApps('steps');
    api = new ApiClient(apps.apiUrl);
  });
  afterAll(async () => {
    await apps?.close();
  });

  const partners = (path: string, init: RequestInit = {}) =>
    fetch(`${apps.partnersUrl}${path}`, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
  const setFaults = (failureRate: number) =>
    partners('/_admin/faults', { method: 'PUT', body: JSON.stringify({ failureRate, latencyMs: 0 }) });
  const effectsOf = async (caseWorkflowIds: string[]): Promise<Effect[]> => {
    const all = (await (await partners('/_admin/effects')).json()) as Effect[];
    return all.filter((effect) => caseWorkflowIds.some((id) => effect.idempotencyKey.startsWith(id)));
  };
  const step = async (caseId: string, path: string, body: unknown, user: string) => {
    const response = await api.as(user).post(`/cases/${caseId}/${path}`, body);
    return { status: response.status, body: await api.json(response) };
  };

  /** A route A case in its active phase (referred 2026-02-20, first contact on 2026-03-02). */
  async function activeCase() {
    const started = await api.startCase({ nationalNumber: MEMBER });
    await api.caseOnce(started.caseId, 'firstContactOverdue');
    expect((await step(started.caseId, 'first-contact', { heldOn: '2026-03-02' }, coordinator)).status).toBe(200);
    await api.caseOnce(started.caseId, 'active');
    return started;
  }

  it('reviews and approves a training while the partners fail a third of their calls: one dossier, one payment, one registered letter', async () => {
    const { caseId, workflowId } = await activeCase();
    await setFaults(0.34);
    try {
      expect((await step(caseId, 'engagement-declaration', { signedOn: '2026-03-09' }, coordinator)).body).toMatchObject({
        engagementSignedOn: '2026-03-09',
        presumptionUntil: '2026-09-08',
      });
      expect((await step(caseId, 'training-requests', training, coordinator)).status).toBe(200);
      await api.caseOnce(caseId, 'active', (body) => body.openTasks.some((t: { kind: string }) => t.kind === 'trainingAdvice'));

      // The wrong role is refused by the API, the wrong stage by the workflow with its reason.
      const wrongRole = await step(caseId, 'training-review/physician-advice', { advice: 'favourable' }, coordinator);
      expect(wrongRole).toMatchObject({ status: 403, body: { message: 'this needs one of the roles advisingPhysician' } });
      const tooEarly = await step(caseId, 'training-review/hcgri-decision', { decision: 'approved' }, hcgriMember);
      expect(tooEarly).toMatchObject({ status: 409, body: { message: 'recordHcgriDecision cannot be recorded while the review is awaitingPhysicianAdvice' } });

      expect((await step(caseId, 'training-review/physician-advice', { advice: 'favourable' }, physician)).status).toBe(200);
      await api.caseOnce(caseId, 'active', (body) => body.openTasks.some((t: { kind: string }) => t.kind === 'rizivExamination'));
      expect((await step(caseId, 'training-review/riziv-examination', { advice: 'favourable' }, rizivReviewer)).status).toBe(200);
      await api.caseOnce(caseId, 'active', (body) => body.openTasks.some((t: { kind: string }) => t.kind === 'hcgriDecision'));
      expect((await step(caseId, 'training-review/hcgri-decision', { decision: 'approved' }, hcgriMember)).status).toBe(200);
      // The read model shows the approval once its projection is written; the live state at once.
      const approved = await api.caseOnce(caseId, 'active', (body) => body.openTasks.some((t: { kind: string }) => t.kind === 'trainingOutcome'));
      expect(approved.live).toMatchObject({ presumptionUntil: '2026-10-30', training: { status: 'approved' } });
    } finally {
      await setFaults(0);
    }

    const reviewId = `training-review-${caseId}-1`;
    const effects = await effectsOf([workflowId, reviewId]);
    const count = (operation: string) => effects.filter((effect) => effect.operation.includes(operation)).length;
    expect(count('training-dossiers')).toBe(1);
    expect(count('training-intervention')).toBe(1);
    const letters = (await (await partners(`/_admin/letters?caseId=${caseId}`)).json()) as Array<{ kind: string; registered: boolean }>;
    expect(letters.filter((letter) => letter.kind === 'trainingProjectDecision')).toEqual([
      expect.objectContaining({ kind: 'trainingProjectDecision', registered: true }),
    ]);
    expect(letters.filter((letter) => letter.kind === 'trajectoryStarted')).toHaveLength(1);

    // D23: a resumption on Thursday 2026-11-12 is due on Tuesday 2026-11-10, Wednesday the
    // 11th (Armistice) being a public holiday; requested on the 11th, it is late.
    const resumption = await step(caseId, 'partial-resumption', { resumesOn: '2026-11-12', requestedOn: '2026-11-11' }, coordinator);
    expect(resumption.body.partialResumption).toMatchObject({ dueDate: '2026-11-10', late: true, status: 'awaitingAuthorisation' });
    expect((await step(caseId, 'partial-resumption/decision', { authorised: true }, physician)).body.partialResumption.status).toBe('authorised');

    // D22: passed on 2026-10-30, so the advising physician re-evaluates on 2027-04-30.
    const passed = await step(caseId, 'training-outcome', { result: 'passed', on: '2026-10-30' }, coordinator);
    expect(passed.body.training).toMatchObject({ status: 'passed', reevaluationOn: '2027-04-30' });
    expect((await step(caseId, 'outcome', { outcome: 'workResumedOtherEmployer', on: '2026-11-16' }, coordinator)).status).toBe(200);
    const completed = await api.caseOnce(caseId, 'completed');
    expect(completed.openTasks).toEqual([]);
    const after = await step(caseId, 'follow-ups', { heldOn: '2026-11-20' }, physician);
    expect(after).toMatchObject({ status: 409, body: { message: 'the trajectory of this case has ended (completed); nothing was recorded' } });
  });

  it('issues a fund voucher when eligible that day (D17d), stops at the insured’s request (D4) with one letter, then refuses steps', async () => {
    const { caseId } = await activeCase();
    // D17d: incapacity since 2025-10-20, under contract: the fund is open to them from their
    // invalidity, 2026-10-20, not the day before.
    const early = await step(caseId, 'rtw-fund-voucher', { provider: 'Jobcoach Gent', issuedOn: '2026-10-19' }, coordinator);
    expect(early.status).toBe(409);
    expect(early.body.message).toMatch(/\(rtwFund.eligibleGroups\)$/);
    const voucher = await step(caseId, 'rtw-fund-voucher', { provider: 'Jobcoach Gent', issuedOn: '2026-10-20' }, coordinator);
    expect(voucher.body.rtwFundVoucher).toMatchObject({ provider: 'Jobcoach Gent', ruleId: 'rtwFund.eligibleGroups' });

    expect((await step(caseId, 'stop', { reason: 'moving abroad' }, coordinator)).status).toBe(200);
    const stopped = await api.caseOnce(caseId, 'stopped');
    expect(stopped.openTasks).toEqual([]);
    const letters = (await (await partners(`/_admin/letters?caseId=${caseId}`)).json()) as Array<{ kind: string }>;
    expect(letters.map((letter) => letter.kind).sort()).toEqual(['trajectoryStarted', 'trajectoryStopped']);
    expect((await step(caseId, 'stop', {}, coordinator)).status).toBe(409);

    // The Web UI and `temporal workflow list` find cases by their search attributes.
    const found: string[] = [];
    for await (const execution of apps.client.workflow.list({ query: `TnwStatus = 'stopped' AND TnwEmploymentService = 'VDAB'` })) {
      found.push(execution.workflowId);
    }
    expect(found).toContain(`trajectory-${caseId}`);
  });

  it('route B: the advising physician must agree before the first contact (D14)', async () => {
    const { caseId } = await api.startCase({ route: 'B' });
    const waiting = await api.caseOnce(caseId, 'awaitingAdvisingPhysicianAgreement');
    expect(waiting.openTasks).toEqual([expect.objectContaining({ kind: 'advisingPhysicianAgreement', role: 'advisingPhysician', dueAt: null })]);
    expect((await step(caseId, 'advising-physician-agreement', { agrees: true }, physician)).status).toBe(200);
    await api.caseOnce(caseId, 'firstContactOverdue');
  });

  it('route C: the mutuality confirms invalidity, and the coordinator is told of each step (D15)', async () => {
    // Incapacity since 2024-09-02: in invalidity (more than a year) on the registration day.
    const { caseId } = await api.startCase({ route: 'C', nationalNumber: IN_INVALIDITY, incapacityStartDate: '2024-09-02' });
    const waiting = await api.caseOnce(caseId, 'firstContactOverdue');
    expect(waiting.notifications.map((n: { step: string }) => n.step)).toEqual(['routeC.registered', 'routeC.invalidityConfirmed']);
  });

  it('route C: refuses a person not in invalidity with the rule, and starts nothing else', async () => {
    const { caseId } = await api.startCase({ route: 'C', nationalNumber: MEMBER, incapacityStartDate: '2024-09-02' });
    const refused = await api.caseOnce(caseId, 'refused');
    expect(refused.live).toMatchObject({ refusal: { ruleId: 'routeC.invalidityConfirmedByMutuality' } });
    expect(refused.notifications.map((n: { step: string }) => n.step)).toEqual(['routeC.registered', 'routeC.refused']);
  });

  it('registers once at the employment service while it fails a third of its calls; its event delivered twice has one effect (D17c)', async () => {
    const { caseId, workflowId } = await activeCase();
    await setFaults(0.34);
    let registered;
    try {
      expect((await step(caseId, 'employment-service-referral', { summary: 'wants to explore logistics' }, coordinator)).status).toBe(200);
      registered = await api.caseOnce(caseId, 'active', (body) => body.live?.employmentReferral?.status === 'registered');
    } finally {
      await setFaults(0);
    }
    const { service, registrationId } = registered.live.employmentReferral;
    expect(service).toBe('VDAB'); // postal code 9000, Ghent (D18)
    expect((await effectsOf([workflowId])).filter((effect) => effect.operation.includes('registrations'))).toHaveLength(1);

    await partners('/_admin/callback', { method: 'PUT', body: JSON.stringify(partnerCallbackTo(apps)) });
    await partners('/_admin/faults', { method: 'PUT', body: JSON.stringify({ failureRate: 0, latencyMs: 0, duplicateRate: 1 }) });
    try {
      const trigger = await partners(`/_admin/employment-services/registrations/${registrationId}/events`, {
        method: 'POST',
        body: JSON.stringify({ event: 'trajectoryStarted', occurredOn: '2026-11-20' }),
      });
      expect(await trigger.json()).toMatchObject({ status: 202, duplicated: true });
    } finally {
      await setFaults(0);
    }
    const started = await api.caseOnce(caseId, 'active', (body) => body.notifications.length > 0);
    expect(started.live.employmentReferral).toMatchObject({ status: 'started', lastEventOn: '2026-11-20' });
    expect(started.notifications.map((n: { step: string }) => n.step)).toEqual(['employmentService.trajectoryStarted']);

    const unknownCase = await api.as(PARTNER_GATEWAY.clientId).post('/inbound/employment-services/events', {
      eventId: 'e-404',
      service: 'vdab',
      registrationId,
      caseId: '00000000-0000-4000-8000-000000000000',
      event: 'progress',
      occurredOn: '2026-11-21',
    });
    expect(unknownCase.status).toBe(404);
    const badEvent = await api.as(PARTNER_GATEWAY.clientId).post('/inbound/employment-services/events', { eventId: 'e-400', caseId, event: 'finished' });
    expect(badEvent.status).toBe(400);
  });

  it('refers to the occupational physician with consent; the prevention service reports decision A and the plan deadline follows (D17a, D19)', async () => {
    const { caseId } = await activeCase();
    const noConsent = await step(caseId, 'occupational-physician-referral', { consent: false, requestedOn: '2026-11-02' }, coordinator);
    expect(noConsent).toMatchObject({ status: 409, body: { message: "a referral to the occupational physician needs the insured's consent (D17a)" } });
    expect((await step(caseId, 'occupational-physician-referral', { consent: true, requestedOn: '2026-11-02' }, coordinator)).status).toBe(200);
    // Assessment within 49 days of 2026-11-02: by 2026-12-21.
    const waiting = await api.caseOnce(caseId, 'active', (body) => body.live?.reintegration?.status === 'awaitingAssessment');
    expect(waiting.live.reintegration.due).toMatchObject({ dueDate: '2026-12-21', ruleId: 'codex.assessmentWithin' });

    await partners('/_admin/callback', { method: 'PUT', body: JSON.stringify(partnerCallbackTo(apps)) });
    const trigger = await partners(`/_admin/employer/reintegration-requests/${waiting.live.reintegration.requestId}/events`, {
      method: 'POST',
      body: JSON.stringify({ event: 'assessment', decision: 'A', occurredOn: '2026-11-16' }),
    });
    expect(await trigger.json()).toMatchObject({ status: 202 });
    // Decision A on 2026-11-16: the employer's plan within 63 days, by 2027-01-18.
    const planning = await api.caseOnce(caseId, 'active', (body) => body.live?.reintegration?.status === 'awaitingPlan');
    expect(planning.live.reintegration).toMatchObject({ decision: 'A', due: { dueDate: '2027-01-18', ruleId: 'codex.planWithinAfterDecisionA' } });
  });
});
