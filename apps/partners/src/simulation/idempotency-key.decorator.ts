import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** The request's Idempotency-Key header; partners refuse effectful calls without one. */
export const IdempotencyKey = createParamDecorator((_data: unknown, ctx: ExecutionContext): string => {
  const key = ctx.switchToHttp().getRequest<Request>().header('idempotency-key');
  if (!key) throw new BadRequestException('the Idempotency-Key header is required');
  return key;
});
