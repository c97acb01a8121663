import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@tnw/contracts';
import { AllowRoles, CurrentActor, type AuthenticatedRequest } from '../auth/access.decorators';
import { ACCESS } from '../auth/access-policy';
import { AssignTaskDto, InboxQueryDto, ReleaseTaskDto } from './tasks.dto';
import { TasksService } from './tasks.service';

const granted = (request: AuthenticatedRequest) => request.grantedRoles ?? [];

/** The task inbox: the open tasks of the case and episode workflows, per role. */
@ApiTags('tasks')
@ApiResponse({ status: 404, description: 'No such task' })
@ApiResponse({ status: 409, description: 'Refused: the task is done or held by someone else, with the reason' })
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @AllowRoles(...ACCESS.taskHolders)
  @ApiOperation({ summary: "Open tasks of the caller's roles, earliest deadline (overdue) first, paged" })
  list(@Query() query: InboxQueryDto, @CurrentActor() actor: Actor, @Req() request: AuthenticatedRequest) {
    return this.tasks.list(query, actor, granted(request), new Date());
  }

  @Post(':taskId/claim')
  @HttpCode(200)
  @AllowRoles(...ACCESS.taskHolders)
  @ApiOperation({ summary: "Take a task of one's role; refused when someone else holds it" })
  claim(@Param('taskId', ParseUUIDPipe) taskId: string, @CurrentActor() actor: Actor, @Req() request: AuthenticatedRequest) {
    return this.tasks.claim(taskId, actor, granted(request), new Date());
  }

  @Post(':taskId/release')
  @HttpCode(200)
  @AllowRoles(...ACCESS.taskHolders)
  @ApiOperation({ summary: 'Put a task back in its inbox: by whoever holds it, or a supervisor' })
  release(@Param('taskId', ParseUUIDPipe) taskId: string, @Body() dto: ReleaseTaskDto, @CurrentActor() actor: Actor, @Req() request: AuthenticatedRequest) {
    return this.tasks.release(taskId, actor, granted(request), dto.reason, new Date());
  }

  @Post(':taskId/assign')
  @HttpCode(200)
  @AllowRoles(...ACCESS.taskAssigners)
  @ApiOperation({ summary: 'A supervisor gives a task to a member of staff' })
  assign(@Param('taskId', ParseUUIDPipe) taskId: string, @Body() dto: AssignTaskDto, @CurrentActor() actor: Actor) {
    return this.tasks.assign(taskId, actor, dto.assignee, dto.reason, new Date());
  }
}
