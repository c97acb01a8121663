import type { SerializationContext } from '@temporalio/common';
import type { LoadedDataConverter } from '@temporalio/common/lib/converter/data-converter';
import { decodeOptionalFailureToOptionalError, decodeUserMetadata } from '@temporalio/common/lib/internal-non-workflow';
import { temporal } from '@temporalio/proto';
import { BRUSSELS_ZONE, maskNationalNumber } from '@tnw/domain';
import { DateTime } from 'luxon';
import type { Detail } from './timeline-model';
import { DETAIL_KEYS } from './timeline-labels';

const EventType = temporal.api.enums.v1.EventType;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/** The allowed top-level values of a step, an input or a result (see DETAIL_KEYS), scrubbed. */
export function detailsOf(value: unknown): { details?: Record<string, Detail> } {
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

export async function summaryOf(
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

export async function failureText(event: HistoryEvent, converter: LoadedDataConverter): Promise<string> {
  const failure = event.activityTaskFailedEventAttributes?.failure ?? event.activityTaskTimedOutEventAttributes?.failure;
  if (!failure) return endingOf(event);
  try {
    const error = await decodeOptionalFailureToOptionalError(converter, failure);
    return `failed: ${scrub(error?.message ?? failure.message ?? '')}`;
  } catch {
    return `failed: ${scrub(failure.message ?? '')}`;
  }
}

export function endingOf(event: HistoryEvent): string {
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
export function tsToMs(value: { seconds?: unknown; nanos?: number | null } | null | undefined): number {
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
