import type { SerializationContext } from '@temporalio/common';
import { decodeArrayFromPayloads, loadDataConverter } from '@temporalio/common/lib/internal-non-workflow';
import type { LoadedDataConverter } from '@temporalio/common/lib/converter/data-converter';
import { temporal } from '@temporalio/proto';
import type { Actor } from '@tnw/contracts';
import { BRUSSELS_ZONE, brusselsDateOf, createRulebook, type Rulebook } from '@tnw/domain';
import type { WorkflowRunHistory } from './history-export';
import {
  ACTIVITY_LABELS,
  HIDDEN_ACTIVITIES,
  SIGNAL_LABELS,
  spelledOut,
  STEP_HINTS,
  STEP_LABELS,
  STEP_RULES,
  WORKFLOW_LABELS,
} from './timeline-labels';
import type { AuditLogRecord, Timeline, TimelineEntry, TimelineInput, TimelineRule } from './timeline-model';
import { collectExplanations, explanationOf, resolveRule, type Explanations } from './timeline-rules';
import { brusselsTime, detailsOf, endingOf, failureText, scrub, summaryOf, tsToMs } from './timeline-text';

export * from './timeline-model';
export { formatTimeline } from './timeline-format';
export { brusselsTime, scrub } from './timeline-text';

const EventType = temporal.api.enums.v1.EventType;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
type Payloads = temporal.api.common.v1.IPayloads | null | undefined;

/**
 * A readable account of a case or an episode, from its workflow histories and its audit log:
 * the human steps (with actor, role and reason), the partners' reports, the deadlines the
 * workflow set, met or let pass (with the rule, its citation and the explanation computed from
 * it), the calls to partners and the end. Entries of all runs and child workflows are merged
 * in time order.
 */
export async function buildTimeline(input: TimelineInput): Promise<Timeline> {
  const converter = loadDataConverter(input.dataConverter);
  const namespace = input.namespace ?? 'default';
  const auditByKey = new Map(input.auditEntries.map((row) => [row.idempotencyKey, row]));
  const matchedAudit = new Set<string>();
  const exported = new Set(input.runs.map((run) => run.workflowId));
  const undecodable = { count: 0 };
  const entries: Array<TimelineEntry & { order: number }> = [];

  for (const [runIndex, run] of input.runs.entries()) {
    const runEntries = await timelineOfRun(run, { converter, namespace, auditByKey, matchedAudit, exported, undecodable });
    entries.push(...runEntries.map((entry) => ({ ...entry, order: runIndex })));
  }

  entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.order - b.order || a.eventId - b.eventId);
  return {
    subject: input.subject,
    timeZone: BRUSSELS_ZONE,
    generatedAt: brusselsTime((input.now ?? new Date()).getTime()),
    entries: entries.map(({ order: _order, ...entry }) => entry),
    unmatchedAuditEntries: input.auditEntries
      .filter((row) => !matchedAudit.has(row.idempotencyKey))
      .map((row) => ({
        entryId: row.id,
        at: brusselsTime(new Date(row.occurredAt).getTime()),
        actor: { id: row.actorId, role: row.actorRole } as Actor,
        action: row.action,
        ...(row.reason ? { reason: scrub(row.reason) } : {}),
      })),
    undecodablePayloads: undecodable.count,
  };
}

interface RunContext {
  converter: LoadedDataConverter;
  namespace: string;
  auditByKey: Map<string, AuditLogRecord>;
  matchedAudit: Set<string>;
  /** Workflows whose own history is in the timeline: their parent's start and end events of them are not repeated. */
  exported: Set<string>;
  undecodable: { count: number };
}

async function timelineOfRun(run: WorkflowRunHistory, ctx: RunContext): Promise<TimelineEntry[]> {
  const { workflowId, runId } = run;
  const events = run.history.events ?? [];
  const workflowContext: SerializationContext = { type: 'workflow', namespace: ctx.namespace, workflowId };
  const decode = async (payloads: Payloads, context: SerializationContext = workflowContext): Promise<unknown[]> => {
    if (!payloads?.payloads?.length) return [];
    try {
      return await decodeArrayFromPayloads(ctx.converter, payloads.payloads, context);
    } catch {
      ctx.undecodable.count += payloads.payloads.length;
      return payloads.payloads.map(() => undefined);
    }
  };

  const entries: TimelineEntry[] = [];
  const label = WORKFLOW_LABELS[run.workflowType] ?? spelledOut(run.workflowType);
  // A child workflow is named with its ID (a case may have several training reviews).
  const name = run.parentWorkflowId ? `${label} ${workflowId}` : label;
  let rulebook: Rulebook = createRulebook();
  /** The explanations the workflow computed, per rule (deadlines in projections, decisions in results). */
  const explanations: Explanations = new Map();
  const activities = new Map<string, { type: string; entry?: TimelineEntry }>();
  const timers = new Map<string, { summary: string; ruleId?: string }>();
  const updates = new Map<string, { entry: TimelineEntry; hint: string }>();
  /** Human steps whose audit append has not been seen yet, oldest first. */
  const awaitingAudit: TimelineEntry[] = [];

  const at = (event: HistoryEvent) => brusselsTime(tsToMs(event.eventTime));
  const push = (event: HistoryEvent, entry: Omit<TimelineEntry, 'at' | 'workflowId' | 'runId' | 'eventId'>) => {
    const full: TimelineEntry = { at: at(event), workflowId, runId, eventId: Number(event.eventId), ...entry };
    entries.push(full);
    return full;
  };
  const ruleFor = (id: string | undefined, event: HistoryEvent, hint = ''): TimelineRule | undefined =>
    id ? resolveRule(rulebook, id, brusselsDateOf(at(event)), explanationOf(explanations, id, hint)) : undefined;

  for (const event of events) {
    switch (event.eventType) {
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED: {
        const attributes = event.workflowExecutionStartedEventAttributes!;
        const [args] = await decode(attributes.input);
        const renewalFrom = (args as { invalidityRenewalFrom?: string } | undefined)?.invalidityRenewalFrom;
        if (renewalFrom) rulebook = createRulebook({ invalidityRenewalFrom: renewalFrom });
        const continued = attributes.continuedExecutionRunId ? ' (a new run continuing the previous one)' : '';
        push(event, { kind: 'workflowStarted', what: `${label} ${workflowId} started${continued}`, ...detailsOf(args) });
        break;
      }
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED: {
        const request = event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest;
        const name = request?.input?.name ?? 'update';
        const [step] = await decode(request?.input?.args);
        const { actor, reason, ...rest } = (step ?? {}) as { actor?: Actor; reason?: string } & Record<string, unknown>;
        const hint = STEP_HINTS[name]?.(rest) ?? '';
        const entry = push(event, {
          kind: 'humanStep',
          what: STEP_LABELS[name] ?? spelledOut(name),
          ...(actor ? { actor: { id: scrub(String(actor.id)), role: actor.role } } : {}),
          ...(reason ? { reason: scrub(reason) } : {}),
          ...detailsOf(rest),
          rule: ruleFor(STEP_RULES[name], event, hint),
          auditLog: 'missing',
        });
        if (!entry.rule) delete entry.rule;
        const updateId = request?.meta?.updateId;
        if (updateId) updates.set(updateId, { entry, hint });
        awaitingAudit.push(entry);
        break;
      }
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED: {
        const attributes = event.workflowExecutionUpdateCompletedEventAttributes;
        const { entry, hint } = updates.get(attributes?.meta?.updateId ?? '') ?? {};
        const [result] = await decode(attributes?.outcome?.success);
        collectExplanations(result, explanations);
        // A decision explained only in its result (a fund voucher's eligibility); a deadline the
        // step met keeps the explanation it had before the step.
        if (entry?.rule && !entry.rule.explanation) {
          const explanation = explanationOf(explanations, entry.rule.id, hint ?? '');
          if (explanation) entry.rule.explanation = scrub(explanation);
        }
        if (entry && attributes?.outcome?.failure)
          entry.details = { ...entry.details, outcome: `failed: ${scrub(attributes.outcome.failure.message ?? '')}` };
        break;
      }
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED: {
        const attributes = event.workflowExecutionSignaledEventAttributes!;
        const name = attributes.signalName ?? 'signal';
        const [signal] = await decode(attributes.input);
        const what = SIGNAL_LABELS[name]
          ? `${SIGNAL_LABELS[name]} ${(signal as { event?: string })?.event ?? ''}`.trim()
          : spelledOut(name);
        push(event, { kind: 'partnerEvent', what, ...detailsOf(signal) });
        break;
      }
      case EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED: {
        const attributes = event.activityTaskScheduledEventAttributes!;
        const type = attributes.activityType?.name ?? 'activity';
        const activityContext: SerializationContext = {
          type: 'activity',
          namespace: ctx.namespace,
          workflowId,
          activityId: attributes.activityId ?? undefined,
          isLocal: false,
        };
        const [args] = await decode(attributes.input, activityContext);
        collectExplanations(args, explanations);
        const record: { type: string; entry?: TimelineEntry } = { type };
        activities.set(String(event.eventId), record);
        if (type === 'appendAuditEntry') {
          attachAudit(args as AppendedEntry, `${workflowId}/${runId}/${attributes.activityId}`, event);
        } else if (!HIDDEN_ACTIVITIES.has(type)) {
          const { ruleId, kind } = (args ?? {}) as { ruleId?: string; kind?: string };
          record.entry = push(event, {
            kind: 'partnerCall',
            what: ACTIVITY_LABELS[type] ?? spelledOut(type),
            ...detailsOf(args),
            rule: ruleFor(ruleId, event, kind),
          });
          if (!record.entry.rule) delete record.entry.rule;
        }
        break;
      }
      case EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED: {
        const attributes = event.activityTaskCompletedEventAttributes!;
        const record = activities.get(String(attributes.scheduledEventId));
        const [result] = await decode(attributes.result);
        collectExplanations(result, explanations);
        if (record?.entry) record.entry.details = { ...record.entry.details, ...detailsOf(result).details, outcome: 'completed' };
        break;
      }
      case EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED:
      case EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT:
      case EventType.EVENT_TYPE_ACTIVITY_TASK_CANCELED: {
        const attributes =
          event.activityTaskFailedEventAttributes ??
          event.activityTaskTimedOutEventAttributes ??
          event.activityTaskCanceledEventAttributes;
        const record = activities.get(String(attributes?.scheduledEventId));
        if (record?.entry) record.entry.details = { ...record.entry.details, outcome: await failureText(event, ctx.converter) };
        break;
      }
      case EventType.EVENT_TYPE_TIMER_STARTED: {
        const attributes = event.timerStartedEventAttributes!;
        const summary = (await summaryOf(event, ctx.converter, workflowContext)) ?? 'timer';
        const ruleId = /\(([\w.]+)\)/.exec(summary)?.[1];
        timers.set(attributes.timerId ?? String(event.eventId), { summary, ruleId });
        const wait = tsToMs(attributes.startToFireTimeout);
        const firesAt = brusselsTime(tsToMs(event.eventTime) + wait);
        // A deadline already past when the workflow reached it gets a timer of (almost) zero.
        const when = wait < 1000 ? 'already past, fires at once' : `fires at ${firesAt}`;
        const entry = push(event, {
          kind: 'deadlineSet',
          what: `Deadline set: ${summary}, ${when}`,
          details: { firesAt },
          rule: ruleFor(ruleId, event, summary),
        });
        if (!entry.rule) delete entry.rule;
        break;
      }
      case EventType.EVENT_TYPE_TIMER_FIRED:
      case EventType.EVENT_TYPE_TIMER_CANCELED: {
        const fired = event.eventType === EventType.EVENT_TYPE_TIMER_FIRED;
        const attributes = fired ? event.timerFiredEventAttributes : event.timerCanceledEventAttributes;
        const timer = timers.get(attributes?.timerId ?? '') ?? { summary: 'timer', ruleId: undefined };
        const entry = push(event, {
          kind: fired ? 'deadlinePassed' : 'deadlineCleared',
          what: fired
            ? `Deadline passed: ${timer.summary}`
            : `Wait ended before the deadline (the awaited action came, or the case moved on): ${timer.summary}`,
          rule: ruleFor(timer.ruleId, event, timer.summary),
        });
        if (!entry.rule) delete entry.rule;
        break;
      }
      case EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_STARTED: {
        const attributes = event.childWorkflowExecutionStartedEventAttributes!;
        if (ctx.exported.has(attributes.workflowExecution?.workflowId ?? '')) break;
        const type = attributes.workflowType?.name ?? 'workflow';
        push(event, {
          kind: 'childStarted',
          what: `${WORKFLOW_LABELS[type] ?? spelledOut(type)} ${attributes.workflowExecution?.workflowId} started`,
        });
        break;
      }
      case EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_COMPLETED: {
        const attributes = event.childWorkflowExecutionCompletedEventAttributes!;
        const childId = attributes.workflowExecution?.workflowId ?? '';
        if (ctx.exported.has(childId)) break;
        const [result] = await decode(attributes.result, { type: 'workflow', namespace: ctx.namespace, workflowId: childId });
        push(event, { kind: 'childEnded', what: `${childId} ended`, ...detailsOf(result) });
        break;
      }
      case EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_FAILED:
      case EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_CANCELED:
      case EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_TERMINATED:
      case EventType.EVENT_TYPE_CHILD_WORKFLOW_EXECUTION_TIMED_OUT: {
        const attributes =
          event.childWorkflowExecutionFailedEventAttributes ??
          event.childWorkflowExecutionCanceledEventAttributes ??
          event.childWorkflowExecutionTerminatedEventAttributes ??
          event.childWorkflowExecutionTimedOutEventAttributes;
        if (ctx.exported.has(attributes?.workflowExecution?.workflowId ?? '')) break;
        push(event, { kind: 'childEnded', what: `${attributes?.workflowExecution?.workflowId} ended: ${endingOf(event)}` });
        break;
      }
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED: {
        const [result] = await decode(event.workflowExecutionCompletedEventAttributes?.result);
        collectExplanations(result, explanations);
        const refusal = (result as { refusal?: { ruleId?: string; message?: string } } | undefined)?.refusal;
        const entry = push(event, {
          kind: 'workflowEnded',
          what: `${name} ended`,
          ...detailsOf(result),
          rule: ruleFor(refusal?.ruleId, event),
        });
        if (entry.rule && refusal?.message) entry.rule.explanation = scrub(refusal.message);
        if (!entry.rule) delete entry.rule;
        break;
      }
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW:
        push(event, {
          kind: 'continuedAsNew',
          what: `${name} continued in a new run (its history starts afresh; the state is carried over)`,
        });
        break;
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED:
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED:
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED:
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT:
        push(event, { kind: 'workflowEnded', what: `${name} ended: ${endingOf(event)}` });
        break;
      default:
        break;
    }
  }
  return entries;

  /** The audit append that a human step's handler made: ties the audit_log row to the step. */
  function attachAudit(appended: AppendedEntry | undefined, key: string, event: HistoryEvent): void {
    const row = ctx.auditByKey.get(key);
    if (row) ctx.matchedAudit.add(key);
    const auditLog = row
      ? { entryId: row.id, action: row.action, recordedAt: brusselsTime(new Date(row.recordedAt).getTime()) }
      : ('missing' as const);
    const actor = appended?.actor;
    const index = awaitingAudit.findIndex((step) => step.actor?.id === actor?.id && step.actor?.role === actor?.role);
    if (index >= 0) {
      awaitingAudit.splice(index, 1)[0].auditLog = auditLog;
      return;
    }
    // An audit append without an update in this run (a step recorded another way).
    push(event, {
      kind: 'humanStep',
      what: spelledOut(appended?.action ?? 'audited step'),
      ...(actor ? { actor: { id: scrub(String(actor.id)), role: actor.role } } : {}),
      ...(appended?.reason ? { reason: scrub(appended.reason) } : {}),
      auditLog,
    });
  }
}

interface AppendedEntry {
  actor?: Actor;
  action?: string;
  reason?: string;
}
