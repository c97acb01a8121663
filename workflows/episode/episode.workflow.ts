import {
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import {
  decideCategoryUpdate,
  DEFAULT_REMINDER_SETTINGS,
  endEpisodeUpdate,
  episodeStateQuery,
  recordContactMomentUpdate,
  recordNonCooperationUpdate,
  renewInvalidityUpdate,
  reportRelapseUpdate,
  retryEpisodePartnerCallUpdate,
  returnQuestionnaireUpdate,
  type ContactMomentState,
  type EpisodeActivities,
  type EpisodeDeadline,
  type EpisodeInput,
  type EpisodeLetterKind,
  type EpisodeState,
  type HumanStep,
  type Role,
  type TaskStage,
} from '@tnw/contracts';
import {
  addDays,
  brusselsDateOf,
  createDeadlines,
  createRulebook,
  decideRelapse,
  incapacityPhaseOn,
  startOfDayInBrussels,
  type IsoDate,
} from '@tnw/domain';
import { awaitActionWithReminder, settledBefore } from '../shared/await-action';
import { PartnerCalls } from '../shared/partner-calls';
import { createUpdateOrderGuard } from '../shared/update-order-guard';
import {
  certificateValidityView,
  daysBeforeExpiry,
  deadlineView,
  expiryOf,
  nextDeadlineOf,
  openTasksOf,
  opensAt,
  planEpisode,
  registeredLetter,
  registrationDuty,
  relapsePossibleUntil,
} from './episode-plan';
import {
  refuseCategoryDecision,
  refuseContactMoment,
  refuseEpisodeEnd,
  refuseInvalidityRenewal,
  refuseNonCooperation,
  refuseQuestionnaireReturn,
  refuseRelapse,
  type EpisodeContext,
} from './episode-validation';

/**
 * The episode's activities as the first versions called them, retried without end. Our own
 * records (tasks, projection, audit log, the non-cooperation notice in the read model) stay so:
 * the one who could fix our PostgreSQL is not the coordinator (see case-activities.ts). The letters
 * partner is called through `partnerCalls` below, with its bound, except where a history recorded
 * the call without one.
 */
const episodeActivities = proxyActivities<EpisodeActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '5 minutes' },
});
const { openTask, projectEpisode, appendAuditEntry, notifyNonCooperation } = episodeActivities;

/**
 * One incapacity episode of one person, from the mutuality's report to its end: the first-year
 * rhythm (questionnaire D7, category D8/D9, contact moments D10, duties D11), then invalidity
 * with the yearly renewal (D24) when configured, one run per year (continue-as-new). Relapses
 * (D5) reopen an ended episode; non-cooperation (D12) is recorded and notified. Every deadline
 * comes from the rulebook in force on the episode's dates; reminders and escalations follow
 * `awaitActionWithReminder`; every notice is sent once per key, across runs.
 */
export async function episodeWorkflow(input: EpisodeInput): Promise<EpisodeState> {
  const guard = createUpdateOrderGuard();
  const rules = createRulebook({ invalidityRenewalFrom: input.invalidityRenewalFrom });
  const deadlines = createDeadlines(rules);
  const settings = input.reminders ?? DEFAULT_REMINDER_SETTINGS;
  const state: EpisodeState = input.carried ?? planEpisode(input, rules);
  const start = input.incapacityStartDate;
  const today = (): IsoDate => brusselsDateOf(new Date().toISOString());
  const now = () => new Date().toISOString();
  const suggested = () => workflowInfo().continueAsNewSuggested;
  /** The current phase's waits stop: the episode ended, the phase changed, or a new run takes over. */
  const leftPrimary = () => state.status !== 'active' || state.phase !== 'primary' || suggested();
  const leftInvalidity = () => state.status !== 'active' || suggested();

  // ---- notices, each sent once per key (the key also reaches the partner as idempotency key)
  const sent = (key: string) => state.notices.some((n) => n.key === key);
  async function once(key: string, send: (idempotencyKey: string) => Promise<void>): Promise<void> {
    if (sent(key)) return;
    await send(`${state.episodeId}/${key}`);
    state.notices.push({ key, at: now() });
  }
  const partnerCalls = new PartnerCalls<EpisodeActivities>({
    legacy: episodeActivities,
    waiting: () => state.partnerCalls,
    setWaiting: (calls) => void (state.partnerCalls = calls),
    onChange: () => project(),
  });
  const letter = (kind: EpisodeLetterKind, key = `letter:${kind}`) =>
    once(key, (idempotencyKey) =>
      partnerCalls.call({ partner: 'letters', effect: 'sendEpisodeLetter', detail: kind }, (activities) =>
        activities.sendEpisodeLetter({
          episodeId: state.episodeId,
          personId: input.personId,
          kind,
          language: input.language,
          registered: registeredLetter(kind, today(), rules),
          idempotencyKey,
        }),
      ),
    );
  const task = (kind: string, role: Role, stage: TaskStage, deadline: EpisodeDeadline) =>
    once(`task:${kind}:${stage}`, (idempotencyKey) =>
      openTask({ episodeId: state.episodeId, kind, role, stage, dueAt: expiryOf(deadline), ruleId: deadline.ruleId, idempotencyKey }),
    );
  const project = () => {
    state.nextDeadline = nextDeadlineOf(state);
    return projectEpisode({
      episodeId: state.episodeId,
      personId: input.personId,
      status: state.status,
      phase: state.phase,
      category: state.category.category,
      nextDeadline: state.nextDeadline,
      openTasks: openTasksOf(state),
      notices: state.notices.map((n) => n.key),
    });
  };
  const audit = (action: string, step: HumanStep) =>
    appendAuditEntry({ caseId: state.episodeId, actor: step.actor, action, reason: step.reason, occurredAt: now() });

  // ---- human steps: validated (refused with a reason in the wrong state), applied, audited, projected
  const ctx = (): EpisodeContext => ({ state, incapacityStartDate: start, rules, now: new Date() });
  /** `apply` changes the state (and may call activities) and names the audited action. */
  function humanStep<Step extends HumanStep>(
    update: UpdateDefinition<EpisodeState, [Step]>,
    refuse: (context: EpisodeContext, step: Step) => void,
    apply: (step: Step) => string | Promise<string>,
  ): void {
    setHandler(
      update,
      async (step: Step) => {
        await audit(await apply(step), step);
        await project();
        return state;
      },
      {
        validator: (step: Step) => {
          guard.checkUpdate();
          refuse(ctx(), step);
        },
      },
    );
  }
  setHandler(episodeStateQuery, () => state);
  partnerCalls.registerRetryStep(retryEpisodePartnerCallUpdate, () => state, audit, guard.checkUpdate);
  humanStep(returnQuestionnaireUpdate, refuseQuestionnaireReturn, (step) => {
    state.questionnaire.returnedOn = step.returnedOn;
    return 'returnQuestionnaire';
  });
  humanStep(decideCategoryUpdate, refuseCategoryDecision, (step) => {
    state.category.category = step.category;
    state.category.decidedOn = step.decidedOn;
    return `decideCategory:${step.category}`;
  });
  humanStep(recordContactMomentUpdate, refuseContactMoment, (step) => {
    state.contactMoments.find((m) => m.month === step.month)!.heldOn = step.heldOn;
    return `recordContactMoment:${step.month}`;
  });
  humanStep(renewInvalidityUpdate, refuseInvalidityRenewal, (step) => {
    const renewal = state.renewal!;
    if (step.basis === 'exception') {
      state.renewal = { ...renewal, basis: 'exception', exception: step.exception };
    } else {
      const longest = deadlineView('invalidityCertificate', deadlines.invalidityRenewalCertificateValidUntil(step.issuedOn));
      state.renewal = {
        recognisedFrom: step.issuedOn,
        validity: certificateValidityView(longest, step.validUntil),
        basis: 'certificate',
        renewals: renewal.renewals + 1,
      };
    }
    return `renewInvalidity:${step.basis}`;
  });
  humanStep(recordNonCooperationUpdate, refuseNonCooperation, async (step) => {
    const index = state.nonCooperation.length;
    state.nonCooperation.push({ kind: step.kind, occurredOn: step.occurredOn, recordedAt: now() });
    // D12: recorded here, notified to the mutuality, which decides on any sanction.
    await once(`nonCooperation:${index}`, (idempotencyKey) =>
      notifyNonCooperation({ episodeId: state.episodeId, personId: input.personId, kind: step.kind, occurredOn: step.occurredOn, idempotencyKey }),
    );
    return `recordNonCooperation:${step.kind}`;
  });
  humanStep(reportRelapseUpdate, refuseRelapse, (step) => {
    const { phase } = incapacityPhaseOn(start, step.newStart, rules);
    const decision = decideRelapse({ episodeStart: start, previousEnd: state.endedOn!, newStart: step.newStart }, rules);
    state.relapses.push({ previousEnd: state.endedOn!, newStart: step.newStart, explanation: decision.explanation.text });
    state.status = 'active';
    state.phase = phase;
    state.invalidityYear ??= phase === 'invalidity' ? 1 : undefined;
    state.endedOn = undefined;
    state.relapsePossibleUntil = undefined;
    return 'reportRelapse';
  });
  humanStep(endEpisodeUpdate, refuseEpisodeEnd, (step) => {
    state.status = 'ended';
    state.endedOn = step.lastDay;
    state.relapsePossibleUntil = relapsePossibleUntil(start, step.lastDay, rules);
    return 'endEpisode';
  });

  // ---- the first year
  async function questionnaire(): Promise<void> {
    const q = state.questionnaire;
    if (!q.sentOn) {
      if (await settledBefore(leftPrimary, q.sendOn.firesAt, `questionnaire sent (${q.sendOn.ruleId})`)) return;
      // Reopened by a relapse after the category was decided: the questionnaire has no purpose left.
      if (state.category.decidedOn) return;
      await letter('questionnaire');
      q.sentOn = today();
      q.returnDue = deadlineView('questionnaireReturn', deadlines.questionnaireReturnDue(q.sentOn, start));
      await project();
    }
    const returnDue = q.returnDue!;
    await awaitActionWithReminder({
      done: () => q.returnedOn !== undefined,
      // D7: once the advising physician has classified, the questionnaire no longer matters.
      abandon: () => leftPrimary() || state.category.decidedOn !== undefined,
      remindAt: [daysBeforeExpiry(returnDue, settings.questionnaireDaysBefore)],
      escalateAt: expiryOf(returnDue),
      onRemind: () => letter('questionnaireReminder'),
      onEscalate: async () => {
        // D7: the advising physician asks the coordinator to contact the person.
        q.followUpRequested = true;
        await task('questionnaireFollowUp', 'coordinator', 'escalation', returnDue);
        await project();
      },
      summary: `questionnaire return (${returnDue.ruleId})`,
    });
  }

  async function categoryDecision(): Promise<void> {
    const category = state.category;
    const decided = () => category.decidedOn !== undefined;
    const settledEarly = await settledBefore(() => leftPrimary() || decided(), opensAt(category.due), `category window opens (${category.due.ruleId})`);
    if (!settledEarly) {
      category.opened = true;
      await task('categoryDecision', 'advisingPhysician', 'open', category.due);
      await project();
      await awaitActionWithReminder({
          done: decided,
          abandon: leftPrimary,
          remindAt: [daysBeforeExpiry(category.due, settings.staffDaysBefore)],
          escalateAt: expiryOf(category.due),
          onRemind: () => task('categoryDecision', 'advisingPhysician', 'reminder', category.due),
          onEscalate: async () => {
            category.escalated = true;
            await task('categoryDecision', 'supervisor', 'escalation', category.due);
            await project();
          },
        summary: `category decision (${category.due.ruleId})`,
      });
    }
    if (decided() && category.category === 4) await refer(category.decidedOn!);
  }

  /** D8 category 4: referral to the coordinator (D9); D11 registration for a person without contract. */
  async function refer(decidedOn: IsoDate): Promise<void> {
    const category = state.category;
    category.referral ??= { referredOn: decidedOn, firstContactDue: deadlineView('firstContact', deadlines.coordinatorFirstContactDue(decidedOn)) };
    await task('referral', 'coordinator', 'open', category.referral.firstContactDue);
    const registration = registrationDuty(input, rules, decidedOn);
    if (registration) {
      if (!state.duties.some((d) => d.duty === registration.duty)) state.duties.push(registration);
      await task('employmentServiceRegistration', 'coordinator', 'open', registration.deadline);
    }
    await project();
  }

  async function contactMoment(moment: ContactMomentState): Promise<void> {
    const held = () => moment.heldOn !== undefined;
    const { window } = moment;
    if (held() || (await settledBefore(() => leftPrimary() || held(), opensAt(window), `${window.kind} opens (${window.ruleId})`))) return;
    moment.opened = true;
    await letter('invitation', `letter:invitation:${window.kind}`);
    await task(window.kind, 'advisingPhysician', 'open', window);
    await project();
    await awaitActionWithReminder({
      done: held,
      abandon: leftPrimary,
      remindAt: [daysBeforeExpiry(window, settings.staffDaysBefore)],
      escalateAt: expiryOf(window),
      onRemind: () => task(window.kind, 'advisingPhysician', 'reminder', window),
      onEscalate: async () => {
        moment.escalated = true;
        await task(window.kind, 'supervisor', 'escalation', window);
        await project();
      },
      summary: `${window.kind} held (${window.ruleId})`,
    });
  }

  async function firstYear(): Promise<void> {
    const tracks = [questionnaire(), categoryDecision(), ...state.contactMoments.map(contactMoment)];
    const invalidityStart = state.invalidityStartsOn;
    if (!(await settledBefore(leftPrimary, invalidityStart.firesAt, `invalidity starts (${invalidityStart.ruleId})`))) {
      state.phase = 'invalidity';
      state.invalidityYear = 1;
    }
    await Promise.all(tracks);
    await project();
  }

  // ---- invalidity
  /** One year of invalidity; 'nextYear' when the recognition was renewed. */
  async function invalidityYear(): Promise<'nextYear' | 'stop'> {
    if (!state.renewal) {
      if (!input.invalidityRenewalFrom) {
        // D24 not in force: nothing to renew, the run waits for the end of the episode.
        await condition(leftInvalidity);
        return 'stop';
      }
      // D24 (assumption, see docs/decisions/0003): the first recognition runs from the start of
      // invalidity, or from the rule's start for an episode already in invalidity then.
      const from = [state.invalidityStartsOn.dueDate, input.invalidityRenewalFrom].sort()[1];
      const validity = deadlines.invalidityRenewalCertificateValidUntil(from);
      state.renewal = { recognisedFrom: from, validity: deadlineView('invalidityRecognition', validity), basis: 'recognition', renewals: 0 };
      await project();
    }
    const renewal = state.renewal;
    if (renewal.basis === 'exception') {
      await condition(leftInvalidity);
      return 'stop';
    }
    const result = await awaitActionWithReminder({
      done: () => state.renewal !== renewal,
      abandon: leftInvalidity,
      remindAt: settings.renewalDaysBefore.map((days) => daysBeforeExpiry(renewal.validity, days)),
      escalateAt: expiryOf(renewal.validity),
      onRemind: (_at, index) => letter('invalidityRenewalReminder', `letter:invalidityRenewalReminder:${renewal.validity.dueDate}:${index}`),
      onEscalate: async () => {
        // D24: without renewal (and without an exception) the benefit stops.
        state.status = 'benefitEnded';
        await letter('invalidityBenefitEnded', `letter:invalidityBenefitEnded:${renewal.validity.dueDate}`);
        await project();
      },
      waitAfterEscalation: false,
      summary: `invalidity renewal (${renewal.validity.ruleId})`,
    });
    return result.outcome === 'inTime' ? 'nextYear' : 'stop';
  }

  // ---- ended: D5 relapse window
  async function relapseWindow(): Promise<void> {
    const closesAt = startOfDayInBrussels(addDays(state.relapsePossibleUntil!, 1));
    if (!(await settledBefore(() => state.status !== 'ended' || suggested(), closesAt, 'relapse window closes (D5)'))) {
      state.status = 'closed';
      await project();
    }
  }

  /** Lets running updates answer in an earlier workflow task than the one that closes this run. */
  async function settleHandlers(): Promise<void> {
    do {
      await condition(allHandlersFinished);
      await project();
    } while (!allHandlersFinished());
  }

  await project();
  for (;;) {
    if (state.status === 'closed' || state.status === 'benefitEnded') break;
    if (suggested()) {
      await settleHandlers();
      await continueAsNew<typeof episodeWorkflow>({ ...input, carried: state });
    }
    if (state.status === 'ended') await relapseWindow();
    else if (state.phase === 'primary') await firstYear();
    else if ((await invalidityYear()) === 'nextYear') {
      await settleHandlers();
      await continueAsNew<typeof episodeWorkflow>({ ...input, carried: { ...state, invalidityYear: (state.invalidityYear ?? 1) + 1 } });
    }
  }
  await settleHandlers();
  return state;
}
