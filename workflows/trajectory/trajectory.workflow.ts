import { allHandlersFinished, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import {
  recordFirstContactUpdate,
  trajectoryStateQuery,
  type CaseActivities,
  type FirstContactDecision,
  type OpenTask,
  type TrajectoryInput,
  type TrajectoryState,
} from '@tnw/contracts';
import { deadlines, type Deadline } from '@tnw/domain';
import { refuseFirstContact } from './first-contact-validation';

const { verifyMembership, projectCase, appendAuditEntry } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '5 minutes' },
});

/**
 * A return-to-work trajectory from its start to its outcome. So far: the mutuality confirms
 * membership, then the coordinator must hold the first conversation within the rulebook's
 * deadline (D9); past it, the case is escalated to a supervisor and still waits.
 */
export async function trajectoryWorkflow(input: TrajectoryInput): Promise<TrajectoryState> {
  const state: TrajectoryState = { caseId: input.caseId, route: input.route, status: 'verifyingMembership' };
  const project = (openTasks: OpenTask[]) =>
    projectCase({
      caseId: input.caseId,
      route: input.route,
      status: state.status,
      mutuality: state.mutuality,
      nextDeadline: state.nextDeadline,
      openTasks,
    });

  setHandler(trajectoryStateQuery, () => state);
  setHandler(
    recordFirstContactUpdate,
    async (decision: FirstContactDecision) => {
      state.firstContactDate = decision.heldOn;
      state.status = 'firstContactHeld';
      state.nextDeadline = undefined;
      await appendAuditEntry({
        caseId: input.caseId,
        actor: decision.actor,
        action: 'recordFirstContact',
        reason: decision.reason,
        occurredAt: new Date().toISOString(),
      });
      return state;
    },
    { validator: (decision) => refuseFirstContact(state, input, decision, new Date()) },
  );

  const membership = await verifyMembership({ caseId: input.caseId, personId: input.personId });
  if (!membership.member) {
    state.status = 'notAMember';
    await project([]);
    return state;
  }
  state.mutuality = membership.mutuality;

  const deadline = deadlines.coordinatorFirstContactDue(input.referralDate);
  const expiresAt = expiryOf(deadline);
  state.status = 'awaitingFirstContact';
  state.nextDeadline = deadlineView('firstContact', deadline, expiresAt);
  const firstContactTask: OpenTask = { kind: 'firstContact', role: 'coordinator', dueAt: expiresAt };
  await project([firstContactTask]);

  const held = () => state.firstContactDate !== undefined;
  const heldInTime = await condition(held, millisecondsUntil(expiresAt), { summary: `first contact due (${deadline.explanation.ruleId})` });
  if (!heldInTime) {
    state.status = 'firstContactOverdue';
    await project([firstContactTask, { kind: 'firstContactOverdue', role: 'supervisor', dueAt: expiresAt }]);
    await condition(held);
  }
  // The update that recorded the contact answers once its audit entry is written; letting it
  // finish first keeps its completion out of the workflow task that completes the workflow.
  await condition(allHandlersFinished);
  await project([]);
  return state;
}

function deadlineView(kind: string, deadline: Deadline, expiresAt: string) {
  return {
    kind,
    dueDate: deadline.date,
    expiresAt,
    ruleId: deadline.explanation.ruleId,
    explanation: deadline.explanation.text,
  };
}

/** Only 'until' deadlines expire; a workflow that waits for one must have that kind. */
function expiryOf(deadline: Deadline): string {
  if (!deadline.expiresAt) throw new Error(`${deadline.explanation.ruleId} is not a deadline that expires`);
  return deadline.expiresAt;
}

/** Workflow time is deterministic; a deadline already past gives a timer of zero. */
function millisecondsUntil(instant: string): number {
  return Math.max(0, Date.parse(instant) - Date.now());
}
