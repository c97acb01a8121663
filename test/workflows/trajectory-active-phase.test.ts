import { Worker } from '@temporalio/worker';
import {
  fileTrainingRequestUpdate,
  recordFirstContactUpdate,
  recordFollowUpUpdate,
  recordHcgriDecisionUpdate,
  recordOutcomeUpdate,
  recordPhysicianAdviceUpdate,
  recordRizivExaminationUpdate,
  recordTrainingOutcomeUpdate,
  employmentServiceEventSignal,
  decidePartialResumptionUpdate,
  employerReintegrationEventSignal,
  referToEmploymentServiceUpdate,
  referToOccupationalPhysicianUpdate,
  requestPartialResumptionUpdate,
  signEngagementDeclarationUpdate,
  trainingReviewStateQuery,
  trainingReviewWorkflowId,
  trajectoryStateQuery,
  trajectoryWorkflowId,
  TRAINING_REVIEW_WORKFLOW,
  TRAJECTORY_WORKFLOW,
  type TrainingReviewStatus,
  type TrajectoryInput,
} from '@tnw/contracts';
import { testDataConverter } from '@tnw/temporal';
import { writeHistory } from '../support/histories';
import { eventually, RecordingActivities } from '../support/recording-activities';
import { resultOnceClosed, skipTo, timeSkippingSuite } from '../support/time-skipping';

const coordinator = { id: 'coord-17', role: 'coordinator' as const };
const physician = { id: 'adva-3', role: 'advisingPhysician' as const };
const rizivReviewer = { id: 'riziv-8', role: 'rizivReviewer' as const };
const hcgriMember = { id: 'hcgri-2', role: 'hcgriMember' as const };
const training = { title: 'Logistics planner', provider: 'VDAB competence centre', startsOn: '2033-02-01', endsOn: '2033-09-30' };

/** The active phase (D6, D20-D22) and the training review child workflow, in skipped time. */
describe('trajectory workflow: active phase and training review, on the time-skipping server', () => {
  const suite = timeSkippingSuite();
  const recording = new RecordingActivities();

  beforeEach(() => recording.reset());

  async function runCase<T>(caseId: string, referralDate: string, body: (handle: Awaited<ReturnType<typeof start>>) => Promise<T>) {
    const taskQueue = `active-${caseId}`;
    const worker = await Worker.create({ connection: suite.env.nativeConnection, taskQueue, workflowBundle: suite.bundle, activities: recording.activities, dataConverter: testDataConverter() });
    return worker.runUntil(async () => body(await start(caseId, referralDate, taskQueue)));
  }

  function start(caseId: string, referralDate: string, taskQueue: string) {
    const input: TrajectoryInput = {
      caseId,
      personId: `person-${caseId}`,
      route: 'A',
      incapacityStartDate: '2032-06-06',
      referralDate,
      employmentService: 'VDAB',
      regime: 'employee',
      contract: 'underContract',
    };
    return suite.client.workflow.start(TRAJECTORY_WORKFLOW, { workflowId: trajectoryWorkflowId(caseId), taskQueue, args: [input] });
  }

  async function reviewReaches(caseId: string, status: TrainingReviewStatus) {
    const review = suite.client.workflow.getHandle(trainingReviewWorkflowId(caseId, 1));
    await eventually(async () => {
      try {
        return (await review.query(trainingReviewStateQuery)).status === status;
      } catch {
        return false; // not started yet
      }
    }, `the review to reach ${status}`);
    return review;
  }

  /** The projection that first showed a task of this kind, with the instant it was written. */
  const firstWithTask = (kind: string) => recording.projections.find((p) => p.value.openTasks.some((t) => t.kind === kind));

  it('follows up every 3 months, reviews and approves a training, re-evaluates 6 months after it is passed', async () => {
    await skipTo(suite.env, '2033-01-03T09:00:00+01:00');
    const caseId = 'acce55ed-0000-4000-8000-000000000001';
    const state = await runCase(caseId, '2033-01-03', async (handle) => {
      await eventually(() => recording.latest()?.status === 'awaitingFirstContact', 'the first-contact wait');
      await suite.env.sleep('7 days');
      await handle.executeUpdate(recordFirstContactUpdate, { args: [{ heldOn: '2033-01-10', actor: coordinator }] });
      await eventually(() => recording.latest()?.status === 'active', 'the active phase');

      // D20: signed 2033-01-10, the presumption covers at most 6 months: 2033-01-10 .. 2033-07-09.
      const signed = await handle.executeUpdate(signEngagementDeclarationUpdate, { args: [{ signedOn: '2033-01-10', actor: coordinator }] });
      expect(signed.presumptionUntil).toBe('2033-07-09');

      // D21: the training project goes through the advising physician, RIZIV and the HCGRI.
      await handle.executeUpdate(fileTrainingRequestUpdate, { args: [{ ...training, submittedBy: 'insured', actor: coordinator }] });
      let review = await reviewReaches(caseId, 'awaitingPhysicianAdvice');
      await review.executeUpdate(recordPhysicianAdviceUpdate, { args: [{ advice: 'favourable', actor: physician }] });
      review = await reviewReaches(caseId, 'awaitingRizivExamination');
      await review.executeUpdate(recordRizivExaminationUpdate, { args: [{ advice: 'favourable', actor: rizivReviewer }] });
      review = await reviewReaches(caseId, 'awaitingHcgriDecision');
      await review.executeUpdate(recordHcgriDecisionUpdate, { args: [{ decision: 'approved', actor: hcgriMember }] });
      await eventually(async () => (await handle.query(trajectoryStateQuery)).training?.status === 'approved', 'the approval');
      await writeHistory(TRAINING_REVIEW_WORKFLOW, 'approved', await review.fetchHistory());
      // Approved: the presumption covers the whole training, up to its last day.
      expect((await handle.query(trajectoryStateQuery)).presumptionUntil).toBe('2033-09-30');

      // D6: first follow-up within 3 months of the first contact: by 2033-04-10, so until
      // 2033-04-11T00:00+02:00 (summer time since 2033-03-27) = 2033-04-10T22:00Z; then escalated.
      await skipTo(suite.env, '2033-04-11T09:00:00+02:00');
      await eventually(() => firstWithTask('followUpOverdue') !== undefined, 'the follow-up escalation');
      await handle.executeUpdate(recordFollowUpUpdate, { args: [{ heldOn: '2033-04-11', actor: physician }] });
      await eventually(() => recording.latest()?.nextDeadline?.dueDate === '2033-07-11', 'the next follow-up');

      // D22: passed on 2033-09-30, re-evaluation on 2034-03-30, 00:00+02:00 = 2034-03-29T22:00Z.
      await skipTo(suite.env, '2033-09-30T12:00:00+02:00');
      const passed = await handle.executeUpdate(recordTrainingOutcomeUpdate, { args: [{ result: 'passed', on: '2033-09-30', actor: coordinator }] });
      expect(passed.training).toMatchObject({ status: 'passed', reevaluationOn: '2034-03-30', reevaluation: 'scheduled' });
      await skipTo(suite.env, '2034-03-30T09:00:00+02:00');
      await eventually(() => firstWithTask('reevaluation') !== undefined, 'the re-evaluation task');

      await handle.executeUpdate(recordOutcomeUpdate, { args: [{ outcome: 'workResumedOwnEmployer', on: '2034-03-30', actor: coordinator }] });
      const result = await resultOnceClosed(handle);
      await writeHistory(TRAJECTORY_WORKFLOW, 'training-passed-then-work-resumed', await handle.fetchHistory());
      return result;
    });

    expect(state).toMatchObject({ status: 'completed', outcome: 'workResumedOwnEmployer', endedOn: '2034-03-30' });
    const firstActive = recording.projections.find((p) => p.value.status === 'active')!.value;
    expect(firstActive.nextDeadline).toMatchObject({
      kind: 'followUp',
      dueDate: '2033-04-10',
      expiresAt: '2033-04-11T00:00:00.000+02:00',
      ruleId: 'advisingPhysician.followUpEvery',
    });
    const escalation = firstWithTask('followUpOverdue')!;
    expect(Date.parse(escalation.at) - Date.parse('2033-04-10T22:00:00Z')).toBeGreaterThanOrEqual(0);
    expect(Date.parse(escalation.at) - Date.parse('2033-04-10T22:00:00Z')).toBeLessThan(5_000);
    const reevaluation = firstWithTask('reevaluation')!;
    expect(Date.parse(reevaluation.at) - Date.parse('2034-03-29T22:00:00Z')).toBeGreaterThanOrEqual(0);
    expect(Date.parse(reevaluation.at) - Date.parse('2034-03-29T22:00:00Z')).toBeLessThan(5_000);

    expect(recording.scopedTasks.map((t) => t.value.openTasks.map((task) => `${task.role}:${task.kind}`).join())).toEqual([
      'advisingPhysician:trainingAdvice',
      'rizivReviewer:rizivExamination',
      'hcgriMember:hcgriDecision',
      '',
    ]);
    expect(recording.payments).toEqual(['dossier-1']);
    const decisionLetters = recording.letters.filter((l) => l.value.kind === 'trainingProjectDecision');
    expect(decisionLetters.map((l) => l.value.registered)).toEqual([true]);
    expect(recording.audit).toEqual([
      'coordinator:recordFirstContact',
      'coordinator:signEngagementDeclaration',
      'coordinator:fileTrainingRequest',
      'advisingPhysician:recordPhysicianAdvice:favourable',
      'rizivReviewer:recordRizivExamination:favourable',
      'hcgriMember:recordHcgriDecision:approved',
      'advisingPhysician:recordFollowUp',
      'coordinator:recordTrainingOutcome:passed',
      'coordinator:recordOutcome:workResumedOwnEmployer',
    ]);
  });

  it('ends a review at an unfavourable medical advice: no RIZIV step, no payment, one registered letter', async () => {
    await skipTo(suite.env, '2034-06-02T09:00:00+02:00');
    const caseId = 'acce55ed-0000-4000-8000-000000000002';
    await runCase(caseId, '2034-06-02', async (handle) => {
      await eventually(() => recording.latest()?.status === 'awaitingFirstContact', 'the first-contact wait');
      await handle.executeUpdate(recordFirstContactUpdate, { args: [{ heldOn: '2034-06-02', actor: coordinator }] });
      await eventually(() => recording.latest()?.status === 'active', 'the active phase');
      await handle.executeUpdate(fileTrainingRequestUpdate, {
        args: [{ ...training, startsOn: '2034-09-01', endsOn: '2035-06-30', submittedBy: 'employmentCounsellor', actor: coordinator }],
      });
      const review = await reviewReaches(caseId, 'awaitingPhysicianAdvice');
      await review.executeUpdate(recordPhysicianAdviceUpdate, { args: [{ advice: 'unfavourable', actor: physician, reason: 'not compatible with the back condition' }] });
      expect(await resultOnceClosed(review)).toMatchObject({ status: 'decided', decision: 'refused', decidedBy: 'advisingPhysician' });
      await writeHistory(TRAINING_REVIEW_WORKFLOW, 'refused-by-advising-physician', await review.fetchHistory());
      await eventually(async () => (await handle.query(trajectoryStateQuery)).training?.status === 'refused', 'the refusal');
      await handle.executeUpdate(recordOutcomeUpdate, { args: [{ outcome: 'medicalReasons', on: '2034-06-02', actor: coordinator }] });
      await resultOnceClosed(handle);
    });
    expect(recording.payments).toEqual([]);
    expect(recording.scopedTasks.flatMap((t) => t.value.openTasks.map((task) => task.kind))).toEqual(['trainingAdvice']);
    expect(recording.letters.filter((l) => l.value.kind === 'trainingProjectDecision')).toHaveLength(1);
  });

  it('refers to the employment service of the residence and applies each of its reports once (D17c, D18)', async () => {
    await skipTo(suite.env, '2034-09-01T09:00:00+02:00');
    const caseId = 'acce55ed-0000-4000-8000-000000000003';
    const state = await runCase(caseId, '2034-09-01', async (handle) => {
      await eventually(() => recording.latest()?.status === 'awaitingFirstContact', 'the first-contact wait');
      await handle.executeUpdate(recordFirstContactUpdate, { args: [{ heldOn: '2034-09-01', actor: coordinator }] });
      await eventually(() => recording.latest()?.status === 'active', 'the active phase');
      await handle.executeUpdate(referToEmploymentServiceUpdate, { args: [{ summary: 'unsure of a direction', actor: coordinator }] });
      await eventually(async () => (await handle.query(trajectoryStateQuery)).employmentReferral?.status === 'registered', 'the registration');

      const started = { eventId: 'event-1', registrationId: 'registration-1', event: 'trajectoryStarted' as const, occurredOn: '2034-09-15' };
      await handle.signal(employmentServiceEventSignal, started);
      await handle.signal(employmentServiceEventSignal, started); // delivered twice by the partner
      await handle.signal(employmentServiceEventSignal, { ...started, eventId: 'event-2', event: 'outcome', outcome: 'workResumedOtherEmployer' });
      await eventually(async () => (await handle.query(trajectoryStateQuery)).employmentReferral?.status === 'ended', 'the outcome');
      await eventually(() => recording.notices.length === 2, 'the two notices');
      await handle.executeUpdate(recordOutcomeUpdate, { args: [{ outcome: 'workResumedOtherEmployer', on: '2034-09-01', actor: coordinator }] });
      const result = await resultOnceClosed(handle);
      await writeHistory(TRAJECTORY_WORKFLOW, 'employment-service-referral', await handle.fetchHistory());
      return result;
    });
    expect(recording.registrations).toEqual(['VDAB']);
    expect(state.employmentReferral).toEqual({
      service: 'VDAB',
      registrationId: 'registration-1',
      status: 'ended',
      outcome: 'workResumedOtherEmployer',
      lastEventOn: '2034-09-15',
    });
    expect(recording.notices.map((n) => n.value.step)).toEqual(['employmentService.trajectoryStarted', 'employmentService.outcome']);
    expect(recording.audit).toContain('coordinator:referToEmploymentService');
  });

  it('takes a partial resumption request due on the working day before it, skipping a public holiday (D23)', async () => {
    // Resumption on Thursday 2034-11-02; Wednesday 2034-11-01 (All Saints) is a public holiday,
    // so the request is due on Tuesday 2034-10-31.
    await skipTo(suite.env, '2034-10-30T09:00:00+01:00');
    const caseId = 'acce55ed-0000-4000-8000-000000000004';
    const state = await runCase(caseId, '2034-10-30', async (handle) => {
      await eventually(() => recording.latest()?.status === 'awaitingFirstContact', 'the first-contact wait');
      await handle.executeUpdate(recordFirstContactUpdate, { args: [{ heldOn: '2034-10-30', actor: coordinator }] });
      await eventually(() => recording.latest()?.status === 'active', 'the active phase');
      await skipTo(suite.env, '2034-10-31T10:00:00+01:00');
      const requested = await handle.executeUpdate(requestPartialResumptionUpdate, {
        args: [{ resumesOn: '2034-11-02', requestedOn: '2034-10-31', actor: coordinator }],
      });
      expect(requested.partialResumption).toMatchObject({
        dueDate: '2034-10-31',
        late: false,
        status: 'awaitingAuthorisation',
        ruleId: 'partialResumption.requestDueWorkingDaysBefore',
      });
      await eventually(() => firstWithTask('partialResumptionAuthorisation') !== undefined, 'the authorisation task');
      await handle.executeUpdate(decidePartialResumptionUpdate, { args: [{ authorised: true, actor: physician }] });
      await handle.executeUpdate(recordOutcomeUpdate, { args: [{ outcome: 'workResumedOwnEmployer', on: '2034-10-31', actor: coordinator }] });
      const result = await resultOnceClosed(handle);
      await writeHistory(TRAJECTORY_WORKFLOW, 'partial-resumption-authorised', await handle.fetchHistory());
      return result;
    });
    expect(state.partialResumption).toMatchObject({ status: 'authorised', late: false });
    expect(firstWithTask('partialResumptionAuthorisation')!.value.openTasks).toContainEqual({
      kind: 'partialResumptionAuthorisation',
      role: 'advisingPhysician',
      dueAt: '2034-11-02T00:00:00.000+01:00',
    });
    expect(recording.audit).toEqual(
      expect.arrayContaining(['coordinator:requestPartialResumption', 'advisingPhysician:authorisePartialResumption']),
    );
  });

  it('follows a reintegration at the own employer through the Codex deadlines, escalating a late assessment (D17a, D19)', async () => {
    await skipTo(suite.env, '2035-01-08T09:00:00+01:00');
    const caseId = 'acce55ed-0000-4000-8000-000000000005';
    const stateOf = async (handle: Awaited<ReturnType<typeof start>>) => (await handle.query(trajectoryStateQuery)).reintegration;
    const report = (event: 'assessment' | 'plan' | 'outcome', occurredOn: string, decision?: 'A') => ({
      eventId: `${event}-1`,
      requestId: 'reintegration-1',
      event,
      decision,
      occurredOn,
    });
    await runCase(caseId, '2035-01-08', async (handle) => {
      await eventually(() => recording.latest()?.status === 'awaitingFirstContact', 'the first-contact wait');
      await handle.executeUpdate(recordFirstContactUpdate, { args: [{ heldOn: '2035-01-08', actor: coordinator }] });
      await eventually(() => recording.latest()?.status === 'active', 'the active phase');
      await handle.executeUpdate(referToOccupationalPhysicianUpdate, { args: [{ consent: true, requestedOn: '2035-01-08', actor: coordinator }] });
      // Assessment within 49 days of 2035-01-08: by 2035-02-26, until 2035-02-27T00:00+01:00.
      await eventually(async () => (await stateOf(handle))?.status === 'awaitingAssessment', 'the assessment wait');
      expect((await stateOf(handle))?.due).toMatchObject({ dueDate: '2035-02-26', expiresAt: '2035-02-27T00:00:00.000+01:00', ruleId: 'codex.assessmentWithin' });

      await skipTo(suite.env, '2035-02-27T09:00:00+01:00');
      await eventually(() => firstWithTask('reintegrationFollowUp') !== undefined, 'the escalation');
      await handle.signal(employerReintegrationEventSignal, report('assessment', '2035-02-27', 'A'));
      // Decision A on 2035-02-27: the plan within 63 days, by 2035-05-01.
      await eventually(async () => (await stateOf(handle))?.status === 'awaitingPlan', 'the plan wait');
      expect((await stateOf(handle))?.due).toMatchObject({ dueDate: '2035-05-01', ruleId: 'codex.planWithinAfterDecisionA' });

      await handle.signal(employerReintegrationEventSignal, report('plan', '2035-03-10'));
      // The worker accepts or refuses within 14 days of 2035-03-10: by 2035-03-24.
      await eventually(async () => (await stateOf(handle))?.status === 'awaitingOutcome', 'the acceptance wait');
      expect((await stateOf(handle))?.due).toMatchObject({ dueDate: '2035-03-24', ruleId: 'codex.acceptPlanWithin' });
      await handle.signal(employerReintegrationEventSignal, report('outcome', '2035-03-20'));
      await eventually(async () => (await stateOf(handle))?.status === 'ended', 'the end of the reintegration');

      await handle.executeUpdate(recordOutcomeUpdate, { args: [{ outcome: 'workResumedOwnEmployer', on: '2035-02-27', actor: coordinator }] });
      await resultOnceClosed(handle);
      await writeHistory(TRAJECTORY_WORKFLOW, 'employer-reintegration', await handle.fetchHistory());
    });
    const escalation = firstWithTask('reintegrationFollowUp')!;
    expect(Date.parse(escalation.at) - Date.parse('2035-02-26T23:00:00Z')).toBeGreaterThanOrEqual(0);
    expect(Date.parse(escalation.at) - Date.parse('2035-02-26T23:00:00Z')).toBeLessThan(5_000);
    expect(recording.latest()!.openTasks.map((t) => t.kind)).not.toContain('reintegrationFollowUp');
  });
});
