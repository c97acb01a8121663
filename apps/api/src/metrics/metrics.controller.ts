import { Controller, Get, Headers, Res, UnauthorizedException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { PublicEndpoint } from '../auth/access.decorators';
import { ApiMetrics } from './api-metrics';

/**
 * Prometheus scrapes GET /metrics without an OIDC token. It holds counts only, no personal data;
 * a deployment that exposes the API beyond its network sets METRICS_TOKEN, and the scraper then
 * sends `Authorization: Bearer <METRICS_TOKEN>`.
 */
@ApiExcludeController()
@PublicEndpoint()
@Controller('metrics')
export class MetricsController {
  private readonly token = process.env.METRICS_TOKEN;

  constructor(private readonly metrics: ApiMetrics) {}

  @Get()
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() res: Response): Promise<void> {
    if (this.token && !sameSecret(authorization ?? '', `Bearer ${this.token}`))
      throw new UnauthorizedException('metrics need the METRICS_TOKEN bearer');
    res.setHeader('content-type', this.metrics.registry.contentType);
    res.send(await this.metrics.scrape());
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
