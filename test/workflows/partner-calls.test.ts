import { Context } from '@temporalio/activity';
import { WorkflowFailedError, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import {
  EPISODE_WORKFLOW,
  episodeStateQuery,
  episodeWorkflowId,
  endEpisodeUpdate,
  fileTrainingRequestUpdate,
  recordFirstContactUpdate,
  recordPhysicianAdviceUpdate,
  referToEmploymentServiceUpdate,
  retryEpisodePartnerCallUpdate,
  retryPartnerCallUpdate,
  retryTrainingReviewPartnerCallUpdate,
  returnQuestionnaireUpdate,
  stopTrajectoryUpdate,
  TRAINING_REVIEW_WORKFLOW,
  trainingReviewStateQuery,
  trainingReviewWorkflowId,
  trajectoryStateQuery,
  trajectoryWorkflowId,
  TRAJECTORY_WORKFLOW,
  type EpisodeActivities,
  type EpisodeLetter,
  type EpisodeProjection,
  type EpisodeInput,
  type TrajectoryInput,
} from '@tnw/contracts';
import { testDataConverter } from '@tnw/temporal';
import type { episodeWorkflow, trajectoryWorkflow } from '../../workflows';
import { writeHistory } from '../support/histories';
import { eventually, RecordingActivities, type Recorded } from '../support/recording-activities';
import { resultOnceClosed, skipTo, timeSkippingSuite } from '../support/time-skipping';

// Hundreds of failed attempts are the point here: the worker's warning for each would drown the output.
if (!Runtime._instance) Runtime.install({ logger: new DefaultLogger('ERROR') });

const coordinator = { id: 'coord-17', role: 'coordinator' as const };
const physician = { id: 'adva-3', role: 'advisingPhysician' as const };
/** PARTNER_CALL_BOUND (workflows/case-activities.ts), written out: the test checks the instants by hand. */
const BOUND_MS = 24 * 60 * 60 * 1000;

/**
 * The instant `at` is the bound, within a second either way: the test server counts the time-out
 * from its own clock, a few milliseconds off the attempt's recorded schedule time (CI saw 7 ms
 * early). Attempts come up to five minutes apart, so a second still tells the bound from an attempt.
 */
function expectAtBound(at: string, boundMs: number): void {
  const off = Date.parse(at) - boundMs;
  expect({ at, withinASecond: Math.abs(off) < 1_000 }).toEqual({ at, withinASecond: true });
}

/** One attempt of a partner call as the partner saw it: the activity's own clock and idempotency key. */
interface Attempt {
  scheduledAt: number;
  attemptAt: number;
  attempt: number;
  activityId: string;
  key: string;
  succeeded: boolean;
}

/**
 * A partner behind an activity: it fails every attempt while `down` (an outage: retryable), and
 * performs its effect once per idempotency key when up, as the simulators do.
 */
class Partner<T> {
  down = false;
  refuses = false;
  readonly attempts: Attempt[] = [];
  readonly effects = new Map<string, T>();

  constructor(private readonly effect: (key: string) => T) {}

  async call(): Promise<T> {
    const { workflowExecution, activityId, attempt, scheduledTimestampMs, currentAttemptScheduledTimestampMs } =
      Context.current().info;
    const key = `${workflowExecution!.workflowId}/${workflowExecution!.runId}/${activityId}`;
    const seen: Attempt = {
      scheduledAt: scheduledTimestampMs,
      attemptAt: currentAttemptScheduledTimestampMs,
      attempt,
      activityId,
      key,
      succeeded: false,
    };
    this.attempts.push(seen);
    if (this.refuses) throw ApplicationFailure.nonRetryable('the partner refuses this request', 'PartnerRefused');
    if (this.down) throw new Error('503 Service Unavailable');
    seen.succeeded = true;
    if (!this.effects.has(key)) this.effects.set(key, this.effect(key));
    return this.effects.get(key)!;
  }

  reset(): void {
    this.down = false;
    this.refuses = false;
    this.attempts.length = 0;
    this.effects.clear();
  }
}

/**
 * Partner calls get a bound (PARTNER_CALL_BOUND, a day) and, past it, a task for the coordinator
 * who decides when to try again; the retry keeps the idempotency key, so the partner acts once.
 */
describe('partner calls: bounded retry, a task for the coordinator, a decision to try again', () => {
  const suite = timeSkippingSuite();
  const recording = new RecordingActivities();
  const employmentService = new Partner((key) => ({ registrationId: `registration-${key.slice(-8)}` }));
  const riziv = new Partner((key) => ({ dossierId: `dossier-${key.slice(-8)}` }));
  const episodeLetters = new Partner((key) => key);

  beforeEach(() => {
    recording.reset();
    [employmentService, riziv, episodeLetters].forEach((partner) => partner.reset());
  });

  /** A worker on `taskQueue` for `body`: the case's activities with the two partners of this file, unless others are given. */
  async function withWorker<T>(
    taskQueue: string,
    body: () => Promise<T>,
    activities: object = {
      ...recording.activities,
      registerAtEmploymentService: () => employmentService.call(),
      registerTrainingDossier: () => riziv.call(),
    },
  ): Promise<T> {
    const worker = await Worker.create({
      connection: suite.env.nativeConnection,
      taskQueue,
      workflowBundle: suite.bundle,
      activities,
      dataConverter: testDataConverter(),
    });
    return worker.runUntil(body);
  }

  function startTrajectory(caseId: string, referralDate: string): Promise<WorkflowHandle<typeof trajectoryWorkflow>> {
    const input: TrajectoryInput = {
      caseId,
      personId: `person-${caseId}`,
      route: 'A',
      incapacityStartDate: '2033-06-06',
      referralDate,
      employmentService: 'VDAB',
      regime: 'employee',
      contract: 'noContract',
    };
    return suite.client.workflow.start<typeof trajectoryWorkflow>(TRAJECTORY_WORKFLOW, {
      workflowId: trajectoryWorkflowId(caseId),
      taskQueue: `partners-${caseId}`,
      args: [input],
    });
  }

  async function activeCase(handle: WorkflowHandle<typeof trajectoryWorkflow>, heldOn: string) {
    await eventually(() => recording.latest()?.status === 'awaitingFirstContact', 'the first-contact wait');
    await handle.executeUpdate(recordFirstContactUpdate, { args: [{ heldOn, actor: coordinator }] });
    await eventually(() => recording.latest()?.status === 'active' && recording.letters.length === 1, 'the active phase');
  }

  /** From 09:00 on `at`'s day: a trajectory referred that day, its first contact held at once. */
  async function withActiveCase(
    caseId: string,
    at: string,
    body: (handle: WorkflowHandle<typeof trajectoryWorkflow>) => Promise<void>,
  ): Promise<void> {
    await skipTo(suite.env, at);
    const day = at.slice(0, 10);
    await withWorker(`partners-${caseId}`, async () => {
      const handle = await startTrajectory(caseId, day);
      await activeCase(handle, day);
      await body(handle);
    });
  }

  const withTask = (kind: string) => (p: Recorded<{ openTasks: { kind: string }[] }>) =>
    p.value.openTasks.some((t) => t.kind === kind);
  const refusal = (message: string) => ({ name: WorkflowUpdateFailedError.name, cause: expect.objectContaining({ message }) });

  it('opens the coordinator a task when the employment service did not answer for the whole bound, and a retry registers once', async () => {
    // Monday 2034-01-09: first contact that day, so the first follow-up is due 3 months later.
    const caseId = 'c0ffee00-0000-4000-8000-0000000000b1';
    await withActiveCase(caseId, '2034-01-09T09:00:00+01:00', async (handle) => {
      employmentService.down = true;
      await handle.executeUpdate(referToEmploymentServiceUpdate, {
        args: [{ summary: 'looking for logistics work', actor: coordinator }],
      });
      await eventually(() => employmentService.attempts.length > 0, 'the first attempt');
      const scheduledAt = employmentService.attempts[0].scheduledAt;
      const bound = new Date(scheduledAt + BOUND_MS).toISOString();

      // Just before the bound: retried all along, and no task yet.
      await skipTo(suite.env, new Date(scheduledAt + BOUND_MS - 60_000).toISOString());
      expect(recording.projections.filter(withTask('partnerUnreachable-employmentService'))).toEqual([]);
      // Past it: the task opened at the bound itself, not at the last attempt before it.
      await skipTo(suite.env, new Date(scheduledAt + BOUND_MS + 60_000).toISOString());
      await eventually(() => recording.projections.some(withTask('partnerUnreachable-employmentService')), 'the task');
      const opened = recording.projections.find(withTask('partnerUnreachable-employmentService'))!;
      expectAtBound(opened.at, Date.parse(bound));
      expect(opened.value.openTasks).toContainEqual({ kind: 'partnerUnreachable-employmentService', role: 'coordinator' });
      const attempts = employmentService.attempts;
      expect(attempts.length).toBeGreaterThan(200);
      expect(new Set(attempts.map((a) => a.activityId)).size).toBe(1);
      expect(Math.max(...attempts.map((a) => a.attemptAt))).toBeLessThan(Date.parse(bound));
      expect(recording.notices.map((n) => n.value.step)).toContain('partnerUnreachable');
      const notice = recording.notices.find((n) => n.value.step === 'partnerUnreachable')!;
      expect(notice.value.message).toBe(
        'employmentService did not answer registerAtEmploymentService (VDAB) for 24 hours; it is tried again when the coordinator decides so (retry-partner-call).',
      );
      const waiting = await handle.query(trajectoryStateQuery);
      expect(waiting.partnerCalls).toEqual([
        {
          callId: attempts[0].activityId,
          partner: 'employmentService',
          effect: 'registerAtEmploymentService',
          detail: 'VDAB',
          since: expect.any(String),
          retries: 0,
        },
      ]);
      expectAtBound(waiting.partnerCalls![0].since, Date.parse(bound));
      expect(waiting.employmentReferral).toMatchObject({ status: 'registering' });

      // The case's other timers keep running: the follow-up falls due and escalates meanwhile.
      await skipTo(suite.env, '2034-04-11T09:00:00+02:00');
      await eventually(() => recording.latest()!.openTasks.some((t) => t.kind === 'followUpOverdue'), 'the follow-up escalation');
      expect(recording.latest()!.openTasks.map((t) => t.kind)).toEqual(
        expect.arrayContaining(['followUp', 'followUpOverdue', 'partnerUnreachable-employmentService']),
      );
      const attemptsWhileWaiting = employmentService.attempts.length;
      expect(attemptsWhileWaiting).toBe(attempts.length);

      // The service is back; the coordinator decides to try again.
      employmentService.down = false;
      await handle.executeUpdate(retryPartnerCallUpdate, {
        args: [{ actor: coordinator, reason: 'VDAB confirmed its outage is over' }],
      });
      await eventually(
        async () => (await handle.query(trajectoryStateQuery)).employmentReferral?.status === 'registered',
        'the registration',
      );
      const retried = employmentService.attempts.slice(attemptsWhileWaiting);
      expect(retried.map((a) => ({ attempt: a.attempt, activityId: a.activityId, key: a.key, succeeded: a.succeeded }))).toEqual([
        { attempt: 1, activityId: attempts[0].activityId, key: attempts[0].key, succeeded: true },
      ]);
      expect([...employmentService.effects.keys()]).toEqual([attempts[0].key]);
      const registered = await handle.query(trajectoryStateQuery);
      expect(registered.partnerCalls).toBeUndefined();
      expect(registered.employmentReferral).toMatchObject({
        registrationId: employmentService.effects.get(attempts[0].key)!.registrationId,
      });
      await eventually(
        () => !recording.latest()!.openTasks.some((t) => t.kind.startsWith('partnerUnreachable')),
        'the task closed',
      );

      await handle.executeUpdate(stopTrajectoryUpdate, { args: [{ actor: coordinator }] });
      await resultOnceClosed(handle);
      await writeHistory(TRAJECTORY_WORKFLOW, 'partner-unreachable-then-retried', await handle.fetchHistory());
    });
    expect(recording.audit).toEqual([
      'coordinator:recordFirstContact',
      'coordinator:referToEmploymentService',
      'coordinator:retryPartnerCall:employmentService',
      'coordinator:stopTrajectory',
    ]);
  });

  it('refuses the retry step when no call waits for a decision, or by another role', async () => {
    await skipTo(suite.env, '2034-06-05T09:00:00+02:00');
    const caseId = 'c0ffee00-0000-4000-8000-0000000000b2';
    await withWorker(`partners-${caseId}`, async () => {
      const handle = await startTrajectory(caseId, '2034-06-05');
      await eventually(() => recording.latest()?.status === 'awaitingFirstContact', 'the first-contact wait');
      const retry = (actor: typeof coordinator | typeof physician, partner?: 'letters') =>
        handle.executeUpdate(retryPartnerCallUpdate, { args: [{ actor, partner }] });
      await expect(retry(physician)).rejects.toMatchObject(
        refusal('retryPartnerCall is taken by coordinator, not by advisingPhysician'),
      );
      await expect(retry(coordinator)).rejects.toMatchObject(refusal('no partner call is waiting for a decision'));
      await expect(retry(coordinator, 'letters')).rejects.toMatchObject(refusal('no partner call is waiting for a decision'));
      await handle.executeUpdate(stopTrajectoryUpdate, { args: [{ actor: coordinator }] });
      expect(await resultOnceClosed(handle)).toMatchObject({ status: 'stopped' });
    });
    expect(recording.audit).toEqual(['coordinator:stopTrajectory']);
  });

  it("still fails at once on a partner's refusal, without waiting for the bound", async () => {
    const caseId = 'c0ffee00-0000-4000-8000-0000000000b3';
    await withActiveCase(caseId, '2034-07-03T09:00:00+02:00', async (handle) => {
      employmentService.refuses = true;
      await handle.executeUpdate(referToEmploymentServiceUpdate, { args: [{ actor: coordinator }] });
      await expect(resultOnceClosed(handle)).rejects.toBeInstanceOf(WorkflowFailedError);
    });
    expect(employmentService.attempts.map((a) => a.attempt)).toEqual([1]);
    expect(recording.projections.filter(withTask('partnerUnreachable-employmentService'))).toEqual([]);
  });

  it("bounds the training review's call to RIZIV, opens its own task, and a retry registers the dossier once", async () => {
    const caseId = 'c0ffee00-0000-4000-8000-0000000000b4';
    await withActiveCase(caseId, '2034-09-04T09:00:00+02:00', async (handle) => {
      riziv.down = true;
      const project = {
        title: 'Logistics planner',
        provider: 'VDAB competence centre',
        startsOn: '2034-11-01',
        endsOn: '2035-06-30',
      };
      await handle.executeUpdate(fileTrainingRequestUpdate, {
        args: [{ ...project, submittedBy: 'insured', actor: coordinator }],
      });
      await eventually(() => riziv.attempts.length > 0, 'the first attempt');
      const bound = riziv.attempts[0].scheduledAt + BOUND_MS;
      await skipTo(suite.env, new Date(bound + 60_000).toISOString());
      const reviewTasks = (s: Recorded<{ openTasks: { kind: string }[] }>) => s.value.openTasks.map((t) => t.kind);
      await eventually(
        () => recording.scopedTasks.some((s) => reviewTasks(s).includes('reviewPartnerUnreachable-riziv')),
        'the review task',
      );
      const opened = recording.scopedTasks.find((s) => reviewTasks(s).includes('reviewPartnerUnreachable-riziv'))!;
      expectAtBound(opened.at, bound);
      expect(opened.value).toEqual({
        caseId,
        scope: 'trainingReview',
        openTasks: [{ kind: 'reviewPartnerUnreachable-riziv', role: 'coordinator' }],
      });
      expect(recording.notices.find((n) => n.value.step === 'partnerUnreachable')?.value.message).toMatch(
        /^Training review: riziv did not answer registerTrainingDossier/,
      );

      const review = suite.client.workflow.getHandle(trainingReviewWorkflowId(caseId, 1));
      expect((await review.query(trainingReviewStateQuery)).partnerCalls).toHaveLength(1);
      riziv.down = false;
      await review.executeUpdate(retryTrainingReviewPartnerCallUpdate, { args: [{ actor: coordinator, partner: 'riziv' }] });
      await eventually(
        async () => (await review.query(trainingReviewStateQuery)).status === 'awaitingPhysicianAdvice',
        'the advice wait',
      );
      expect([...riziv.effects.keys()]).toEqual([riziv.attempts[0].key]);
      // The review's tasks are projected by an activity after its state changed: wait for that write.
      await eventually(
        () => recording.scopedTasks.at(-1)!.value.openTasks.some((t) => t.kind === 'trainingAdvice'),
        'the advice task',
      );
      expect(recording.scopedTasks.at(-1)!.value.openTasks).toEqual([{ kind: 'trainingAdvice', role: 'advisingPhysician' }]);
      await review.executeUpdate(recordPhysicianAdviceUpdate, { args: [{ advice: 'unfavourable', actor: physician }] });
      await eventually(async () => (await handle.query(trajectoryStateQuery)).training?.status === 'refused', 'the refusal');
      await writeHistory(TRAINING_REVIEW_WORKFLOW, 'partner-unreachable-then-retried', await review.fetchHistory());
      await handle.executeUpdate(stopTrajectoryUpdate, { args: [{ actor: coordinator }] });
      await resultOnceClosed(handle);
    });
    expect(recording.audit).toContain('coordinator:retryPartnerCall:riziv');
  });

  describe('episode letters', () => {
    const projections: Recorded<EpisodeProjection>[] = [];
    const letters: Recorded<EpisodeLetter>[] = [];
    const scheduledAt = () => new Date(Context.current().info.currentAttemptScheduledTimestampMs).toISOString();
    const activities: EpisodeActivities = {
      async sendEpisodeLetter(value) {
        await episodeLetters.call();
        letters.push({ at: scheduledAt(), value });
      },
      async openTask() {},
      async projectEpisode(value) {
        projections.push({ at: scheduledAt(), value });
      },
      async appendAuditEntry() {},
      async notifyNonCooperation() {},
    };

    it('bounds a letter, opens the coordinator a task, and a retry sends the letter once', async () => {
      // Monday 2035-01-07; the questionnaire goes out in the weeks after.
      await skipTo(suite.env, '2035-01-07T09:00:00+01:00');
      const episodeId = 'e0000000-0000-4000-8000-0000000000b5';
      const taskQueue = `partners-${episodeId}`;
      await withWorker(
        taskQueue,
        async () => {
          const input: EpisodeInput = {
            episodeId,
            personId: `person-${episodeId}`,
            regime: 'employee',
            language: 'fr',
            incapacityStartDate: '2035-01-07',
            contract: 'underContract',
          };
          const handle = await suite.client.workflow.start<typeof episodeWorkflow>(EPISODE_WORKFLOW, {
            workflowId: episodeWorkflowId(episodeId),
            taskQueue,
            args: [input],
          });
          episodeLetters.down = true;
          const sendAt = Date.parse((await handle.query(episodeStateQuery)).questionnaire.sendOn.firesAt);
          await skipTo(suite.env, new Date(sendAt + BOUND_MS + 60_000).toISOString());
          const task = (p: Recorded<EpisodeProjection>) => p.value.openTasks.find((t) => t.kind === 'partnerUnreachable-letters');
          await eventually(() => projections.some(task), 'the task');
          const opened = projections.find(task)!;
          const bound = episodeLetters.attempts[0].scheduledAt + BOUND_MS;
          expect(episodeLetters.attempts[0].scheduledAt - sendAt).toBeLessThan(1_000);
          expectAtBound(opened.at, bound);
          expect(task(opened)).toEqual({
            kind: 'partnerUnreachable-letters',
            role: 'coordinator',
            dueAt: (await handle.query(episodeStateQuery)).partnerCalls![0].since,
          });
          expect(letters).toEqual([]);

          episodeLetters.down = false;
          await handle.executeUpdate(retryEpisodePartnerCallUpdate, { args: [{ actor: coordinator, partner: 'letters' }] });
          await eventually(() => letters.length === 1, 'the letter');
          expect(letters[0].value).toMatchObject({ kind: 'questionnaire', idempotencyKey: `${episodeId}/letter:questionnaire` });
          expect(episodeLetters.attempts.filter((a) => a.succeeded).map((a) => a.activityId)).toEqual([
            episodeLetters.attempts[0].activityId,
          ]);
          await eventually(() => !task(projections.at(-1)!), 'the task closed');
          const state = await handle.query(episodeStateQuery);
          expect(state.partnerCalls).toBeUndefined();
          expect(state.notices.map((n) => n.key)).toContain('letter:questionnaire');

          await handle.executeUpdate(returnQuestionnaireUpdate, {
            args: [{ returnedOn: state.questionnaire.sentOn!, actor: coordinator }],
          });
          await handle.executeUpdate(endEpisodeUpdate, {
            args: [{ lastDay: state.questionnaire.sentOn!, actor: coordinator, reason: 'work resumed' }],
          });
          // The relapse window (D5) closes the episode.
          await skipTo(suite.env, new Date(Date.parse(opened.at) + 120 * 24 * 3600_000).toISOString());
          expect(await resultOnceClosed(handle)).toMatchObject({ status: 'closed' });
          await writeHistory(EPISODE_WORKFLOW, 'letters-unreachable-then-retried', await handle.fetchHistory());
        },
        activities,
      );
    });
  });
});
