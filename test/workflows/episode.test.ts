import { Context } from '@temporalio/activity';
import { WorkflowUpdateFailedError, type Client, type WorkflowHandle } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundle } from '@temporalio/worker';
import {
  decideCategoryUpdate,
  endEpisodeUpdate,
  episodeStateQuery,
  episodeWorkflowId,
  EPISODE_WORKFLOW,
  recordContactMomentUpdate,
  recordNonCooperationUpdate,
  renewInvalidityUpdate,
  reportRelapseUpdate,
  returnQuestionnaireUpdate,
  type AuditEntry,
  type EpisodeActivities,
  type EpisodeInput,
  type EpisodeLetter,
  type EpisodeProjection,
  type EpisodeTaskNotice,
  type NonCooperationNotice,
} from '@tnw/contracts';
import { testDataConverter } from '@tnw/temporal';
import type { episodeWorkflow } from '../../workflows';
import { writeHistory } from '../support/histories';
import { bundleWorkflows, clientWithoutSkipping, createTimeSkippingEnv, skipTo } from '../support/time-skipping';

/** Each call of a fake activity, with the test server's (skipped) time it was scheduled at. */
interface Call<T> {
  at: string;
  value: T;
}

const physician = { id: 'adva-3', role: 'advisingPhysician' as const };
const coordinator = { id: 'coord-17', role: 'coordinator' as const };
const team = { id: 'team-2', role: 'advisingPhysician' as const };

describe('episode workflow on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;
  let client: Client;
  let bundle: WorkflowBundle;
  let letters: Call<EpisodeLetter>[];
  let tasks: Call<EpisodeTaskNotice>[];
  let projections: Call<EpisodeProjection>[];
  let audits: Call<AuditEntry>[];
  let nonCooperation: Call<NonCooperationNotice>[];

  const scheduledAt = () => new Date(Context.current().info.currentAttemptScheduledTimestampMs).toISOString();
  const activities: EpisodeActivities = {
    async sendEpisodeLetter(value) {
      letters.push({ at: scheduledAt(), value });
    },
    async openTask(value) {
      tasks.push({ at: scheduledAt(), value });
    },
    async projectEpisode(value) {
      projections.push({ at: scheduledAt(), value });
    },
    async appendAuditEntry(value) {
      audits.push({ at: scheduledAt(), value });
    },
    async notifyNonCooperation(value) {
      nonCooperation.push({ at: scheduledAt(), value });
    },
  };

  beforeAll(async () => {
    [env, bundle] = await Promise.all([createTimeSkippingEnv(), bundleWorkflows()]);
    client = clientWithoutSkipping(env);
  });
  afterAll(async () => {
    await env?.teardown();
  });
  beforeEach(() => {
    letters = [];
    tasks = [];
    projections = [];
    audits = [];
    nonCooperation = [];
  });

  const taskQueue = 'episode-tests';

  async function withWorker<T>(body: () => Promise<T>): Promise<T> {
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities, dataConverter: testDataConverter() });
    return worker.runUntil(body);
  }

  function startEpisode(input: Omit<EpisodeInput, 'personId' | 'regime' | 'language'> & Partial<EpisodeInput>) {
    const full: EpisodeInput = { personId: `person-${input.episodeId}`, regime: 'employee', language: 'nl', ...input };
    return client.workflow.start<typeof episodeWorkflow>(EPISODE_WORKFLOW, {
      workflowId: episodeWorkflowId(input.episodeId),
      taskQueue,
      args: [full],
    });
  }

  /** The call happened at `instant` (the timer's instant, give or take the activity's scheduling). */
  function expectAt(call: Call<unknown> | undefined, instant: string) {
    expect(call).toBeDefined();
    const delta = Date.parse(call!.at) - Date.parse(instant);
    expect({ at: call!.at, late: delta >= 0 && delta < 5_000 }).toEqual({ at: call!.at, late: true });
  }
  const letter = (kind: string) => letters.filter((l) => l.value.kind === kind);
  const task = (kind: string, stage: string) => tasks.filter((t) => t.value.kind === kind && t.value.stage === stage);

  it('runs a first year and two years of invalidity under D24, renewing once and then ending the benefit', async () => {
    // Monday 2033-01-03, under contract; D24 configured from 2033-06-01 (before invalidity starts).
    await skipTo(env, '2033-01-03T08:00:00+01:00');
    const episodeId = 'e0000000-0000-4000-8000-000000000001';
    const { firstRun, lastRun, result } = await withWorker(async () => {
      const handle = await startEpisode({
        episodeId,
        incapacityStartDate: '2033-01-03',
        contract: 'underContract',
        invalidityRenewalFrom: '2033-06-01',
      });
      const state0 = await handle.query(episodeStateQuery);
      // D11 (episode under the 2026 rules): the occupational physician from month 1 (2033-01-03),
      // the employer's work-potential assessment after 8 weeks (2033-01-03 + 56 days = 2033-02-28),
      // and a reintegration started within 6 months (by 2033-07-03).
      expect(state0.duties.map((d) => [d.duty, d.deadline.dueDate])).toEqual([
        ['occupationalPhysicianFrom', '2033-01-03'],
        ['employerWorkPotentialAssessment', '2033-02-28'],
        ['employerReintegrationStart', '2033-07-03'],
      ]);

      // D10 month 4 = 2033-04-03..2033-05-02. The contact is held on 2033-04-10, before the
      // staff reminder (7 days before the window closes: 2033-04-26).
      await skipTo(env, '2033-04-10T10:00:00+02:00');
      await handle.executeUpdate(recordContactMomentUpdate, { args: [{ month: 4, heldOn: '2033-04-10', actor: team }] });
      // D8: category 4 decided on 2033-04-28, after the reminder of 2033-04-26, before the window closes.
      await skipTo(env, '2033-04-28T10:00:00+02:00');
      await handle.executeUpdate(decideCategoryUpdate, { args: [{ category: 4, decidedOn: '2033-04-28', actor: physician, reason: 'adapted work' }] });
      // Month 7 (2033-07-03..2033-08-02) not held in time: escalated, then held late.
      await skipTo(env, '2033-08-10T10:00:00+02:00');
      await handle.executeUpdate(recordContactMomentUpdate, { args: [{ month: 7, heldOn: '2033-08-10', actor: team }] });
      // Month 11: 2033-11-03..2033-12-02, held on 2033-11-15.
      await skipTo(env, '2033-11-15T10:00:00+01:00');
      await handle.executeUpdate(recordContactMomentUpdate, { args: [{ month: 11, heldOn: '2033-11-15', actor: team }] });

      // Invalidity from 2034-01-03 (D1). D24 recognition: 2034-01-03 + 12 months - 1 day = 2035-01-02.
      await skipTo(env, '2034-01-03T10:00:00+01:00');
      const invalid = await handle.query(episodeStateQuery);
      expect(invalid).toMatchObject({ phase: 'invalidity', invalidityYear: 1 });
      expect(invalid.renewal).toMatchObject({
        recognisedFrom: '2034-01-03',
        basis: 'recognition',
        validity: { dueDate: '2035-01-02', expiresAt: '2035-01-03T00:00:00.000+01:00', ruleId: 'invalidity.renewalCertificateMaxValidity' },
      });
      // Certificate issued 2034-12-28, after both reminders: valid until 2035-12-27 (D24).
      await skipTo(env, '2034-12-28T10:00:00+01:00');
      const renewed = await handle.executeUpdate(renewInvalidityUpdate, {
        args: [{ basis: 'certificate', issuedOn: '2034-12-28', actor: physician }],
      });
      expect(renewed.renewal).toMatchObject({ basis: 'certificate', renewals: 1, validity: { dueDate: '2035-12-27' } });

      // The second year is a new run (continue-as-new) carrying the state.
      await env.sleep('1 hour');
      const second = await handle.query(episodeStateQuery);
      expect(second).toMatchObject({ invalidityYear: 2, category: { category: 4 }, renewal: { renewals: 1 } });
      expect(second.contactMoments.map((m) => m.heldOn)).toEqual(['2033-04-10', '2033-08-10', '2033-11-15']);
      // No certificate before 2035-12-28T00:00+01:00: the benefit ends (D24).
      await skipTo(env, '2035-12-28T10:00:00+01:00');
      const result = await handle.result();
      const describe = await handle.describe();
      return { firstRun: handle.firstExecutionRunId, lastRun: describe.runId, result };
    });

    expect(result).toMatchObject({ status: 'benefitEnded', invalidityYear: 2 });

    // D7: week 10 ends Sunday 2033-03-13 (2033-01-03 + 69 days): sent at 00:00 Brussels = 2033-03-12T23:00Z.
    expectAt(letter('questionnaire')[0], '2033-03-12T23:00:00Z');
    expect(letter('questionnaire')[0].value).toMatchObject({
      episodeId,
      language: 'nl',
      registered: false,
      idempotencyKey: `${episodeId}/letter:questionnaire`,
    });
    // Returned within 2 weeks: by 2033-03-27, expiring 2033-03-28T00:00+02:00 (summer time since
    // that Sunday) = 2033-03-27T22:00Z. Reminder 4 days before: 2033-03-24T00:00+01:00 = 2033-03-23T23:00Z.
    expectAt(letter('questionnaireReminder')[0], '2033-03-23T23:00:00Z');
    // Not returned: the coordinator is asked to contact the person (D7 follow-up) at the expiry.
    expectAt(task('questionnaireFollowUp', 'escalation')[0], '2033-03-27T22:00:00Z');
    expect(task('questionnaireFollowUp', 'escalation')[0].value.role).toBe('coordinator');

    // Month 4 opens 2033-04-03T00:00+02:00 = 2033-04-02T22:00Z: category task, contact-moment task and invitation.
    expectAt(task('categoryDecision', 'open')[0], '2033-04-02T22:00:00Z');
    expectAt(task('contactMoment-4', 'open')[0], '2033-04-02T22:00:00Z');
    expectAt(letter('invitation').find((l) => l.value.idempotencyKey.endsWith('contactMoment-4')), '2033-04-02T22:00:00Z');
    // Category reminder 7 days before the window closes (2033-05-03): 2033-04-26T00:00+02:00 = 2033-04-25T22:00Z.
    expectAt(task('categoryDecision', 'reminder')[0], '2033-04-25T22:00:00Z');
    expect(task('categoryDecision', 'escalation')).toEqual([]);
    // Contact 4 held before its reminder: none sent.
    expect(task('contactMoment-4', 'reminder')).toEqual([]);
    // Category 4 on 2033-04-28: referral to the coordinator, first contact within a month (D9):
    // by 2033-05-28, due 2033-05-29T00:00+02:00.
    expect(task('referral', 'open')).toEqual([
      expect.objectContaining({ value: expect.objectContaining({ role: 'coordinator', dueAt: '2033-05-29T00:00:00.000+02:00', ruleId: 'coordinator.firstContactWithin' }) }),
    ]);
    // Under contract: no employment-service registration (D11 is for people without a contract).
    expect(task('employmentServiceRegistration', 'open')).toEqual([]);

    // Month 7: opens 2033-07-03T00:00+02:00; reminder 2033-07-27T00:00+02:00; escalated to the
    // supervisor when it closes, 2033-08-03T00:00+02:00 = 2033-08-02T22:00Z.
    expectAt(task('contactMoment-7', 'open')[0], '2033-07-02T22:00:00Z');
    expectAt(task('contactMoment-7', 'reminder')[0], '2033-07-26T22:00:00Z');
    expectAt(task('contactMoment-7', 'escalation')[0], '2033-08-02T22:00:00Z');
    expect(task('contactMoment-7', 'escalation')[0].value.role).toBe('supervisor');
    // Month 11 opens 2033-11-03T00:00+01:00 (winter time again) = 2033-11-02T23:00Z.
    expectAt(task('contactMoment-11', 'open')[0], '2033-11-02T23:00:00Z');
    expect(task('contactMoment-11', 'reminder')).toEqual([]);

    // D24 reminders 42 and 14 days before 2035-01-03: 2034-11-22 and 2034-12-20, 00:00+01:00.
    const firstYearReminders = letter('invalidityRenewalReminder').filter((l) => l.value.idempotencyKey.includes('2035-01-02'));
    expect(firstYearReminders).toHaveLength(2);
    expectAt(firstYearReminders[0], '2034-11-21T23:00:00Z');
    expectAt(firstYearReminders[1], '2034-12-19T23:00:00Z');
    // Second year: certificate valid until 2035-12-27, reminders 2035-11-16 and 2035-12-14,
    // then the benefit ends when it expires, 2035-12-28T00:00+01:00 = 2035-12-27T23:00Z.
    const secondYearReminders = letter('invalidityRenewalReminder').filter((l) => l.value.idempotencyKey.includes('2035-12-27'));
    expectAt(secondYearReminders[0], '2035-11-15T23:00:00Z');
    expectAt(secondYearReminders[1], '2035-12-13T23:00:00Z');
    expectAt(letter('invalidityBenefitEnded')[0], '2035-12-27T23:00:00Z');

    // Every letter once: keys are unique across both runs.
    const keys = letters.map((l) => l.value.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(projections.at(-1)!.value).toMatchObject({ status: 'benefitEnded', openTasks: [] });
    expect(audits.map((a) => a.value.action)).toEqual([
      'recordContactMoment:4',
      'decideCategory:4',
      'recordContactMoment:7',
      'recordContactMoment:11',
      'renewInvalidity:certificate',
    ]);

    expect(lastRun).not.toBe(firstRun);
    await writeHistory(EPISODE_WORKFLOW, 'first-year-and-renewal', await client.workflow.getHandle(episodeWorkflowId(episodeId), firstRun).fetchHistory());
    await writeHistory(EPISODE_WORKFLOW, 'second-invalidity-year-benefit-ended', await client.workflow.getHandle(episodeWorkflowId(episodeId), lastRun).fetchHistory());
  });

  it('refuses steps in the wrong state, records non-cooperation, links a relapse and closes after the D5 window', async () => {
    // Monday 2036-02-04, no contract. Category 4 decided early, on 2036-02-20.
    await skipTo(env, '2036-02-04T09:00:00+01:00');
    const episodeId = 'e0000000-0000-4000-8000-000000000002';
    const refusal = (message: string) => ({ name: WorkflowUpdateFailedError.name, cause: expect.objectContaining({ message }) });
    const state = await withWorker(async () => {
      const handle = await startEpisode({ episodeId, incapacityStartDate: '2036-02-04', contract: 'noContract', language: 'fr' });
      await env.sleep('1 hour');
      await expect(handle.executeUpdate(returnQuestionnaireUpdate, { args: [{ returnedOn: '2036-02-04', actor: coordinator }] })).rejects.toMatchObject(
        refusal('the questionnaire has not been sent; it goes out on 2036-04-13'),
      );
      await expect(handle.executeUpdate(decideCategoryUpdate, { args: [{ category: 4, decidedOn: '2036-02-04', actor: coordinator }] })).rejects.toMatchObject(
        refusal('only the advising physician classifies remaining capacity (D8), not a coordinator'),
      );
      await expect(handle.executeUpdate(reportRelapseUpdate, { args: [{ newStart: '2036-02-04', actor: coordinator }] })).rejects.toMatchObject(
        refusal('only an ended episode can relapse; the episode is active'),
      );
      await expect(
        handle.executeUpdate(renewInvalidityUpdate, { args: [{ basis: 'certificate', issuedOn: '2036-02-04', actor: physician }] }),
      ).rejects.toMatchObject(refusal('the yearly renewal (D24) belongs to the invalidity phase; the episode is in primary'));
      await expect(handle.executeUpdate(recordContactMomentUpdate, { args: [{ month: 5, heldOn: '2036-02-04', actor: team }] })).rejects.toMatchObject(
        refusal('month 5 is not a contact month (D10: 4, 7, 11)'),
      );

      await skipTo(env, '2036-02-20T10:00:00+01:00');
      await handle.executeUpdate(decideCategoryUpdate, { args: [{ category: 4, decidedOn: '2036-02-20', actor: physician }] });
      await expect(handle.executeUpdate(decideCategoryUpdate, { args: [{ category: 3, decidedOn: '2036-02-20', actor: physician }] })).rejects.toMatchObject(
        refusal('category 4 was already decided on 2036-02-20'),
      );
      await skipTo(env, '2036-02-25T10:00:00+01:00');
      await handle.executeUpdate(recordNonCooperationUpdate, { args: [{ kind: 'missedContact', occurredOn: '2036-02-25', actor: coordinator, reason: 'no show' }] });

      // Work resumed: last day 2036-03-01 (2036 is a leap year). A relapse may start until
      // 2036-03-01 + 14 days = 2036-03-15 (D5, primary window).
      await skipTo(env, '2036-03-02T10:00:00+01:00');
      const ended = await handle.executeUpdate(endEpisodeUpdate, { args: [{ lastDay: '2036-03-01', actor: coordinator, reason: 'work resumed' }] });
      expect(ended).toMatchObject({ status: 'ended', relapsePossibleUntil: '2036-03-15' });
      await skipTo(env, '2036-03-10T10:00:00+01:00');
      await expect(handle.executeUpdate(reportRelapseUpdate, { args: [{ newStart: '2036-03-10', actor: coordinator }] })).resolves.toMatchObject({
        status: 'active',
        relapses: [{ previousEnd: '2036-03-01', newStart: '2036-03-10' }],
      });
      // Ended again on 2036-03-20, relapsed on 2036-03-21, ended again on 2036-03-21.
      await skipTo(env, '2036-03-21T10:00:00+01:00');
      await handle.executeUpdate(endEpisodeUpdate, { args: [{ lastDay: '2036-03-20', actor: coordinator }] });
      await expect(handle.executeUpdate(reportRelapseUpdate, { args: [{ newStart: '2036-03-21', actor: coordinator }] })).resolves.toMatchObject({
        status: 'active',
      });
      await skipTo(env, '2036-03-22T10:00:00+01:00');
      await handle.executeUpdate(endEpisodeUpdate, { args: [{ lastDay: '2036-03-21', actor: coordinator }] });
      // The D5 window runs until 2036-03-21 + 14 days = 2036-04-04; it closes at
      // 2036-04-05T00:00+02:00 = 2036-04-04T22:00Z, and the episode with it.
      await skipTo(env, '2036-04-05T10:00:00+02:00');
      const result = await handle.result();
      await writeHistory(EPISODE_WORKFLOW, 'refusals-relapse-non-cooperation', await handle.fetchHistory());
      return result;
    });

    expect(state).toMatchObject({ status: 'closed', endedOn: '2036-03-21', relapsePossibleUntil: '2036-04-04' });
    expectAt(projections.find((p) => p.value.status === 'closed'), '2036-04-04T22:00:00Z');
    // Category 4 for a person without a contract: referral (D9: by 2036-03-20) and, under the
    // 2026 rules, registration at the employment service, first conversation within a month (D11).
    expect(tasks.map((t) => [t.value.kind, t.value.role, t.value.dueAt, t.value.ruleId])).toEqual([
      ['referral', 'coordinator', '2036-03-21T00:00:00.000+01:00', 'coordinator.firstContactWithin'],
      ['employmentServiceRegistration', 'coordinator', '2036-03-21T00:00:00.000+01:00', 'noContract.firstConversationWithin'],
    ]);
    expect(nonCooperation.map((n) => n.value)).toEqual([
      { episodeId, personId: `person-${episodeId}`, kind: 'missedContact', occurredOn: '2036-02-25', idempotencyKey: `${episodeId}/nonCooperation:0` },
    ]);
    // The questionnaire date (2036-04-13) is never reached: nothing was sent.
    expect(letters).toEqual([]);
    expect(audits.map((a) => a.value.action)).toEqual([
      'decideCategory:4',
      'recordNonCooperation:missedContact',
      'endEpisode',
      'reportRelapse',
      'endEpisode',
      'reportRelapse',
      'endEpisode',
    ]);
  });

  it('sends no reminder when the action came first, and cancels the pending timers', async () => {
    // Monday 2036-06-02: questionnaire sent Sunday 2036-08-10 (00:00+02:00 = 2036-08-09T22:00Z),
    // returned 2036-08-12, before the reminder of 2036-08-21.
    await skipTo(env, '2036-06-02T09:00:00+02:00');
    const episodeId = 'e0000000-0000-4000-8000-000000000003';
    let handle: WorkflowHandle<typeof episodeWorkflow>;
    await withWorker(async () => {
      handle = await startEpisode({ episodeId, incapacityStartDate: '2036-06-02', contract: 'underContract', language: 'de' });
      await skipTo(env, '2036-08-12T10:00:00+02:00');
      await handle.executeUpdate(returnQuestionnaireUpdate, { args: [{ returnedOn: '2036-08-12', actor: coordinator }] });
      // Month 4 opens 2036-09-02; category and contact decided on 2036-09-05, before the reminders of 2036-09-25.
      await skipTo(env, '2036-09-05T10:00:00+02:00');
      await handle.executeUpdate(decideCategoryUpdate, { args: [{ category: 1, decidedOn: '2036-09-05', actor: physician }] });
      await handle.executeUpdate(recordContactMomentUpdate, { args: [{ month: 4, heldOn: '2036-09-05', actor: team }] });
      await skipTo(env, '2036-10-05T10:00:00+02:00');
      await handle.executeUpdate(endEpisodeUpdate, { args: [{ lastDay: '2036-10-04', actor: coordinator, reason: 'work resumed' }] });
      await skipTo(env, '2036-10-20T10:00:00+02:00');
      expect(await handle.result()).toMatchObject({ status: 'closed' });
    });
    const history = await handle!.fetchHistory();
    await writeHistory(EPISODE_WORKFLOW, 'actions-before-reminders', history);

    expectAt(letter('questionnaire')[0], '2036-08-09T22:00:00Z');
    expect(letter('questionnaire')[0].value).toMatchObject({ language: 'de' });
    expect(letter('questionnaireReminder')).toEqual([]);
    expect(tasks.map((t) => `${t.value.kind}:${t.value.stage}`)).toEqual(['categoryDecision:open', 'contactMoment-4:open']);
    // The reminder timers were started and cancelled by the actions.
    const started = new Map<string, string>();
    const cancelled: string[] = [];
    for (const event of history.events ?? []) {
      const attrs = event.timerStartedEventAttributes;
      if (attrs?.timerId) started.set(attrs.timerId, JSON.stringify(event.userMetadata?.summary ?? ''));
      const cancel = event.timerCanceledEventAttributes;
      if (cancel?.timerId) cancelled.push(started.get(cancel.timerId) ?? '');
    }
    expect(cancelled.some((summary) => summary.length > 0)).toBe(true);
    expect(cancelled.length).toBeGreaterThanOrEqual(3);
  });
});
