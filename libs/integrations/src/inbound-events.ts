import type { EmploymentServiceCode } from './employment-service-client';

/**
 * What partners POST to our API when they decide, the way a real integration calls in. Each
 * event carries its own ID, also sent as the Idempotency-Key header: a partner may deliver an
 * event more than once, and our side must act on it once.
 */

export const EMPLOYMENT_SERVICE_EVENTS = ['trajectoryStarted', 'progress', 'outcome'] as const;
export type EmploymentServiceEventKind = (typeof EMPLOYMENT_SERVICE_EVENTS)[number];

/** How a trajectory at the employment service ended. */
export const EMPLOYMENT_OUTCOMES = [
  'workResumedOwnEmployer',
  'workResumedOtherEmployer',
  'selfEmployment',
  'stopped',
  'medicalReasons',
] as const;
export type EmploymentOutcome = (typeof EMPLOYMENT_OUTCOMES)[number];

/** POST /inbound/employment-services/events */
export interface EmploymentServiceEvent {
  eventId: string;
  service: EmploymentServiceCode;
  registrationId: string;
  caseId: string;
  event: EmploymentServiceEventKind;
  /** Set on `outcome` events. */
  outcome?: EmploymentOutcome;
  /** YYYY-MM-DD */
  occurredOn: string;
}

export const REINTEGRATION_EVENTS = ['assessment', 'plan', 'outcome'] as const;
export type ReintegrationEventKind = (typeof REINTEGRATION_EVENTS)[number];

/** D19: A temporarily unfit, adapted work; B definitively unfit, adapted work; C no assessment yet. */
export const REINTEGRATION_DECISIONS = ['A', 'B', 'C'] as const;
export type ReintegrationDecision = (typeof REINTEGRATION_DECISIONS)[number];

/** POST /inbound/employer/reintegration-events */
export interface EmployerReintegrationEvent {
  eventId: string;
  requestId: string;
  caseId: string;
  event: ReintegrationEventKind;
  /** The occupational physician's decision, set on `assessment` events. */
  decision?: ReintegrationDecision;
  /** YYYY-MM-DD */
  occurredOn: string;
}

export const INBOUND_PATHS = {
  employmentServiceEvents: '/inbound/employment-services/events',
  employerReintegrationEvents: '/inbound/employer/reintegration-events',
} as const;
