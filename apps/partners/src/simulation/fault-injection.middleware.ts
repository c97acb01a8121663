import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { SimulationState } from './simulation-state';

/** Delays every partner request and fails a share of them with 503, as configured. */
@Injectable()
export class FaultInjectionMiddleware implements NestMiddleware {
  constructor(private readonly state: SimulationState) {}

  async use(_req: Request, res: Response, next: NextFunction): Promise<void> {
    const { latencyMs, failureRate } = this.state.faults;
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (Math.random() < failureRate) {
      res.status(503).json({ statusCode: 503, message: 'injected failure' });
      return;
    }
    next();
  }
}
