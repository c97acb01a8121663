import type { NextFunction, Request, Response } from 'express';
import type { PartnerName, SimulationState } from './simulation-state';

/** Delays every request to `partner` and fails a share of them with 503, as configured for it. */
export function injectFaults(state: SimulationState, partner: PartnerName) {
  return async (_req: Request, res: Response, next: NextFunction): Promise<void> => {
    const { latencyMs, failureRate } = state.faultsFor(partner);
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (Math.random() < failureRate) {
      res.status(503).json({ statusCode: 503, message: 'injected failure' });
      return;
    }
    next();
  };
}
