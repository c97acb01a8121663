import { CanActivate, ExecutionContext, ForbiddenException, Injectable, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@tnw/contracts';
import { ALLOWED_ROLES, PUBLIC_ENDPOINT, type AuthenticatedRequest } from './access.decorators';
import type { AccessRole } from './access-roles';
import { AccessTokenVerifier, InvalidAccessToken } from './access-token-verifier';

/**
 * Checks every request: a valid bearer token (401 otherwise), holding one of the roles the
 * endpoint allows (403 naming them otherwise). An endpoint that declares no roles is closed.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessTokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ENDPOINT, targets)) return true;
    const allowed = this.reflector.getAllAndOverride<readonly AccessRole[] | undefined>(ALLOWED_ROLES, targets) ?? [];
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const caller = await this.authenticate(request.header('authorization'));
    const role = allowed.find((candidate) => caller.roles.includes(candidate));
    if (!role) {
      throw new ForbiddenException({
        statusCode: 403,
        error: 'Forbidden',
        message: allowed.length ? `this needs one of the roles ${allowed.join(', ')}` : 'no role may use this endpoint',
        allowedRoles: allowed,
      });
    }
    // A partner's system is no member of staff: it has no actor for the audit log.
    if (role !== 'partner') request.actor = { id: caller.id, role: role as Role };
    request.grantedRoles = caller.roles;
    return true;
  }

  private async authenticate(header: string | undefined) {
    const token = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header ?? '')?.[1];
    if (!token) throw unauthorized('an Authorization: Bearer <access token> header is required');
    try {
      return await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidAccessToken) throw unauthorized(`the access token was refused: ${error.message}`);
      throw new ServiceUnavailableException({ statusCode: 503, error: 'Service Unavailable', message: 'the identity provider cannot be reached to check the token' });
    }
  }
}

function unauthorized(message: string): UnauthorizedException {
  return new UnauthorizedException({ statusCode: 401, error: 'Unauthorized', message });
}
