import { allHandlersFinished, condition, patched, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import {
  retryPartnerCallUpdate,
  trajectoryStateQuery,
  type AuditEntry,
  type CaseActivities,
  type HumanStep,
  type InsuredLetter,
  type TrajectoryInput,
  type TrajectoryState,
  type WaitingPartnerCall,
} from '@tnw/contracts';
import { deadlines } from '@tnw/domain';
import { caseActivities, ownActivities, PARTNER_CALL_BOUND } from '../case-activities';
import { PartnerCalls, PARTNER_CALLS_PATCH } from '../shared/partner-calls';
import { createUpdateOrderGuard } from '../shared/update-order-guard';
import { millisecondsUntil, today } from '../workflow-time';
import { runActivePhase } from './active-phase';
import { deadlineView, earliestDeadline, openTasksOf, searchAttributesOf } from './projection';
import { registerStepHandlers, type Pending } from './step-handlers';

const { projectCase, appendAuditEntry, notifyCoordinator } = ownActivities;

const ENDED = ['refused', 'notAMember', 'stopped', 'completed'] as const;

/**
 * A return-to-work trajectory from its start to its outcome (D13-D23): admission by route,
 * membership, the first conversation within the rulebook's deadline (escalated past it), then
 * the active phase (follow-ups, engagement declaration, training projects) until the insured
 * resumes work, stops (D4) or an outcome is recorded.
 */
export async function trajectoryWorkflow(input: TrajectoryInput): Promise<TrajectoryState> {
  const guard = createUpdateOrderGuard();
  const state: TrajectoryState = { caseId: input.caseId, route: input.route, status: 'verifyingMembership' };
  const pending: Pending = { employmentEvents: [], reintegrationEvents: [] };
  let projectionVersion = 0;
  // Histories from before the search attributes replay without them.
  const searchable = patched('trajectory-search-attributes');
  const project = () => {
    if (searchable) upsertSearchAttributes(searchAttributesOf(input, state));
    return projectCase({
      caseId: input.caseId,
      version: ++projectionVersion,
      route: input.route,
      status: state.status,
      mutuality: state.mutuality,
      nextDeadline: state.nextDeadline,
      openTasks: openTasksOf(state),
    });
  };
  const audit = (action: AuditEntry['action'], step: HumanStep) =>
    appendAuditEntry({ caseId: input.caseId, actor: step.actor, action, reason: step.reason, occurredAt: new Date().toISOString() });
  const ended = () => (ENDED as readonly string[]).includes(state.status);

  const partnerCalls = new PartnerCalls<CaseActivities>({
    legacy: caseActivities,
    waiting: () => state.partnerCalls,
    setWaiting: (calls) => void (state.partnerCalls = calls),
    onChange: async (call, change) => {
      await project();
      if (change === 'unreachable') await notifyCoordinator({ caseId: input.caseId, step: 'partnerUnreachable', message: unreachable(call) });
    },
  });
  const letter = (kind: InsuredLetter['kind']) => (activities: CaseActivities) =>
    activities.sendInsuredLetter({ caseId: input.caseId, personId: input.personId, kind, registered: false });
  const letterCall = (kind: InsuredLetter['kind']) => ({ partner: 'letters', effect: 'sendInsuredLetter', detail: kind }) as const;

  setHandler(trajectoryStateQuery, () => state);
  registerStepHandlers({ input, state, pending, project, audit, guard });
  partnerCalls.registerRetryStep(retryPartnerCallUpdate, () => state, audit, guard.checkUpdate);

  /** Ends the workflow once every update has answered, so that none completes with it. */
  const finish = async () => {
    state.nextDeadline = undefined;
    state.followUpDue = undefined;
    if (state.status === 'stopped') await partnerCalls.call(letterCall('trajectoryStopped'), letter('trajectoryStopped'));
    await condition(allHandlersFinished);
    await project();
    return state;
  };

  if (input.route === 'B') {
    state.status = 'awaitingAdvisingPhysicianAgreement';
    await project();
    await condition(() => pending.agreement !== undefined || ended());
    if (ended()) return finish();
    if (!pending.agreement) {
      refuse('routeB.advisingPhysicianAgreement', 'The advising physician judged that health does not allow a trajectory now.');
      await partnerCalls.call(letterCall('trajectoryRefused'), letter('trajectoryRefused'));
      return finish();
    }
    state.status = 'verifyingMembership';
  }
  if (input.route === 'C') {
    state.status = 'confirmingInvalidity';
    await project();
    await notifyCoordinator({ caseId: input.caseId, step: 'routeC.registered', message: 'The employment service reported a spontaneous registration.' });
    const confirmed = await partnerCalls.callUnlessAbandoned(
      { partner: 'mutuality', effect: 'confirmInvalidity' },
      (activities) => activities.confirmInvalidity({ caseId: input.caseId, personId: input.personId, onDate: input.referralDate }),
      ended,
    );
    if (!confirmed) return finish();
    const invalidity = confirmed.value;
    if (!invalidity.inInvalidity) {
      refuse('routeC.invalidityConfirmedByMutuality', 'The mutuality does not confirm invalidity on the registration date.');
      await notifyCoordinator({ caseId: input.caseId, step: 'routeC.refused', message: 'Invalidity not confirmed: no trajectory.' });
      return finish();
    }
    await notifyCoordinator({ caseId: input.caseId, step: 'routeC.invalidityConfirmed', message: `Invalidity confirmed since ${invalidity.since}.` });
    state.status = 'verifyingMembership';
  }

  const verified = await partnerCalls.callUnlessAbandoned(
    { partner: 'mutuality', effect: 'verifyMembership' },
    (activities) => activities.verifyMembership({ caseId: input.caseId, personId: input.personId }),
    ended,
  );
  if (!verified) return finish();
  const membership = verified.value;
  if (!membership.member) {
    state.status = 'notAMember';
    await project();
    return state;
  }
  state.mutuality = membership.mutuality;

  const firstContact = deadlineView('firstContact', deadlines.coordinatorFirstContactDue(input.referralDate));
  state.status = 'awaitingFirstContact';
  state.nextDeadline = firstContact;
  await project();

  const held = () => state.firstContactDate !== undefined || ended();
  const heldInTime = await condition(held, millisecondsUntil(firstContact.expiresAt), { summary: `first contact due (${firstContact.ruleId})` });
  if (!heldInTime) {
    state.status = 'firstContactOverdue';
    firstContact.overdue = true;
    await project();
    await condition(held);
  }
  if (ended()) return finish();
  // The update that recorded the contact answers once its audit entry is written; letting it
  // finish first keeps its completion out of the workflow task that completes the workflow.
  await condition(allHandlersFinished);
  if (!patched('trajectory-continues-after-first-contact')) {
    // The first version of this workflow ended at the first conversation.
    await project();
    return state;
  }

  state.status = 'active';
  state.nextDeadline = undefined;
  if (input.route === 'C') {
    await notifyCoordinator({ caseId: input.caseId, step: 'routeC.started', message: 'The trajectory started after the first conversation.' });
  }
  const phase = { input, state, pending, ended, project, refreshNextDeadline, partnerCalls };
  const started = partnerCalls.callUnlessAbandoned(letterCall('trajectoryStarted'), letter('trajectoryStarted'), ended);
  if (patched(PARTNER_CALLS_PATCH)) {
    // The follow-ups' timers and the referrals do not wait for the letters partner.
    await Promise.all([started, runActivePhase(phase)]);
  } else {
    await started;
    await runActivePhase(phase);
  }
  return finish();

  function refuse(ruleId: string, message: string) {
    state.status = 'refused';
    state.refusal = { ruleId, message };
    state.endedOn = today();
  }

  function unreachable({ partner, effect, detail }: WaitingPartnerCall): string {
    return `${partner} did not answer ${effect}${detail ? ` (${detail})` : ''} for ${PARTNER_CALL_BOUND}; it is tried again when the coordinator decides so (retry-partner-call).`;
  }

  function refreshNextDeadline() {
    state.nextDeadline = earliestDeadline(state.followUpDue, state.reintegration?.due);
  }
}
