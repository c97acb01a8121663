import { condition } from '@temporalio/workflow';
import type { DeadlineView, EmployerReintegrationEventSignal, ReintegrationView } from '@tnw/contracts';
import { deadlines, type Deadline } from '@tnw/domain';
import { millisecondsUntil } from '../workflow-time';
import type { ActivePhase } from './active-phase';
import { deadlineView } from './projection';

type Stage = EmployerReintegrationEventSignal['event'];

/**
 * D17a, D19: the reintegration at the own employer under the Codex. The prevention service
 * reports each stage; each stage has its deadline from the rulebook (assessment within 49 days,
 * plan within 63 days after A or 6 months after B, acceptance within 14 days); past one, the
 * coordinator gets a follow-up task. An outcome report ends it at any stage.
 */
export async function employerReintegrations(phase: ActivePhase): Promise<void> {
  const { input, state, pending, ended, project, partnerCalls } = phase;
  for (;;) {
    await condition(() => pending.reintegration !== undefined || ended());
    if (ended()) return;
    const { requestedOn } = pending.reintegration!;
    pending.reintegration = undefined;
    const reintegration: ReintegrationView = { requestedOn, status: 'requesting' };
    state.reintegration = reintegration;
    await project();
    const requested = await partnerCalls.callUnlessAbandoned(
      { partner: 'employer', effect: 'requestEmployerReintegration' },
      (activities) => activities.requestEmployerReintegration({ caseId: input.caseId, personId: input.personId, requestedOn }),
      ended,
    );
    // The trajectory ended while the employer could not be reached.
    if (!requested) return;
    reintegration.requestId = requested.value.requestId;

    const assessment = await awaitStage(phase, reintegration, 'awaitingAssessment', 'assessment', deadlines.codexAssessmentDue(requestedOn));
    if (!assessment || assessment.event === 'outcome') continue;
    reintegration.decision = assessment.decision;
    if (assessment.decision !== 'A' && assessment.decision !== 'B') {
      // C: no assessment possible yet; the Codex gives no plan deadline.
      finishStage(reintegration);
      await project();
      continue;
    }
    const plan = await awaitStage(phase, reintegration, 'awaitingPlan', 'plan', deadlines.codexPlanDue(assessment.occurredOn, assessment.decision));
    if (!plan || plan.event === 'outcome') continue;
    await awaitStage(phase, reintegration, 'awaitingOutcome', 'outcome', deadlines.codexPlanAcceptanceDue(plan.occurredOn));
  }
}

/** Waits for the stage's report (or an outcome); past the deadline, escalates and keeps waiting. */
async function awaitStage(
  { pending, ended, project, refreshNextDeadline }: ActivePhase,
  reintegration: ReintegrationView,
  status: ReintegrationView['status'],
  stage: Stage,
  deadline: Deadline,
): Promise<EmployerReintegrationEventSignal | undefined> {
  const due: DeadlineView = deadlineView(`reintegration.${stage}`, deadline);
  reintegration.status = status;
  reintegration.due = due;
  refreshNextDeadline();
  await project();
  const queue = pending.reintegrationEvents;
  const arrived = () => indexOfReport(queue, reintegration.requestId!, stage) >= 0 || ended();
  if (!(await condition(arrived, millisecondsUntil(due.expiresAt), { summary: `reintegration ${stage} due (${due.ruleId})` }))) {
    due.overdue = true;
    await project();
    await condition(arrived);
  }
  const index = indexOfReport(queue, reintegration.requestId!, stage);
  const event = index >= 0 ? queue.splice(index, 1)[0] : undefined;
  if (!event || event.event === 'outcome') finishStage(reintegration);
  refreshNextDeadline();
  await project();
  return event;
}

function finishStage(reintegration: ReintegrationView): void {
  reintegration.status = 'ended';
  reintegration.due = undefined;
}

/** Where the queue holds this request's report of the expected stage, or its outcome. */
function indexOfReport(queue: EmployerReintegrationEventSignal[], requestId: string, stage: Stage): number {
  return queue.findIndex((e) => e.requestId === requestId && (e.event === stage || e.event === 'outcome'));
}
