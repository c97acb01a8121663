import type { UpdateDefinition } from '@temporalio/common';
import { msToNumber } from '@temporalio/common/lib/time';
import { ActivityFailure, condition, patched, setHandler, sleep } from '@temporalio/workflow';
import {
  partnerUnreachableTaskKind,
  type HumanStep,
  type OpenTask,
  type Partner,
  type PartnerCallRetry,
  type WaitingPartnerCall,
} from '@tnw/contracts';
import { boundedPartnerActivities, PARTNER_CALL_BOUND } from '../case-activities';
import { checkActorMayTake } from '../human-step-checks';

/** Partner calls made under this patch have a bound; histories from before keep the unbounded retry. */
export const PARTNER_CALLS_PATCH = 'partner-calls-bounded';

/** Who is called and for what: what the task and the state show (never personal data). */
export interface PartnerCallSpec {
  partner: Partner;
  /** The activity type, e.g. 'registerAtEmploymentService'. */
  effect: string;
  /** A detail that is not personal: the employment service's code, the letter's kind. */
  detail?: string;
}

export interface PartnerCallsOptions<A> {
  /** The proxy of the first versions (retried without end), for calls a history recorded so. */
  legacy: A;
  /** The list in the workflow's state (absent while no call waits): its query shows it, its projection makes tasks of it. */
  waiting(): readonly WaitingPartnerCall[] | undefined;
  setWaiting(calls: WaitingPartnerCall[] | undefined): void;
  /**
   * The list changed: a call reached its bound ('unreachable', its task opens now), a person
   * decided to try again ('retrying'), or the workflow no longer needs the call ('abandoned').
   * Projects the state; the call is in the list for 'unreachable' only.
   */
  onChange(call: WaitingPartnerCall, change: 'unreachable' | 'retrying' | 'abandoned'): Promise<void>;
}

/**
 * The coordinator's tasks for waiting calls: one per partner, whatever the workflow's status (a
 * letter after a stop may wait too). No legal deadline applies to them.
 */
export function partnerTasksOf(
  calls: readonly WaitingPartnerCall[] | undefined,
  scope: 'case' | 'trainingReview' = 'case',
): OpenTask[] {
  const partners = [...new Set((calls ?? []).map((call) => call.partner))];
  return partners.map((partner) => ({ kind: partnerUnreachableTaskKind(partner, scope), role: 'coordinator' }));
}

/**
 * Partner calls with a bound and a person behind it. A call is retried by the server with
 * backoff for PARTNER_CALL_BOUND (workflows/case-activities.ts). When the bound passes without an
 * answer, the call joins the state's `partnerCalls` (the projection opens the coordinator's task
 * at that instant) and waits for the `retryPartnerCall` step; then it is made again with the same
 * activity ID, so the partner receives the same idempotency key and acts at most once. A refusal
 * by the partner (non-retryable) still fails at once, as before.
 *
 * The bound is the activity's schedule-to-close time-out (see `attempt`). While one call waits,
 * the workflow's other timers and loops carry on.
 */
export class PartnerCalls<A extends object> {
  private readonly retryRequested = new Set<string>();

  constructor(private readonly options: PartnerCallsOptions<A>) {}

  /** The call's result, however long a decision takes. `invoke` calls the activity on the proxy it gets. */
  async call<T>(spec: PartnerCallSpec, invoke: (activities: A) => Promise<T>): Promise<T> {
    return (await this.run(spec, invoke, () => false))!.value;
  }

  /** As `call`, but undefined when `abandon()` holds while the call waits for a decision. */
  callUnlessAbandoned<T>(
    spec: PartnerCallSpec,
    invoke: (activities: A) => Promise<T>,
    abandon: () => boolean,
  ): Promise<{ value: T } | undefined> {
    return this.run(spec, invoke, abandon);
  }

  /**
   * The coordinator's step `retryPartnerCall`: refused with a reason when no call (of the partner
   * named) waits for a decision, or by another role; accepted, it audits the decision and lets the
   * waiting calls try again. `checkFirst` runs before the other checks (the update-order guard).
   */
  registerRetryStep<S>(
    update: UpdateDefinition<S, [PartnerCallRetry]>,
    state: () => S,
    audit: (action: string, step: HumanStep) => Promise<void>,
    checkFirst: () => void = () => undefined,
  ): void {
    setHandler(
      update,
      async (step) => {
        const calls = this.awaitingDecision(step.partner);
        calls.forEach((call) => this.retryRequested.add(call.callId));
        await audit(`retryPartnerCall:${[...new Set(calls.map((call) => call.partner))].join(',')}`, step);
        return state();
      },
      {
        validator: (step) => {
          checkFirst();
          checkActorMayTake('retryPartnerCall', step);
          if (this.awaitingDecision(step.partner).length === 0) {
            const waiting = this.awaitingDecision(undefined).map((call) => call.partner);
            throw new Error(
              step.partner && waiting.length
                ? `no call to ${step.partner} is waiting for a decision (waiting: ${[...new Set(waiting)].join(', ')})`
                : 'no partner call is waiting for a decision',
            );
          }
        },
      },
    );
  }

  private awaitingDecision(partner: Partner | undefined): WaitingPartnerCall[] {
    return (this.options.waiting() ?? []).filter(
      (call) => !this.retryRequested.has(call.callId) && (!partner || call.partner === partner),
    );
  }

  private async run<T>(
    spec: PartnerCallSpec,
    invoke: (activities: A) => Promise<T>,
    abandon: () => boolean,
  ): Promise<{ value: T } | undefined> {
    if (!patched(PARTNER_CALLS_PATCH)) return { value: await invoke(this.options.legacy) };
    let callId: string | undefined;
    let retries = 0;
    for (;;) {
      const round = await this.attempt(spec, invoke, callId);
      if ('value' in round) return round;
      callId = round.callId;
      const waiting: WaitingPartnerCall = { callId, ...spec, since: new Date().toISOString(), retries };
      this.options.setWaiting([...(this.options.waiting() ?? []), waiting]);
      await this.options.onChange(waiting, 'unreachable');
      await condition(() => this.retryRequested.has(waiting.callId) || abandon());
      const retry = this.retryRequested.delete(waiting.callId);
      const others = (this.options.waiting() ?? []).filter((call) => call !== waiting);
      this.options.setWaiting(others.length ? others : undefined);
      await this.options.onChange(waiting, retry ? 'retrying' : 'abandoned');
      if (!retry) return undefined;
      retries++;
    }
  }

  /**
   * One bounded round: the result, or the call's ID once the bound has passed without an answer.
   * The server gives up retrying at the last attempt before the bound (its next one would fall
   * after it); the task must open when the bound has passed, so the workflow waits out the rest.
   * A timer only then: a call that succeeds costs no more history than before the bound.
   */
  private async attempt<T>(
    spec: PartnerCallSpec,
    invoke: (activities: A) => Promise<T>,
    callId: string | undefined,
  ): Promise<{ value: T } | { callId: string }> {
    const boundEndsAt = Date.now() + msToNumber(PARTNER_CALL_BOUND);
    try {
      return { value: await invoke(boundedPartnerActivities<A>(callId)) };
    } catch (error) {
      if (!(error instanceof ActivityFailure && error.retryState === 'TIMEOUT')) throw error;
      // Named as the operational bound it is: the auditors' timeline lists every timer (libs/temporal/src/audit).
      const summary = `partner call bound, not a legal deadline: ${spec.effect} at ${spec.partner}, retried for ${PARTNER_CALL_BOUND}`;
      const rest = boundEndsAt - Date.now();
      if (rest > 0) await sleep(rest, { summary });
      return { callId: error.activityId ?? callId! };
    }
  }
}
