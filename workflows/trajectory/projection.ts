import { SEARCH_ATTRIBUTES, type DeadlineView, type OpenTask, type TrajectoryInput, type TrajectoryState } from '@tnw/contracts';
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import { startOfDayInBrussels, type Deadline } from '@tnw/domain';
import { partnerTasksOf } from '../shared/partner-calls';

/** A rulebook deadline as the state and the read model show it. Only 'until' deadlines expire. */
export function deadlineView(kind: string, deadline: Deadline): DeadlineView {
  if (!deadline.expiresAt) throw new Error(`${deadline.explanation.ruleId} is not a deadline that expires`);
  return {
    kind,
    dueDate: deadline.date,
    expiresAt: deadline.expiresAt,
    ruleId: deadline.explanation.ruleId,
    explanation: deadline.explanation.text,
  };
}

/** The tasks that the state implies, per role; the read model replaces the case's tasks with them. */
export function openTasksOf(state: TrajectoryState): OpenTask[] {
  return [...stepTasksOf(state), ...partnerTasksOf(state.partnerCalls)];
}

function stepTasksOf(state: TrajectoryState): OpenTask[] {
  const deadline = state.nextDeadline;
  switch (state.status) {
    case 'awaitingAdvisingPhysicianAgreement':
      return [{ kind: 'advisingPhysicianAgreement', role: 'advisingPhysician' }];
    case 'awaitingFirstContact':
      return [{ kind: 'firstContact', role: 'coordinator', dueAt: deadline?.expiresAt }];
    case 'firstContactOverdue':
      return [
        { kind: 'firstContact', role: 'coordinator', dueAt: deadline?.expiresAt },
        { kind: 'firstContactOverdue', role: 'supervisor', dueAt: deadline?.expiresAt },
      ];
    case 'active':
      return activeTasks(state);
    default:
      return [];
  }
}

function activeTasks(state: TrajectoryState): OpenTask[] {
  const tasks: OpenTask[] = [];
  const followUp = state.followUpDue;
  if (followUp) {
    tasks.push({ kind: 'followUp', role: 'advisingPhysician', dueAt: followUp.expiresAt });
    if (followUp.overdue) tasks.push({ kind: 'followUpOverdue', role: 'supervisor', dueAt: followUp.expiresAt });
  }
  const training = state.training;
  if (training?.status === 'approved') tasks.push({ kind: 'trainingOutcome', role: 'coordinator' });
  if (training?.status === 'failed' || training?.status === 'abandoned') tasks.push({ kind: 'trainingNotCompleted', role: 'coordinator' });
  if (training?.reevaluation === 'due') tasks.push({ kind: 'reevaluation', role: 'advisingPhysician' });
  const reintegrationDue = state.reintegration?.due;
  if (reintegrationDue?.overdue) tasks.push({ kind: 'reintegrationFollowUp', role: 'coordinator', dueAt: reintegrationDue.expiresAt });
  const resumption = state.partialResumption;
  if (resumption?.status === 'awaitingAuthorisation') {
    tasks.push({ kind: 'partialResumptionAuthorisation', role: 'advisingPhysician', dueAt: startOfDayInBrussels(resumption.resumesOn) });
  }
  return tasks;
}

/** The earliest pending deadline, which the case list sorts and filters on. */
export function earliestDeadline(...candidates: Array<DeadlineView | undefined>): DeadlineView | undefined {
  return candidates
    .filter((d): d is DeadlineView => d !== undefined)
    .sort((a, b) => Date.parse(a.expiresAt) - Date.parse(b.expiresAt))[0];
}

/** What the Web UI and visibility queries filter on; null removes a value that no longer applies. */
export function searchAttributesOf(input: TrajectoryInput, state: TrajectoryState): SearchAttributeUpdatePair[] {
  return [
    { key: SEARCH_ATTRIBUTES.status, value: state.status },
    { key: SEARCH_ATTRIBUTES.route, value: input.route },
    { key: SEARCH_ATTRIBUTES.mutuality, value: state.mutuality ?? null },
    { key: SEARCH_ATTRIBUTES.employmentService, value: input.employmentService ?? null },
    { key: SEARCH_ATTRIBUTES.nextDeadline, value: state.nextDeadline ? new Date(state.nextDeadline.expiresAt) : null },
  ];
}
