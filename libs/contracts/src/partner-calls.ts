import type { HumanStep } from './actor';

/**
 * The partners the case workflows call through libs/integrations, by the name tasks and states
 * show. A name says who did not answer, never about whom.
 */
export const PARTNERS = ['mutuality', 'riziv', 'employmentService', 'employer', 'letters'] as const;
export type Partner = (typeof PARTNERS)[number];

/**
 * A partner call that was retried for its whole bound (PARTNER_CALL_BOUND, workflows/case-activities.ts)
 * without an answer, and now waits for a person to decide to try again. No personal data.
 */
export interface WaitingPartnerCall {
  /** The call's activity ID: trying again reuses it, so the partner sees the same idempotency key. */
  callId: string;
  partner: Partner;
  /** What the call does, by its activity type, e.g. 'registerAtEmploymentService'. */
  effect: string;
  /** A detail of the effect that is not personal: the employment service's code, the letter's kind. */
  detail?: string;
  /** When the bound was reached (workflow time, ISO 8601): the task's opening. */
  since: string;
  /** How often a person already decided to try again. */
  retries: number;
}

/** The coordinator's decision to try a partner call again, once the partner is thought to be back. */
export interface PartnerCallRetry extends HumanStep {
  /** Only this partner's waiting calls; every waiting call of the workflow when absent. */
  partner?: Partner;
}

/**
 * The kind of the task a waiting call opens, one per partner and workflow: `partnerUnreachable-<partner>`
 * for a trajectory or an episode, `reviewPartnerUnreachable-<partner>` for a training review (its
 * tasks share the case's inbox and must not replace the trajectory's).
 */
export function partnerUnreachableTaskKind(partner: Partner, scope: 'case' | 'trainingReview' = 'case'): string {
  return `${scope === 'trainingReview' ? 'reviewPartnerUnreachable' : 'partnerUnreachable'}-${partner}`;
}

/**
 * The failure type with which a workflow refuses a human step that reached it after other work of
 * the same workflow task (workflows/shared/update-order-guard.ts). Nothing is recorded; the API
 * sends the step again at once, and it then arrives in a workflow task of its own.
 */
export const STEP_ARRIVED_MID_TASK = 'StepArrivedMidWorkflowTask';
