import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@tnw/contracts';
import type { Request } from 'express';
import type { AccessRole } from './access-roles';

export const ALLOWED_ROLES = 'tnw:allowed-roles';
export const PUBLIC_ENDPOINT = 'tnw:public-endpoint';

/**
 * The roles that may call an endpoint. The access guard refuses every endpoint without this
 * (or @PublicEndpoint()), so a new endpoint is closed until someone decides who may use it.
 */
export const AllowRoles = (...roles: readonly AccessRole[]) => SetMetadata(ALLOWED_ROLES, roles);

/** Health probes and the OpenAPI page: answered without a token. */
export const PublicEndpoint = () => SetMetadata(PUBLIC_ENDPOINT, true);

/** Where the access guard leaves the verified caller on the request. */
export interface AuthenticatedRequest extends Request {
  actor?: Actor;
  /** Every role the token grants, not only the one the endpoint was called with. */
  grantedRoles?: readonly AccessRole[];
}

/** The verified caller: its staff ID (the token's subject) and the role this endpoint was called with. */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  const actor = ctx.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on an endpoint without @AllowRoles');
  return actor;
});
