import { proxyActivities, type ActivityOptions } from '@temporalio/workflow';
import type { CaseActivities } from '@tnw/contracts';

/**
 * How long a partner call (mutuality, RIZIV, employment service, employer, letters) is retried
 * before a person is asked what to do (workflows/shared/partner-calls.ts). An operational
 * setting, not a legal deadline: a working day rides out a partner's night-time maintenance
 * and most outages without anyone noticing, and a back office told the next morning can still
 * act that day (phone the partner, send the letter on paper, then try again). Each decision to
 * try again gives the call a new bound of the same length.
 */
export const PARTNER_CALL_BOUND = '24 hours';

/** Outages are retried with backoff, up to 5 minutes apart; refusals (non-retryable) fail at once. */
const RETRY = { initialInterval: '1 second', maximumInterval: '5 minutes' } as const;

/**
 * Our own records: the read model's projections and task inboxes, the coordinator's
 * notifications, the audit log, and computations of our own (the Belgian calendar). They are
 * retried without end: the one who could fix an outage of our PostgreSQL is not the coordinator,
 * and a task to tell them would live in that same database. Kept on their own proxy for that.
 */
export const ownActivities = proxyActivities<
  Pick<
    CaseActivities,
    'projectCase' | 'replaceTasks' | 'appendAuditEntry' | 'notifyCoordinator' | 'computePartialResumptionDeadline'
  >
>({
  startToCloseTimeout: '1 minute',
  retry: RETRY,
});

/**
 * Every case activity with the retry policy of the first versions: partners retried for as long
 * as it takes. Partner calls still take this path where a history recorded them so (before the
 * patch `partner-calls-bounded`); new calls go through `boundedPartnerActivities`.
 */
export const caseActivities = proxyActivities<CaseActivities>({
  startToCloseTimeout: '1 minute',
  retry: RETRY,
});

/**
 * Partner calls with their bound: the server stops retrying once PARTNER_CALL_BOUND has passed
 * since the call was scheduled. `activityId` is given when a person decided to try a call again:
 * the retry keeps the first call's ID and so its idempotency key (apps/worker/src/activity-context.ts).
 */
export function boundedPartnerActivities<A extends object = CaseActivities>(activityId?: string): A {
  const options: ActivityOptions = { startToCloseTimeout: '1 minute', scheduleToCloseTimeout: PARTNER_CALL_BOUND, retry: RETRY };
  // Each proxied function is the activity function itself plus `executeWithOptions`.
  return proxyActivities<A>(activityId ? { ...options, activityId } : options) as unknown as A;
}
