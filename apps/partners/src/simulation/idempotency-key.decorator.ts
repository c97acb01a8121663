import { applyDecorators, BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader, ApiOperation } from '@nestjs/swagger';
import type { Request, Response } from 'express';

/** An effectful request's Idempotency-Key, and a way to tell the caller that the answer is a replay. */
export interface IdempotentRequest {
  key: string;
  markReplayed(): void;
}

/** Partners refuse effectful calls without an Idempotency-Key header. */
export const Idempotent = createParamDecorator((_data: unknown, ctx: ExecutionContext): IdempotentRequest => {
  const http = ctx.switchToHttp();
  const key = http.getRequest<Request>().header('idempotency-key');
  if (!key) throw new BadRequestException('the Idempotency-Key header is required');
  return { key, markReplayed: () => http.getResponse<Response>().setHeader('idempotent-replayed', 'true') };
});

/** Documents an operation that takes `@Idempotent()`. */
export const IdempotentOperation = (summary: string) =>
  applyDecorators(
    ApiOperation({ summary }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: true,
      description:
        'A repeated request with the same key has no second effect and gets the first answer (header idempotent-replayed: true)',
    }),
  );
