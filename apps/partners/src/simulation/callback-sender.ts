import { ConflictException, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CallbackCredentials } from './callback-credentials';
import { PartnerName, SimulationState } from './simulation-state';

/** What happened to one callback: the last HTTP status our API answered, or `unreachable`. */
export interface CallbackDelivery {
  eventId: string;
  status: number | 'unreachable';
  attempts: number;
  /** The partner delivered the event a second time, as configured by `duplicateRate`. */
  duplicated: boolean;
}

type AttemptOutcome = Pick<CallbackDelivery, 'status' | 'attempts'>;

/** Bounded, as a real partner's outbox would be: 4 attempts within about a second. */
const MAX_ATTEMPTS = 4;
const FIRST_BACKOFF_MS = 100;
const ATTEMPT_TIMEOUT_MS = 5_000;

/**
 * Calls in to our API the way a real integration would: an HTTP POST of the partner's event,
 * with a client-credentials token and the event ID as Idempotency-Key, retried with the same ID on 5xx and connection errors.
 */
@Injectable()
export class CallbackSender {
  private readonly logger = new Logger(CallbackSender.name);

  constructor(
    private readonly state: SimulationState,
    private readonly credentials: CallbackCredentials,
  ) {}

  /** Gives `details` a new event ID and delivers it; the event's type comes from libs/integrations' inbound events. */
  async deliver<E extends { eventId: string }>(
    partner: PartnerName,
    path: string,
    details: Omit<E, 'eventId'>,
  ): Promise<CallbackDelivery> {
    const baseUrl = this.state.callbackUrl;
    if (!baseUrl) throw new ConflictException('no callback URL: set CALLBACK_URL or PUT /_admin/callback');
    const url = `${baseUrl.replace(/\/+$/, '')}${path}`;
    const event = { eventId: randomUUID(), ...details };
    const outcome = await this.sendWithRetries(url, event);
    const duplicated = outcome.status !== 'unreachable' && Math.random() < this.state.faultsFor(partner).duplicateRate;
    if (duplicated) await this.sendWithRetries(url, event);
    return { eventId: event.eventId, ...outcome, duplicated };
  }

  private async sendWithRetries(url: string, event: { eventId: string }): Promise<AttemptOutcome> {
    let status: CallbackDelivery['status'] = 'unreachable';
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, FIRST_BACKOFF_MS * 2 ** (attempt - 2)));
      status = await this.send(url, event);
      if (status !== 'unreachable' && status < 500) return { status, attempts: attempt };
      this.logger.debug(`callback ${event.eventId} attempt ${attempt} of ${MAX_ATTEMPTS}: ${status}`);
    }
    this.logger.warn(`callback ${event.eventId} given up after ${MAX_ATTEMPTS} attempts: ${status}`);
    return { status, attempts: MAX_ATTEMPTS };
  }

  private async send(url: string, event: { eventId: string }): Promise<CallbackDelivery['status']> {
    try {
      const authorization = await this.credentials.authorization();
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': event.eventId, ...(authorization ? { authorization } : {}) },
        body: JSON.stringify(event),
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      });
      await response.body?.cancel();
      return response.status;
    } catch {
      return 'unreachable';
    }
  }
}
