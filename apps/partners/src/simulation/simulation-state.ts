import { Injectable } from '@nestjs/common';

export interface FaultSettings {
  /** Share of requests answered 503 before any effect, 0..1. */
  failureRate: number;
  /** Delay added to every request, in milliseconds. */
  latencyMs: number;
}

export interface Effect {
  partner: string;
  operation: string;
  idempotencyKey: string;
  at: string;
}

interface StoredResponse {
  operation: string;
  body: unknown;
}

/**
 * What the simulated partners remember: responses by idempotency key (so that a repeated
 * request has no second effect), the effects themselves (for tests to count), and the faults
 * to inject.
 */
@Injectable()
export class SimulationState {
  faults: FaultSettings = { failureRate: 0, latencyMs: 0 };
  private readonly responses = new Map<string, StoredResponse>();
  private readonly effects: Effect[] = [];

  /** Runs `effect` once per key; a repeat returns the first response. */
  once<T>(partner: string, operation: string, idempotencyKey: string, effect: () => T): { body: T; replayed: boolean } {
    const scopedKey = `${partner}:${idempotencyKey}`;
    const stored = this.responses.get(scopedKey);
    if (stored) {
      if (stored.operation !== operation) {
        throw new Error(`idempotency key ${idempotencyKey} was already used for ${stored.operation}`);
      }
      return { body: stored.body as T, replayed: true };
    }
    const body = effect();
    this.responses.set(scopedKey, { operation, body });
    this.effects.push({ partner, operation, idempotencyKey, at: new Date().toISOString() });
    return { body, replayed: false };
  }

  listEffects(): readonly Effect[] {
    return this.effects;
  }

  reset(): void {
    this.responses.clear();
    this.effects.length = 0;
    this.faults = { failureRate: 0, latencyMs: 0 };
  }
}
