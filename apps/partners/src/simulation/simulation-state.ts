import { ConflictException, Injectable } from '@nestjs/common';
import type { IdempotentRequest } from './idempotency-key.decorator';

/** The simulated partners, named as the first segment of their routes. */
export const PARTNERS = ['mutuality', 'letters', 'riziv', 'employment-services', 'employer'] as const;
export type PartnerName = (typeof PARTNERS)[number];

export interface FaultSettings {
  /** Share of requests answered 503 before any effect, 0..1. */
  failureRate: number;
  /** Delay added to every request, in milliseconds. */
  latencyMs: number;
  /** Share of callbacks delivered twice with the same event ID, 0..1. */
  duplicateRate: number;
}

export interface Effect {
  partner: PartnerName;
  operation: string;
  idempotencyKey: string;
  at: string;
}

interface StoredResponse {
  operation: string;
  body: unknown;
}

const NO_FAULTS: FaultSettings = { failureRate: 0, latencyMs: 0, duplicateRate: 0 };

/**
 * What the simulated partners remember: responses by idempotency key (so that a repeated
 * request has no second effect), the effects themselves (for tests to count), the faults to
 * inject and where to call in. Partners keep their own records and forget them on `reset`.
 */
@Injectable()
export class SimulationState {
  callbackUrl: string | undefined = process.env.CALLBACK_URL;
  private globalFaults: FaultSettings = NO_FAULTS;
  private readonly partnerFaults = new Map<PartnerName, FaultSettings>();
  private readonly responses = new Map<string, StoredResponse>();
  private readonly effects: Effect[] = [];
  private readonly resetHooks: Array<() => void> = [];

  /** Runs `effect` once per key; a repeat returns the first response and is marked as replayed. */
  once<T>(partner: PartnerName, operation: string, request: IdempotentRequest, effect: () => T): T {
    const scopedKey = `${partner}:${request.key}`;
    const stored = this.responses.get(scopedKey);
    if (stored) {
      if (stored.operation !== operation) {
        throw new ConflictException(`idempotency key ${request.key} was already used for ${stored.operation}`);
      }
      request.markReplayed();
      return stored.body as T;
    }
    const body = effect();
    this.responses.set(scopedKey, { operation, body });
    this.effects.push({ partner, operation, idempotencyKey: request.key, at: new Date().toISOString() });
    return body;
  }

  listEffects(): readonly Effect[] {
    return this.effects;
  }

  /** A partner's own override, else the global settings. */
  faultsFor(partner: PartnerName): FaultSettings {
    return this.partnerFaults.get(partner) ?? this.globalFaults;
  }

  /** Without a partner, the global settings; with one, that partner's override. */
  setFaults(faults: FaultSettings, partner?: PartnerName): void {
    if (partner) this.partnerFaults.set(partner, { ...faults });
    else this.globalFaults = { ...faults };
  }

  onReset(hook: () => void): void {
    this.resetHooks.push(hook);
  }

  reset(): void {
    this.responses.clear();
    this.effects.length = 0;
    this.globalFaults = NO_FAULTS;
    this.partnerFaults.clear();
    this.callbackUrl = process.env.CALLBACK_URL;
    for (const hook of this.resetHooks) hook();
  }
}
