import { Context } from '@temporalio/activity';
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundle } from '@temporalio/worker';
import {
  recordFirstContactUpdate,
  trajectoryStateQuery,
  trajectoryWorkflowId,
  TRAJECTORY_WORKFLOW,
  type CaseActivities,
  type CaseProjection,
  type TrajectoryInput,
} from '@tnw/contracts';
import { writeHistory } from '../support/histories';
import { bundleWorkflows, createTimeSkippingEnv, clientWithoutSkipping, skipTo } from '../support/time-skipping';

/** What the workflow told the read model, and when (in the test server's skipped time). */
interface Projected {
  at: string;
  projection: CaseProjection;
}

const coordinator = { id: 'coord-17', role: 'coordinator' as const };

describe('trajectory workflow on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;
  let client: Client;
  let bundle: WorkflowBundle;
  let projected: Projected[];
  let members: boolean;

  const activities: CaseActivities = {
    async verifyMembership() {
      return members ? { member: true, mutuality: '300' } : { member: false };
    },
    async projectCase(projection) {
      const at = new Date(Context.current().info.currentAttemptScheduledTimestampMs).toISOString();
      projected.push({ at, projection });
    },
    async appendAuditEntry() {},
  };

  beforeAll(async () => {
    [env, bundle] = await Promise.all([createTimeSkippingEnv(), bundleWorkflows()]);
    client = clientWithoutSkipping(env);
  });
  afterAll(async () => {
    await env?.teardown();
  });
  beforeEach(() => {
    projected = [];
    members = true;
  });

  const taskQueue = 'trajectory-tests';

  async function withWorker<T>(body: () => Promise<T>): Promise<T> {
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities });
    return worker.runUntil(body);
  }

  function startTrajectory(caseId: string, referralDate: string) {
    const input: TrajectoryInput = { caseId, personId: `person-${caseId}`, route: 'A', incapacityStartDate: '2031-10-06', referralDate };
    return client.workflow.start(TRAJECTORY_WORKFLOW, { workflowId: trajectoryWorkflowId(caseId), taskQueue, args: [input] });
  }

  it('escalates a first contact not held within one month of the referral, at 00:00 Brussels 30 days later', async () => {
    // Referred on Sunday 2032-02-01 (a leap year): "within one month" ends on 2032-03-01, so
    // the coordinator has until 2032-03-02T00:00+01:00, 30 days after the start of the referral day.
    await skipTo(env, '2032-02-01T00:00:00+01:00');
    const caseId = 'c0ffee00-0000-4000-8000-000000000001';
    const state = await withWorker(async () => {
      const handle = await startTrajectory(caseId, '2032-02-01');
      await env.sleep('29 days');
      expect(await handle.query(trajectoryStateQuery)).toMatchObject({ status: 'awaitingFirstContact' });
      await env.sleep('2 days');
      expect(await handle.query(trajectoryStateQuery)).toMatchObject({ status: 'firstContactOverdue' });
      await handle.executeUpdate(recordFirstContactUpdate, { args: [{ heldOn: '2032-03-02', actor: coordinator, reason: 'reached by phone' }] });
      const result = await handle.result();
      await writeHistory(TRAJECTORY_WORKFLOW, 'first-contact-overdue', await handle.fetchHistory());
      return result;
    });

    expect(state).toMatchObject({ status: 'firstContactHeld', firstContactDate: '2032-03-02' });
    const awaiting = projected.find((p) => p.projection.status === 'awaitingFirstContact')!;
    expect(awaiting.projection.nextDeadline).toMatchObject({
      kind: 'firstContact',
      dueDate: '2032-03-01',
      expiresAt: '2032-03-02T00:00:00.000+01:00',
      ruleId: 'coordinator.firstContactWithin',
    });
    expect(awaiting.projection.openTasks).toEqual([{ kind: 'firstContact', role: 'coordinator', dueAt: '2032-03-02T00:00:00.000+01:00' }]);
    const overdue = projected.find((p) => p.projection.status === 'firstContactOverdue')!;
    expect(Date.parse(overdue.at) - Date.parse('2032-03-02T00:00:00+01:00')).toBeGreaterThanOrEqual(0);
    expect(Date.parse(overdue.at) - Date.parse('2032-03-02T00:00:00+01:00')).toBeLessThan(5_000);
    expect(overdue.projection.openTasks.map((t) => `${t.role}:${t.kind}`)).toEqual(['coordinator:firstContact', 'supervisor:firstContactOverdue']);
    expect(projected.at(-1)!.projection).toMatchObject({ status: 'firstContactHeld', openTasks: [] });
  });

  it('closes the case without escalation when the first contact is held in time', async () => {
    await skipTo(env, '2032-06-01T09:00:00+02:00');
    const caseId = 'c0ffee00-0000-4000-8000-000000000002';
    await withWorker(async () => {
      const handle = await startTrajectory(caseId, '2032-06-01');
      await env.sleep('10 days');
      await handle.executeUpdate(recordFirstContactUpdate, { args: [{ heldOn: '2032-06-11', actor: coordinator }] });
      await handle.result();
      await writeHistory(TRAJECTORY_WORKFLOW, 'first-contact-in-time', await handle.fetchHistory());
    });
    expect(projected.map((p) => p.projection.status)).toEqual(['awaitingFirstContact', 'firstContactHeld']);
  });

  it('refuses a first contact in the wrong state or with an impossible date, and keeps running', async () => {
    await skipTo(env, '2032-09-01T09:00:00+02:00');
    const caseId = 'c0ffee00-0000-4000-8000-000000000003';
    await withWorker(async () => {
      const handle = await startTrajectory(caseId, '2032-09-01');
      await env.sleep('1 day');
      const record = (heldOn: string) => handle.executeUpdate(recordFirstContactUpdate, { args: [{ heldOn, actor: coordinator }] });
      const refusal = (message: string) => ({ name: WorkflowUpdateFailedError.name, cause: expect.objectContaining({ message }) });
      await expect(record('2032-08-31')).rejects.toMatchObject(refusal('heldOn 2032-08-31 is before the referral date 2032-09-01'));
      await expect(record('2032-09-30')).rejects.toMatchObject(refusal('heldOn 2032-09-30 is in the future'));
      await expect(record('2032-02-30')).rejects.toMatchObject(refusal('Not a valid calendar date (YYYY-MM-DD): "2032-02-30"'));
      expect(await handle.query(trajectoryStateQuery)).toMatchObject({ status: 'awaitingFirstContact' });
      await record('2032-09-02');
      expect(await handle.result()).toMatchObject({ status: 'firstContactHeld', firstContactDate: '2032-09-02' });
    });
  });

  it('ends without a deadline when the mutuality does not know the person', async () => {
    members = false;
    const caseId = 'c0ffee00-0000-4000-8000-000000000004';
    const state = await withWorker(async () => (await startTrajectory(caseId, '2032-09-01')).result());
    expect(state.status).toBe('notAMember');
    expect(projected.map((p) => p.projection)).toEqual([{ caseId, route: 'A', status: 'notAMember', mutuality: undefined, nextDeadline: undefined, openTasks: [] }]);
  });
});
