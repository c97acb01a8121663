import { WorkflowUpdateFailedError } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import {
  recordAdvisingPhysicianAgreementUpdate,
  recordFirstContactUpdate,
  SEARCH_ATTRIBUTES,
  stopTrajectoryUpdate,
  trajectoryStateQuery,
  trajectoryWorkflowId,
  TRAJECTORY_WORKFLOW,
  type Route,
  type TrajectoryInput,
} from '@tnw/contracts';
import { testDataConverter } from '@tnw/temporal';
import { writeHistory } from '../support/histories';
import { eventually, RecordingActivities } from '../support/recording-activities';
import { resultOnceClosed, skipTo, timeSkippingSuite } from '../support/time-skipping';

const coordinator = { id: 'coord-17', role: 'coordinator' as const };
const physician = { id: 'adva-3', role: 'advisingPhysician' as const };

/** Admission by route, the first conversation's deadline and escalation, and the stop (D4). */
describe('trajectory workflow: admission and first contact, on the time-skipping server', () => {
  const suite = timeSkippingSuite();
  const recording = new RecordingActivities();
  // A task queue per case, so that a worker left behind by a failed test cannot take the next one's tasks.
  const taskQueueOf = (caseId: string) => `trajectory-${caseId}`;

  beforeEach(() => recording.reset());

  async function withWorker<T>(caseId: string, body: () => Promise<T>): Promise<T> {
    const taskQueue = taskQueueOf(caseId);
    const worker = await Worker.create({ connection: suite.env.nativeConnection, taskQueue, workflowBundle: suite.bundle, activities: recording.activities, dataConverter: testDataConverter() });
    return worker.runUntil(body);
  }

  function startTrajectory(caseId: string, referralDate: string, route: Route = 'A') {
    const input: TrajectoryInput = { caseId, personId: `person-${caseId}`, route, incapacityStartDate: '2031-10-06', referralDate };
    return suite.client.workflow.start(TRAJECTORY_WORKFLOW, { workflowId: trajectoryWorkflowId(caseId), taskQueue: taskQueueOf(caseId), args: [input] });
  }

  const statuses = () => recording.projections.map((p) => p.value.status);
  const refusal = (message: string) => ({ name: WorkflowUpdateFailedError.name, cause: expect.objectContaining({ message }) });

  it('escalates a first contact not held within one month of the referral, at 00:00 Brussels 30 days later', async () => {
    // Referred on Sunday 2032-02-01 (a leap year): "within one month" ends on 2032-03-01, so
    // the coordinator has until 2032-03-02T00:00+01:00, 30 days after the start of the referral day.
    await skipTo(suite.env, '2032-02-01T00:00:00+01:00');
    const caseId = 'c0ffee00-0000-4000-8000-000000000001';
    const state = await withWorker(caseId, async () => {
      const handle = await startTrajectory(caseId, '2032-02-01');
      await suite.env.sleep('29 days');
      expect(await handle.query(trajectoryStateQuery)).toMatchObject({ status: 'awaitingFirstContact' });
      await suite.env.sleep('2 days');
      expect(await handle.query(trajectoryStateQuery)).toMatchObject({ status: 'firstContactOverdue' });
      await handle.executeUpdate(recordFirstContactUpdate, { args: [{ heldOn: '2032-03-02', actor: coordinator, reason: 'reached by phone' }] });
      await eventually(async () => (await handle.query(trajectoryStateQuery)).status === 'active', 'the active phase');
      await handle.executeUpdate(stopTrajectoryUpdate, { args: [{ actor: coordinator, reason: 'the insured wants to stop' }] });
      const result = await resultOnceClosed(handle);
      await writeHistory(TRAJECTORY_WORKFLOW, 'first-contact-overdue-then-stopped', await handle.fetchHistory());
      const { typedSearchAttributes } = await handle.describe();
      expect(typedSearchAttributes.get(SEARCH_ATTRIBUTES.status)).toBe('stopped');
      expect(typedSearchAttributes.get(SEARCH_ATTRIBUTES.route)).toBe('A');
      expect(typedSearchAttributes.get(SEARCH_ATTRIBUTES.mutuality)).toBe('300');
      expect(typedSearchAttributes.get(SEARCH_ATTRIBUTES.nextDeadline)).toBeUndefined();
      return result;
    });

    expect(state).toMatchObject({ status: 'stopped', outcome: 'stoppedByInsured', firstContactDate: '2032-03-02', endedOn: '2032-03-03' });
    const awaiting = recording.projections.find((p) => p.value.status === 'awaitingFirstContact')!.value;
    expect(awaiting.nextDeadline).toMatchObject({
      kind: 'firstContact',
      dueDate: '2032-03-01',
      expiresAt: '2032-03-02T00:00:00.000+01:00',
      ruleId: 'coordinator.firstContactWithin',
    });
    expect(awaiting.openTasks).toEqual([{ kind: 'firstContact', role: 'coordinator', dueAt: '2032-03-02T00:00:00.000+01:00' }]);
    const overdue = recording.projections.find((p) => p.value.status === 'firstContactOverdue')!;
    expect(Date.parse(overdue.at) - Date.parse('2032-03-02T00:00:00+01:00')).toBeGreaterThanOrEqual(0);
    expect(Date.parse(overdue.at) - Date.parse('2032-03-02T00:00:00+01:00')).toBeLessThan(5_000);
    expect(overdue.value.openTasks.map((t) => `${t.role}:${t.kind}`)).toEqual(['coordinator:firstContact', 'supervisor:firstContactOverdue']);
    expect(recording.letters.map((l) => l.value.kind)).toEqual(['trajectoryStarted', 'trajectoryStopped']);
    expect(recording.latest()).toMatchObject({ status: 'stopped', openTasks: [] });
    expect(recording.audit).toEqual(['coordinator:recordFirstContact', 'coordinator:stopTrajectory']);
  });

  it('starts the active phase without escalation when the first contact is held in time', async () => {
    await skipTo(suite.env, '2032-06-01T09:00:00+02:00');
    const caseId = 'c0ffee00-0000-4000-8000-000000000002';
    await withWorker(caseId, async () => {
      const handle = await startTrajectory(caseId, '2032-06-01');
      await suite.env.sleep('10 days');
      await handle.executeUpdate(recordFirstContactUpdate, { args: [{ heldOn: '2032-06-11', actor: coordinator }] });
      await eventually(() => recording.latest()?.status === 'active', 'the active phase');
      await handle.executeUpdate(stopTrajectoryUpdate, { args: [{ actor: coordinator }] });
      await resultOnceClosed(handle);
    });
    expect(statuses()).not.toContain('firstContactOverdue');
    expect(statuses()).toContain('active');
  });

  it('refuses a first contact in the wrong state, by the wrong role or with an impossible date, and keeps running', async () => {
    await skipTo(suite.env, '2032-09-01T09:00:00+02:00');
    const caseId = 'c0ffee00-0000-4000-8000-000000000003';
    await withWorker(caseId, async () => {
      const handle = await startTrajectory(caseId, '2032-09-01');
      await suite.env.sleep('1 day');
      const record = (heldOn: string, actor: { id: string; role: 'coordinator' | 'advisingPhysician' } = coordinator) =>
        handle.executeUpdate(recordFirstContactUpdate, { args: [{ heldOn, actor }] });
      await expect(record('2032-08-31')).rejects.toMatchObject(refusal('heldOn 2032-08-31 is before the referral date 2032-09-01'));
      await expect(record('2032-09-30')).rejects.toMatchObject(refusal('heldOn 2032-09-30 is in the future'));
      await expect(record('2032-02-30')).rejects.toMatchObject(refusal('Not a valid calendar date (YYYY-MM-DD): "2032-02-30"'));
      await expect(record('2032-09-02', physician)).rejects.toMatchObject(
        refusal('recordFirstContact is taken by coordinator, not by advisingPhysician'),
      );
      expect(await handle.query(trajectoryStateQuery)).toMatchObject({ status: 'awaitingFirstContact' });
      await record('2032-09-02');
      // A refusal in the active phase is checked on the dev server (test/e2e): after one, the
      // time-skipping test server leaves the next accepted update unanswered.
      await handle.executeUpdate(stopTrajectoryUpdate, { args: [{ actor: coordinator }] });
      expect(await resultOnceClosed(handle)).toMatchObject({ status: 'stopped' });
    });
  });

  it('lets the insured stop before the first contact (D4), with a letter and nothing left to do', async () => {
    const caseId = 'c0ffee00-0000-4000-8000-000000000005';
    const state = await withWorker(caseId, async () => {
      const handle = await startTrajectory(caseId, '2032-09-02');
      await eventually(() => recording.latest()?.status === 'awaitingFirstContact', 'the first-contact wait');
      await handle.executeUpdate(stopTrajectoryUpdate, { args: [{ actor: coordinator, reason: 'no longer wishes a trajectory' }] });
      return resultOnceClosed(handle);
    });
    expect(state).toMatchObject({ status: 'stopped', outcome: 'stoppedByInsured' });
    expect(recording.letters.map((l) => l.value.kind)).toEqual(['trajectoryStopped']);
    expect(recording.latest()).toMatchObject({ status: 'stopped', openTasks: [] });
    expect(recording.latest()!.nextDeadline).toBeUndefined();
  });

  it('route B: waits for the advising physician, and a refusal ends the case with the rule and a letter', async () => {
    const caseId = 'c0ffee00-0000-4000-8000-000000000006';
    const state = await withWorker(caseId, async () => {
      const handle = await startTrajectory(caseId, '2032-09-02', 'B');
      await eventually(() => recording.latest()?.status === 'awaitingAdvisingPhysicianAgreement', 'the agreement wait');
      expect(recording.latest()!.openTasks).toEqual([{ kind: 'advisingPhysicianAgreement', role: 'advisingPhysician' }]);
      await expect(
        handle.executeUpdate(recordAdvisingPhysicianAgreementUpdate, { args: [{ agrees: true, actor: coordinator }] }),
      ).rejects.toMatchObject(refusal('recordAdvisingPhysicianAgreement is taken by advisingPhysician, not by coordinator'));
      await handle.executeUpdate(recordAdvisingPhysicianAgreementUpdate, { args: [{ agrees: false, actor: physician, reason: 'treatment first' }] });
      const result = await resultOnceClosed(handle);
      await writeHistory(TRAJECTORY_WORKFLOW, 'route-b-refused', await handle.fetchHistory());
      return result;
    });
    expect(state).toMatchObject({ status: 'refused', refusal: { ruleId: 'routeB.advisingPhysicianAgreement' } });
    expect(recording.letters.map((l) => l.value.kind)).toEqual(['trajectoryRefused']);
    expect(statuses()).not.toContain('verifyingMembership');
  });

  it('route B: with the agreement, continues to the first contact', async () => {
    const caseId = 'c0ffee00-0000-4000-8000-000000000007';
    await withWorker(caseId, async () => {
      const handle = await startTrajectory(caseId, '2032-09-02', 'B');
      await eventually(() => recording.latest()?.status === 'awaitingAdvisingPhysicianAgreement', 'the agreement wait');
      await handle.executeUpdate(recordAdvisingPhysicianAgreementUpdate, { args: [{ agrees: true, actor: physician }] });
      await eventually(() => recording.latest()?.status === 'awaitingFirstContact', 'the first-contact wait');
      await handle.executeUpdate(stopTrajectoryUpdate, { args: [{ actor: coordinator }] });
      await resultOnceClosed(handle);
    });
    expect(recording.audit).toEqual(['advisingPhysician:agreeToTrajectory', 'coordinator:stopTrajectory']);
  });

  it('route C: refuses when the mutuality does not confirm invalidity (D15), telling the coordinator each step', async () => {
    recording.invalidity = { inInvalidity: false };
    const caseId = 'c0ffee00-0000-4000-8000-000000000008';
    const state = await withWorker(caseId, async () => {
      const handle = await startTrajectory(caseId, '2032-09-02', 'C');
      const result = await resultOnceClosed(handle);
      await writeHistory(TRAJECTORY_WORKFLOW, 'route-c-not-in-invalidity', await handle.fetchHistory());
      return result;
    });
    expect(state).toMatchObject({ status: 'refused', refusal: { ruleId: 'routeC.invalidityConfirmedByMutuality' } });
    expect(recording.notices.map((n) => n.value.step)).toEqual(['routeC.registered', 'routeC.refused']);
  });

  it('route C: with invalidity confirmed, continues to the first contact and tells the coordinator', async () => {
    await skipTo(suite.env, '2032-10-01T09:00:00+02:00');
    const caseId = 'c0ffee00-0000-4000-8000-000000000009';
    await withWorker(caseId, async () => {
      const handle = await startTrajectory(caseId, '2032-10-01', 'C');
      await eventually(() => recording.latest()?.status === 'awaitingFirstContact', 'the first-contact wait');
      await handle.executeUpdate(recordFirstContactUpdate, { args: [{ heldOn: '2032-10-01', actor: coordinator }] });
      await eventually(() => recording.notices.length === 3, 'the third notice');
      await handle.executeUpdate(stopTrajectoryUpdate, { args: [{ actor: coordinator }] });
      await resultOnceClosed(handle);
    });
    expect(recording.notices.map((n) => n.value.step)).toEqual(['routeC.registered', 'routeC.invalidityConfirmed', 'routeC.started']);
  });

  it('ends without a deadline when the mutuality does not know the person', async () => {
    recording.member = false;
    const caseId = 'c0ffee00-0000-4000-8000-000000000004';
    const state = await withWorker(caseId, async () => resultOnceClosed(await startTrajectory(caseId, '2032-10-01')));
    expect(state.status).toBe('notAMember');
    expect(recording.projections.map((p) => p.value)).toEqual([
      { caseId, version: 1, route: 'A', status: 'notAMember', mutuality: undefined, nextDeadline: undefined, openTasks: [] },
    ]);
  });
});
