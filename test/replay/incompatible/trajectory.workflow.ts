// FIXTURE for test/replay/incompatible-change.test.ts, NOT production code: a copy of
// workflows/trajectory/trajectory.workflow.ts with one deliberate incompatible change (marked
// below), so that the test can prove the replay gate fails on such a change. Keep it in step
// with the real module apart from that change when the real one evolves.
import { allHandlersFinished, condition, patched, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import { trajectoryStateQuery, type AuditEntry, type HumanStep, type TrajectoryInput, type TrajectoryState } from '@tnw/contracts';
import { deadlines } from '@tnw/domain';
import { caseActivities } from '../../../workflows/case-activities';
import { today } from '../../../workflows/workflow-time';
import { runActivePhase } from '../../../workflows/trajectory/active-phase';
import { deadlineView, earliestDeadline, openTasksOf, searchAttributesOf } from '../../../workflows/trajectory/projection';
import { registerStepHandlers, type Pending } from '../../../workflows/trajectory/step-handlers';

const { verifyMembership, confirmInvalidity, projectCase, appendAuditEntry, notifyCoordinator, sendInsuredLetter } = caseActivities;

const ENDED = ['refused', 'notAMember', 'stopped', 'completed'] as const;

/**
 * A return-to-work trajectory from its start to its outcome (D13-D23): admission by route,
 * membership, the first conversation within the rulebook's deadline (escalated past it), then
 * the active phase (follow-ups, engagement declaration, training projects) until the insured
 * resumes work, stops (D4) or an outcome is recorded.
 */
export async function trajectoryWorkflow(input: TrajectoryInput): Promise<TrajectoryState> {
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

  setHandler(trajectoryStateQuery, () => state);
  registerStepHandlers({ input, state, pending, project, audit });

  /** Ends the workflow once every update has answered, so that none completes with it. */
  const finish = async () => {
    state.nextDeadline = undefined;
    state.followUpDue = undefined;
    if (state.status === 'stopped') {
      await sendInsuredLetter({ caseId: input.caseId, personId: input.personId, kind: 'trajectoryStopped', registered: false });
    }
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
      await sendInsuredLetter({ caseId: input.caseId, personId: input.personId, kind: 'trajectoryRefused', registered: false });
      return finish();
    }
    state.status = 'verifyingMembership';
  }
  if (input.route === 'C') {
    state.status = 'confirmingInvalidity';
    await project();
    await notifyCoordinator({ caseId: input.caseId, step: 'routeC.registered', message: 'The employment service reported a spontaneous registration.' });
    const invalidity = await confirmInvalidity({ caseId: input.caseId, personId: input.personId, onDate: input.referralDate });
    if (!invalidity.inInvalidity) {
      refuse('routeC.invalidityConfirmedByMutuality', 'The mutuality does not confirm invalidity on the registration date.');
      await notifyCoordinator({ caseId: input.caseId, step: 'routeC.refused', message: 'Invalidity not confirmed: no trajectory.' });
      return finish();
    }
    await notifyCoordinator({ caseId: input.caseId, step: 'routeC.invalidityConfirmed', message: `Invalidity confirmed since ${invalidity.since}.` });
    state.status = 'verifyingMembership';
  }

  const membership = await verifyMembership({ caseId: input.caseId, personId: input.personId });
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
  // THE DELIBERATE INCOMPATIBLE CHANGE: the first-contact deadline no longer sets a timer, without
  // a patch. Every history that started that timer must now fail to replay at its TimerStarted.
  await condition(held);
  const heldInTime = Date.now() < Date.parse(firstContact.expiresAt);
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
  await sendInsuredLetter({ caseId: input.caseId, personId: input.personId, kind: 'trajectoryStarted', registered: false });
  await runActivePhase({ input, state, pending, ended, project, refreshNextDeadline });
  return finish();

  function refuse(ruleId: string, message: string) {
    state.status = 'refused';
    state.refusal = { ruleId, message };
    state.endedOn = today();
  }

  function refreshNextDeadline() {
    state.nextDeadline = earliestDeadline(state.followUpDue, state.reintegration?.due);
  }
}
