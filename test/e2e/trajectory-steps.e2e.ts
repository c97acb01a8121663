import { actorHeaders, ApiClient, IN_INVALIDITY, MEMBER } from '../support/api-client';
import { startE2eApps, type E2eApps } from '../support/e2e-apps';

const coordinator = actorHeaders('coordinator');
const physician = actorHeaders('advisingPhysician');
const rizivReviewer = actorHeaders('rizivReviewer');
const hcgriMember = actorHeaders('hcgriMember');
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
  const step = async (caseId: string, path: string, body: unknown, headers: Record<string, string>) => {
    const response = await api.post(`/cases/${caseId}/${path}`, body, headers);
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

      // The wrong role and the wrong stage are refused with the workflow's reason.
      const wrongRole = await step(caseId, 'training-review/physician-advice', { advice: 'favourable' }, coordinator);
      expect(wrongRole).toMatchObject({ status: 409, body: { message: 'recordPhysicianAdvice is taken by advisingPhysician, not by coordinator' } });
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

    // D22: passed on 2026-10-30, so the advising physician re-evaluates on 2027-04-30.
    const passed = await step(caseId, 'training-outcome', { result: 'passed', on: '2026-10-30' }, coordinator);
    expect(passed.body.training).toMatchObject({ status: 'passed', reevaluationOn: '2027-04-30' });
    expect((await step(caseId, 'outcome', { outcome: 'workResumedOtherEmployer', on: '2026-11-16' }, coordinator)).status).toBe(200);
    const completed = await api.caseOnce(caseId, 'completed');
    expect(completed.openTasks).toEqual([]);
    const after = await step(caseId, 'follow-ups', { heldOn: '2026-11-20' }, physician);
    expect(after).toMatchObject({ status: 409, body: { message: 'the trajectory of this case has ended (completed); nothing was recorded' } });
  });

  it('stops at the insured’s request (D4) with one letter, and refuses steps afterwards', async () => {
    const { caseId } = await activeCase();
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
});
