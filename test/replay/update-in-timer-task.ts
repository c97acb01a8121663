/* eslint-disable @typescript-eslint/no-explicit-any -- events are edited as Temporal's JSON history format */

/**
 * Rewrites a trajectory history in which the first-contact timer fired and, in a later workflow
 * task, the coordinator's first contact was accepted, into the history the fault suite recorded
 * after a worker was killed (docs/reliability.md, "What is missing"): the worker was handed the
 * update in the same workflow task as the timer, after it had already reacted to the timer, so
 * that one task's completion carries the timer's commands (search attributes, projection) and
 * then the update's acceptance and its commands.
 *
 * The update's own task (scheduled, started, completed) is removed, its acceptance and commands
 * move right after the timer task's commands, and the events are renumbered, every `...EventId`
 * reference with them (references to the removed task point to the timer's task).
 */
export interface MergedHistory {
  history: any;
  /** The first command event of the merged task: where a replay can first tell the order apart. */
  firstCommandEventId: number;
  /** The update's acceptance in the merged history. */
  acceptedEventId: number;
}

export function acceptUpdateInTimerTask(original: any): MergedHistory {
  const events: any[] = structuredClone(original.events);
  const id = (e: any) => Number(e.eventId);
  const type = (e: any) => String(e.eventType).replace(/^EVENT_TYPE_/, '');
  const attributes = (e: any) => Object.entries(e).find(([key]) => key.endsWith('EventAttributes'))?.[1] as any;
  const commandOf = (e: any, task: Set<number>) => task.has(Number(attributes(e)?.workflowTaskCompletedEventId ?? NaN));

  const fired = events.findIndex((e) => type(e) === 'TIMER_FIRED');
  const timerCompleted = events.findIndex((e, i) => i > fired && type(e) === 'WORKFLOW_TASK_COMPLETED');
  const timerScheduledId = Number(attributes(events[timerCompleted]).scheduledEventId);
  const timerStarted = events.find(
    (e) => type(e) === 'WORKFLOW_TASK_STARTED' && Number(attributes(e).scheduledEventId) === timerScheduledId,
  );
  const timerTask = new Set([id(events[timerCompleted]), id(timerStarted)]);
  let timerCommandsEnd = timerCompleted + 1;
  while (commandOf(events[timerCommandsEnd], timerTask)) timerCommandsEnd++;
  if (timerCommandsEnd === timerCompleted + 1) throw new Error('the timer task issued no command');

  const accepted = events.findIndex((e, i) => i > timerCompleted && type(e) === 'WORKFLOW_EXECUTION_UPDATE_ACCEPTED');
  const [updateScheduled, updateStarted, updateCompleted] = events.slice(accepted - 3, accepted);
  if (
    type(updateScheduled) !== 'WORKFLOW_TASK_SCHEDULED' ||
    type(updateStarted) !== 'WORKFLOW_TASK_STARTED' ||
    type(updateCompleted) !== 'WORKFLOW_TASK_COMPLETED'
  ) {
    throw new Error('the update was not accepted at the head of a workflow task of its own');
  }
  const updateTask = new Set([id(updateStarted), id(updateCompleted)]);
  let updateCommandsEnd = accepted + 1;
  while (commandOf(events[updateCommandsEnd], updateTask)) updateCommandsEnd++;

  const reordered = [
    ...events.slice(0, timerCommandsEnd),
    ...events.slice(accepted, updateCommandsEnd),
    ...events.slice(timerCommandsEnd, accepted - 3),
    ...events.slice(updateCommandsEnd),
  ];
  const renumbered = new Map<number, number>(reordered.map((e, index) => [id(e), index + 1]));
  renumbered.set(id(updateScheduled), renumbered.get(timerScheduledId)!);
  renumbered.set(id(updateStarted), renumbered.get(id(timerStarted))!);
  renumbered.set(id(updateCompleted), renumbered.get(id(events[timerCompleted]))!);
  const firstCommandEventId = renumbered.get(id(events[timerCompleted + 1]))!;
  const acceptedEventId = renumbered.get(id(events[accepted]))!;
  const remap = (value: any): void => {
    if (Array.isArray(value)) return value.forEach(remap);
    if (!value || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      if (key !== 'eventId' && key.endsWith('EventId') && renumbered.has(Number(inner)))
        value[key] = String(renumbered.get(Number(inner)));
      else remap(inner);
    }
  };
  for (const event of reordered) {
    remap(event);
    event.eventId = String(renumbered.get(id(event)));
  }
  return { history: { ...original, events: reordered }, firstCommandEventId, acceptedEventId };
}
