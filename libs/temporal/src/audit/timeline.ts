import type { DataConverter, SerializationContext } from '@temporalio/common';
import {
  decodeArrayFromPayloads,
  decodeOptionalFailureToOptionalError,
  decodeUserMetadata,
  loadDataConverter,
} from '@temporalio/common/lib/internal-non-workflow';
import type { LoadedDataConverter } from '@temporalio/common/lib/converter/data-converter';
import { temporal } from '@temporalio/proto';
import type { Actor } from '@tnw/contracts';
import {
  BRUSSELS_ZONE,
  brusselsDateOf,
  createRulebook,
  maskNationalNumber,
  type Citation,
  type Rulebook,
  type RuleId,
} from '@tnw/domain';
import { DateTime } from 'luxon';
import type { AuditSubject } from './audit-subject';
import type { WorkflowRunHistory } from './history-export';
import {
  ACTIVITY_LABELS,
  DETAIL_KEYS,
  HIDDEN_ACTIVITIES,
  SIGNAL_LABELS,
  spelledOut,
  STEP_HINTS,
  STEP_LABELS,
  STEP_RULES,
  WORKFLOW_LABELS,
} from './timeline-labels';

const EventType = temporal.api.enums.v1.EventType;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
type Payloads = temporal.api.common.v1.IPayloads | null | undefined;

/** The audit_log row as the timeline needs it (libs/persistence's AuditEntryEntity fits). */
export interface AuditLogRecord {
  id: string;
  idempotencyKey: string;
  actorId: string;
  actorRole: string;
  action: string;
  reason: string | null;
  occurredAt: Date | string;
  recordedAt: Date | string;
}

export type TimelineKind =
  | 'workflowStarted'
  | 'humanStep'
  | 'partnerEvent'
  | 'deadlineSet'
  | 'deadlinePassed'
  | 'deadlineCleared'
  | 'partnerCall'
  | 'childStarted'
  | 'childEnded'
  | 'continuedAsNew'
  | 'workflowEnded';

/** A rule of the rulebook, in the version in force on the entry's day, and what it gave. */
export interface TimelineRule {
  id: string;
  /** What the rule governs, from the rulebook. */
  text: string;
  citation: Citation;
  version: { from: string; to?: string };
  /** The one-line explanation the workflow computed with it (a deadline's, a decision's), when the history holds it. */
  explanation?: string;
}

export type Detail = string | number | boolean;

export interface TimelineEntry {
  /** When it happened, ISO 8601 in Europe/Brussels time (with its offset). */
  at: string;
  kind: TimelineKind;
  what: string;
  workflowId: string;
  runId: string;
  eventId: number;
  /** Human steps: who took it, in which role, and the reason they gave. */
  actor?: Actor;
  reason?: string;
  details?: Record<string, Detail>;
  rule?: TimelineRule;
  /**
   * Human steps: the audit_log row the workflow wrote for it (matched by its idempotency key:
   * workflow ID / run ID / activity ID), or `missing` when the table has none.
   */
  auditLog?: { entryId: string; action: string; recordedAt: string } | 'missing';
}

export interface Timeline {
  subject: AuditSubject;
  timeZone: typeof BRUSSELS_ZONE;
  generatedAt: string;
  entries: TimelineEntry[];
  /** audit_log rows of the subject that no history accounts for: each one deserves a question. */
  unmatchedAuditEntries: Array<{ entryId: string; at: string; actor: Actor; action: string; reason?: string }>;
  /**
   * Payloads the data converter could not decode (the person's key was erased, or another master
   * key): the entries they belong to show no actor, reason or details.
   */
  undecodablePayloads: number;
}

export interface TimelineInput {
  subject: AuditSubject;
  namespace?: string;
  runs: WorkflowRunHistory[];
  auditEntries: AuditLogRecord[];
  /** The production data converter (payloads are encrypted per person). Default: Temporal's. */
  dataConverter?: DataConverter;
  now?: Date;
}

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

/**
 * The explanation of a rule that fits the hint best: one rule may give several deadlines at once
 * (the contact moments of months 4, 7 and 11), told apart by their kind, which the timer's
 * summary names; otherwise the latest one computed.
 */
function explanationOf(explanations: Explanations, ruleId: string, hint: string): string | undefined {
  const known = explanations.get(ruleId);
  if (!known?.length) return undefined;
  const normal = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  const wanted = normal(hint);
  const fitting = known
    .filter((k) => k.kind && wanted.includes(normal(k.kind)))
    .sort((a, b) => normal(b.kind!).length - normal(a.kind!).length)[0];
  return (fitting ?? known[known.length - 1]).text;
}

/** The version of the rule in force on the day (or the nearest one), with its citation. */
function resolveRule(rulebook: Rulebook, id: string, onDate: string, explanation?: string): TimelineRule {
  const withExplanation = (rule: TimelineRule) => (explanation ? { ...rule, explanation: scrub(explanation) } : rule);
  if (!rulebook.ids().includes(id as RuleId)) {
    return withExplanation({
      id,
      text: 'not a rule of the current rulebook',
      citation: { domainRule: '-', source: '-' },
      version: { from: '-' },
    });
  }
  const ruleId = id as RuleId;
  if (rulebook.inForce(ruleId, onDate)) {
    const rule = rulebook.rule(ruleId, onDate);
    return withExplanation({
      id,
      text: rule.governs,
      citation: rule.citation,
      version: { from: rule.from, ...(rule.to ? { to: rule.to } : {}) },
    });
  }
  const versions = rulebook.versions(ruleId);
  const version = [...versions].reverse().find((v) => v.from <= onDate) ?? versions[0];
  const governs = rulebook.rule(ruleId, version.from).governs;
  return withExplanation({
    id,
    text: `${governs} (not in force on ${onDate}: the version shown is the nearest one)`,
    citation: version.citation,
    version: { from: version.from, ...(version.to ? { to: version.to } : {}) },
  });
}

type Explanations = Map<string, Array<{ kind?: string; text: string }>>;

/** Remembers every `{ ruleId, explanation }` a value holds (deadline views, refusals, computed deadlines). */
function collectExplanations(value: unknown, into: Explanations, depth = 0): void {
  if (!value || typeof value !== 'object' || depth > 6) return;
  if (Array.isArray(value)) {
    value.forEach((item) => collectExplanations(item, into, depth + 1));
    return;
  }
  const record = value as Record<string, unknown>;
  if (typeof record.ruleId === 'string') {
    const text =
      typeof record.explanation === 'string'
        ? record.explanation
        : typeof record.message === 'string'
          ? record.message
          : undefined;
    if (text) {
      const known = into.get(record.ruleId) ?? [];
      const kind = typeof record.kind === 'string' ? record.kind : undefined;
      into.set(record.ruleId, [...known.filter((k) => k.kind !== kind), { kind, text }]);
    }
  }
  Object.values(record).forEach((item) => collectExplanations(item, into, depth + 1));
}

/** The allowed top-level values of a step, an input or a result (see DETAIL_KEYS), scrubbed. */
function detailsOf(value: unknown): { details?: Record<string, Detail> } {
  if (!value || typeof value !== 'object') return {};
  const details: Record<string, Detail> = {};
  const add = (key: string, item: unknown) => {
    if (!DETAIL_KEYS.has(key)) return;
    if (typeof item === 'string') details[key] = scrub(item);
    else if (typeof item === 'number' || typeof item === 'boolean') details[key] = item;
  };
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'project' && item && typeof item === 'object') Object.entries(item).forEach(([k, v]) => add(k, v));
    else add(key, item);
  }
  return Object.keys(details).length ? { details } : {};
}

async function summaryOf(
  event: HistoryEvent,
  converter: LoadedDataConverter,
  context: SerializationContext,
): Promise<string | undefined> {
  try {
    return (await decodeUserMetadata(converter, event.userMetadata, context)).staticSummary;
  } catch {
    return undefined;
  }
}

async function failureText(event: HistoryEvent, converter: LoadedDataConverter): Promise<string> {
  const failure = event.activityTaskFailedEventAttributes?.failure ?? event.activityTaskTimedOutEventAttributes?.failure;
  if (!failure) return endingOf(event);
  try {
    const error = await decodeOptionalFailureToOptionalError(converter, failure);
    return `failed: ${scrub(error?.message ?? failure.message ?? '')}`;
  } catch {
    return `failed: ${scrub(failure.message ?? '')}`;
  }
}

function endingOf(event: HistoryEvent): string {
  const name = EventType[event.eventType ?? 0] ?? 'EVENT_TYPE_UNSPECIFIED';
  const ending = name
    .replace(/^EVENT_TYPE_(CHILD_)?(WORKFLOW_EXECUTION_|ACTIVITY_TASK_)/, '')
    .toLowerCase()
    .replace(/_/g, ' ');
  const failure =
    event.workflowExecutionFailedEventAttributes?.failure?.message ??
    event.childWorkflowExecutionFailedEventAttributes?.failure?.message;
  const reason = event.workflowExecutionTerminatedEventAttributes?.reason;
  const why = failure ?? reason;
  return why ? `${ending} (${scrub(why)})` : ending;
}

/**
 * Milliseconds of a protobuf Timestamp or Duration, whichever way its seconds came in (a Long
 * from the client, a number or a string from Temporal's JSON).
 */
function tsToMs(value: { seconds?: unknown; nanos?: number | null } | null | undefined): number {
  if (!value) return 0;
  const seconds = value.seconds as number | string | { toNumber(): number } | null | undefined;
  const whole = typeof seconds === 'object' && seconds !== null ? seconds.toNumber() : Number(seconds ?? 0);
  return whole * 1000 + Math.floor((value.nanos ?? 0) / 1e6);
}

/** An instant as ISO 8601 in Brussels time, e.g. 2026-03-02T10:15:03.120+01:00. */
export function brusselsTime(epochMillis: number): string {
  return DateTime.fromMillis(epochMillis, { zone: BRUSSELS_ZONE }).toISO()!;
}

/**
 * Masks anything shaped like a national number (11 digits, with or without the usual
 * separators) in free text: staff reasons are typed by hand, and no national number may ever
 * reach an auditor's screen.
 */
export function scrub(text: string): string {
  return text.replace(/(?<!\d)\d{2}[.\s-]?\d{2}[.\s-]?\d{2}[.\s-]?\d{3}[.\s-]?\d{2}(?!\d)/g, (match) =>
    maskNationalNumber(match),
  );
}

/** The timeline as plain text, one entry per block, for the command line. */
export function formatTimeline(timeline: Timeline): string {
  const lines = [`Timeline of ${timeline.subject.kind} ${timeline.subject.id} (times in ${timeline.timeZone})`, ''];
  for (const entry of timeline.entries) {
    lines.push(`${entry.at.replace('T', ' ').replace(/\.\d{3}/, '')}  ${entry.what}`);
    if (entry.actor)
      lines.push(`    by ${entry.actor.id} as ${entry.actor.role}${entry.reason ? `, reason: "${entry.reason}"` : ''}`);
    if (entry.details)
      lines.push(
        `    ${Object.entries(entry.details)
          .map(([k, v]) => `${k}: ${v}`)
          .join(', ')}`,
      );
    if (entry.rule) {
      lines.push(
        `    rule ${entry.rule.id} (${entry.rule.citation.domainRule}; in force from ${entry.rule.version.from}${entry.rule.version.to ? ` to ${entry.rule.version.to}` : ''}): ${entry.rule.text}`,
      );
      if (entry.rule.explanation) lines.push(`    explanation: ${entry.rule.explanation}`);
      lines.push(`    source: ${entry.rule.citation.source}`);
    }
    if (entry.auditLog === 'missing') lines.push('    audit log: NO ENTRY');
    else if (entry.auditLog) lines.push(`    audit log: entry ${entry.auditLog.entryId} (${entry.auditLog.action})`);
  }
  if (timeline.undecodablePayloads) {
    lines.push(
      '',
      `${timeline.undecodablePayloads} payload(s) could not be decoded (erased person, or not this system's master key): their entries lack details.`,
    );
  }
  if (timeline.unmatchedAuditEntries.length) {
    lines.push('', 'Audit log entries that no history accounts for:');
    for (const row of timeline.unmatchedAuditEntries)
      lines.push(`  ${row.at}  ${row.action} by ${row.actor.id} as ${row.actor.role}`);
  }
  return lines.join('\n');
}
