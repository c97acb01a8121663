import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { todayInBrussels } from '../../apps/api/src/cases/today';
import { ApiClient, MEMBER, STAFF } from '../support/api-client';
import { startE2eApps, type E2eApps } from '../support/e2e-apps';

const run = promisify(execFile);
const CLI = join(__dirname, '..', '..', 'dist', 'scripts', 'audit.js');
const training = {
  title: 'Logistics planner',
  provider: 'VDAB competence centre',
  startsOn: '2026-04-01',
  endsOn: '2026-10-30',
  submittedBy: 'insured',
};
/** The person's national number in any of its written forms. */
const NATIONAL_NUMBER = new RegExp(MEMBER.replace(/\D/g, '').split('').join('[ .\\-/]?'));

/**
 * An auditor exports a case that staff walked through the API, reads its timeline against what
 * the staff did, and replays it: through the API and with the command line.
 */
describe('the auditors’ tools: history export, timeline and replay of a case', () => {
  let apps: E2eApps;
  let api: ApiClient;
  let auditor: ApiClient;
  let caseId: string;

  const step = async (path: string, body: unknown, user: string) => {
    const response = await api.as(user).post(`/cases/${caseId}/${path}`, body);
    expect({ path, status: response.status }).toEqual({ path, status: 200 });
  };

  beforeAll(async () => {
    apps = await startE2eApps('audit');
    api = new ApiClient(apps.apiUrl);
    auditor = api.as('auditor');

    // Staff walk a case: first contact (overdue), engagement, a training project refused by the
    // advising physician (a child workflow), then the insured stops.
    ({ caseId } = await api.startCase({ nationalNumber: MEMBER }));
    await api.caseOnce(caseId, 'firstContactOverdue');
    await step('first-contact', { heldOn: '2026-03-02', reason: 'reached the insured after two calls' }, STAFF.coordinator);
    await api.caseOnce(caseId, 'active');
    await step('engagement-declaration', { signedOn: '2026-03-09', reason: 'signed at the mutuality office' }, STAFF.coordinator);
    await step('training-requests', training, STAFF.coordinator);
    await api.caseOnce(caseId, 'active', (body) => body.openTasks.some((t: { kind: string }) => t.kind === 'trainingAdvice'));
    await step(
      'training-review/physician-advice',
      { advice: 'unfavourable', reason: 'not before the treatment ends' },
      STAFF.advisingPhysician,
    );
    await api.caseOnce(caseId, 'active', (body) => body.live?.training?.status === 'refused');
    await step('stop', { reason: 'moving abroad' }, STAFF.coordinator);
    await api.caseOnce(caseId, 'stopped');
  });
  afterAll(async () => {
    await apps?.close();
  });

  it('exports the case’s histories, its training review included, in Temporal’s JSON format, without the national number', async () => {
    const response = await auditor.request(`/audit/cases/${caseId}/history`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="case-${caseId}-history.json"`);
    const exported = await auditor.json(response);
    expect(exported).toMatchObject({
      format: 'tnw-audit-histories/1',
      subject: { kind: 'case', id: caseId },
      namespace: 'default',
    });
    expect(exported.workflows.map((w: { workflowId: string; workflowType: string }) => [w.workflowId, w.workflowType])).toEqual([
      [`trajectory-${caseId}`, 'trajectoryWorkflow'],
      [`training-review-${caseId}-1`, 'trainingReviewWorkflow'],
    ]);
    expect(exported.workflows[0].history.events[0].eventType).toBe('EVENT_TYPE_WORKFLOW_EXECUTION_STARTED');
    expect(JSON.stringify(exported)).not.toMatch(NATIONAL_NUMBER);
  });

  it('reads a timeline that matches what the staff did: actors, roles, reasons, audit-log entries, deadlines with their rules', async () => {
    const response = await auditor.request(`/audit/cases/${caseId}/timeline`);
    expect(response.status).toBe(200);
    const timeline = await auditor.json(response);
    expect(timeline).toMatchObject({
      subject: { kind: 'case', id: caseId },
      timeZone: 'Europe/Brussels',
      unmatchedAuditEntries: [],
      undecodablePayloads: 0,
    });

    const steps = timeline.entries.filter((e: { kind: string }) => e.kind === 'humanStep');
    expect(
      steps.map((s: { what: string; actor: unknown; reason?: string }) => ({ what: s.what, actor: s.actor, reason: s.reason })),
    ).toEqual([
      {
        what: 'First contact recorded',
        actor: { id: STAFF.coordinator, role: 'coordinator' },
        reason: 'reached the insured after two calls',
      },
      {
        what: 'Engagement declaration signed',
        actor: { id: STAFF.coordinator, role: 'coordinator' },
        reason: 'signed at the mutuality office',
      },
      { what: 'Training project filed', actor: { id: STAFF.coordinator, role: 'coordinator' }, reason: undefined },
      {
        what: "Advising physician's advice on the training project",
        actor: { id: STAFF.advisingPhysician, role: 'advisingPhysician' },
        reason: 'not before the treatment ends',
      },
      {
        what: 'Trajectory stopped at the insured’s request',
        actor: { id: STAFF.coordinator, role: 'coordinator' },
        reason: 'moving abroad',
      },
    ]);
    // Each step has its row in the append-only audit log.
    expect(steps.map((s: { auditLog: { action: string } }) => s.auditLog.action)).toEqual([
      'recordFirstContact',
      'signEngagementDeclaration',
      'fileTrainingRequest',
      'recordPhysicianAdvice:unfavourable',
      'stopTrajectory',
    ]);
    expect(steps[0]).toMatchObject({
      details: { heldOn: '2026-03-02' },
      rule: { id: 'coordinator.firstContactWithin', citation: { domainRule: 'D9' } },
    });
    expect(steps[0].at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0[12]:00$/);

    // The deadlines the workflow kept, each with its rule, citation and explanation.
    const deadline = (kind: string, ruleId: string) =>
      timeline.entries.find((e: { kind: string; rule?: { id: string } }) => e.kind === kind && e.rule?.id === ruleId);
    expect(deadline('deadlineSet', 'coordinator.firstContactWithin')).toMatchObject({
      rule: {
        citation: { domainRule: 'D9', source: expect.any(String) },
        text: expect.any(String),
        explanation: expect.stringMatching(/referred on 2026-02-20 within 1 month: by 2026-03-20/),
      },
    });
    expect(deadline('deadlinePassed', 'coordinator.firstContactWithin')).toBeDefined();
    expect(deadline('deadlineSet', 'advisingPhysician.followUpEvery')).toMatchObject({
      rule: { citation: { domainRule: 'D6' } },
    });
    expect(timeline.entries.map((e: { what: string }) => e.what)).toEqual(
      expect.arrayContaining([
        `Training review training-review-${caseId}-1 started`,
        'Letter sent to the insured',
        'Trajectory ended',
      ]),
    );
    expect(timeline.entries.at(-1)).toMatchObject({
      kind: 'workflowEnded',
      details: { status: 'stopped', outcome: 'stoppedByInsured' },
    });
    expect(JSON.stringify(timeline)).not.toMatch(NATIONAL_NUMBER);
  });

  it('replays the case against the current workflow code: deterministic, with progress', async () => {
    const started = await auditor.post('/audit/replays', { caseIds: [caseId] });
    expect(started.status).toBe(202);
    const { id } = await auditor.json(started);
    const job = await replayDone(id);
    expect(job).toMatchObject({
      status: 'done',
      progress: { done: 1, total: 1 },
      summary: { deterministic: 1, diverged: 0, failed: 0, notFound: 0 },
      subjects: [{ kind: 'case', id: caseId, verdict: 'deterministic' }],
    });
    expect(job.subjects[0].workflows.map((w: { workflowId: string; verdict: string }) => [w.workflowId, w.verdict])).toEqual([
      [`trajectory-${caseId}`, 'deterministic'],
      [`training-review-${caseId}-1`, 'deterministic'],
    ]);
  });

  it('replays the cases registered between two days, with a verdict per case; refuses an empty set', async () => {
    const today = todayInBrussels();
    const started = await auditor.post('/audit/replays', { startedFrom: today, startedUntil: today });
    expect(started.status).toBe(202);
    const job = await replayDone((await auditor.json(started)).id);
    expect(job.progress.done).toBe(job.progress.total);
    expect(job.subjects).toEqual(expect.arrayContaining([expect.objectContaining({ id: caseId, verdict: 'deterministic' })]));

    const none = await auditor.post('/audit/replays', { startedFrom: '2001-01-01', startedUntil: '2001-01-31' });
    expect(none.status).toBe(422);
    expect((await auditor.json(none)).message).toMatch(/nothing to replay/);
    const invalid = await auditor.post('/audit/replays', { caseIds: ['not-a-uuid'] });
    expect(invalid.status).toBe(400);
  });

  it('is for auditors, with the timeline also for the staff who handle the case; unknown cases are 404', async () => {
    const status = async (who: string, path: string, body?: unknown) =>
      (await (body === undefined ? api.as(who).request(path) : api.as(who).post(path, body))).status;
    expect(await status('coordinator', `/audit/cases/${caseId}/timeline`)).toBe(200);
    expect(await status('coordinator', `/audit/cases/${caseId}/history`)).toBe(403);
    expect(await status('coordinator', '/audit/replays', { caseIds: [caseId] })).toBe(403);
    expect(await status('rizivReviewer', `/audit/cases/${caseId}/timeline`)).toBe(403);
    // Supervisors read timelines; administrators export and replay, but do not read content.
    expect(await status('supervisor', `/audit/cases/${caseId}/timeline`)).toBe(200);
    expect(await status('supervisor', '/audit/replays', { caseIds: [caseId] })).toBe(403);
    expect(await status('administrator', `/audit/cases/${caseId}/timeline`)).toBe(403);
    expect(await status('administrator', `/audit/cases/${caseId}/history`)).toBe(200);
    expect(await status('auditor', `/audit/cases/${randomUUID()}/timeline`)).toBe(404);
    expect(await status('auditor', `/audit/replays/${randomUUID()}`)).toBe(404);
  });

  it('exports, reads and replays from the command line, also offline from the exported file', async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run 'npm run build' first`);
    const env = { ...process.env, TEMPORAL_ADDRESS: process.env.TNW_TEST_TEMPORAL_ADDRESS, DATABASE_URL: apps.databaseUrl };
    const cli = (...args: string[]) => run(process.execPath, [CLI, ...args], { env, timeout: 60_000 });

    const file = join(mkdtempSync(join(tmpdir(), 'tnw-audit-')), 'case.json');
    await cli('export', caseId, '--out', file);
    expect(JSON.parse(readFileSync(file, 'utf8')).workflows).toHaveLength(2);

    const timeline = await cli('timeline', caseId);
    expect(timeline.stdout).toMatch(
      /First contact recorded\n {4}by coord-17 as coordinator, reason: "reached the insured after two calls"/,
    );

    const replayed = await cli('replay', caseId, '--file', file);
    expect(replayed.stdout).toMatch(
      new RegExp(`case:${caseId} \\(${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)\\s+deterministic\\s+2`),
    );
    expect(replayed.stdout).toMatch(new RegExp(`case:${caseId}\\s+deterministic\\s+2`));
    expect(replayed.stdout).toMatch(/2 deterministic$/m);
  });

  async function replayDone(id: string) {
    for (let attempt = 0; attempt < 300; attempt++) {
      const job = await auditor.json(auditor.request(`/audit/replays/${id}`));
      if (job.status === 'done' || job.status === 'failed') return job;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`replay job ${id} did not finish`);
  }
});
