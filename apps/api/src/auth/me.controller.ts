import { Controller, Get, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowRoles, type AuthenticatedRequest } from './access.decorators';
import { ACCESS } from './access-policy';

/** Who the caller is to the API: what a client needs to choose a start page. */
@ApiTags('access')
@Controller('me')
export class MeController {
  @Get()
  @AllowRoles(...ACCESS.everyone)
  @ApiOperation({ summary: 'The verified caller: staff ID and the roles the API recognises in the token' })
  me(@Req() request: AuthenticatedRequest) {
    return { id: request.actor?.id, roles: request.grantedRoles };
  }
}
