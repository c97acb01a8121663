import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ROLES, type Actor, type Role } from '@tnw/contracts';
import type { Request } from 'express';
import { invalidRequest } from '../../../shared/request-validation';

/**
 * The acting staff member, from the X-Actor-Id and X-Actor-Role headers. Interim: the access
 * issue replaces these headers with verified OIDC tokens; the Actor shape stays the same.
 */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const request = ctx.switchToHttp().getRequest<Request>();
  const id = request.header('x-actor-id') ?? '';
  const role = request.header('x-actor-role') ?? '';
  const violations = [];
  if (!/^[A-Za-z0-9._@-]{1,64}$/.test(id)) {
    violations.push({ field: 'x-actor-id', rule: 'matches', message: 'x-actor-id must be a staff identifier of 1-64 letters, digits or ._@-' });
  }
  if (!(ROLES as readonly string[]).includes(role)) {
    violations.push({ field: 'x-actor-role', rule: 'isIn', message: `x-actor-role must be one of ${ROLES.join(', ')}` });
  }
  if (violations.length) throw invalidRequest(violations);
  return { id, role: role as Role };
});
