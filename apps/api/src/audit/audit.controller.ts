import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AuditSubject } from '@tnw/temporal';
import type { Response } from 'express';
import { AllowRoles, type AuthenticatedRequest } from '../auth/access.decorators';
import { ACCESS } from '../auth/access-policy';
import { StartReplayDto } from './audit.dto';
import { AuditService } from './audit.service';
import { ReplayJobs } from './replay-jobs.service';

const subjectOf = (kind: AuditSubject['kind'], id: string): AuditSubject => ({ kind, id });

@ApiTags('audit')
@ApiResponse({ status: 404, description: 'No such case, episode or replay job, or Temporal no longer keeps its history' })
@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly replays: ReplayJobs,
  ) {}

  @Get('cases/:caseId/history')
  @AllowRoles(...ACCESS.historyExporters)
  @ApiOperation({
    summary:
      "Download a case's workflow histories (every run of its trajectory, then its training reviews) in Temporal's JSON format, payloads encrypted",
  })
  async caseHistory(@Param('caseId', new ParseUUIDPipe()) caseId: string, @Res({ passthrough: true }) response: Response) {
    response.setHeader('content-disposition', `attachment; filename="case-${caseId}-history.json"`);
    return this.audit.history(subjectOf('case', caseId));
  }

  @Get('cases/:caseId/timeline')
  @AllowRoles(...ACCESS.timelineReaders)
  @ApiOperation({
    summary:
      "A case's readable timeline (Brussels time): human steps with actor, role, reason and audit-log entry; deadlines and decisions with rule, citation and explanation",
  })
  caseTimeline(@Param('caseId', new ParseUUIDPipe()) caseId: string) {
    return this.audit.timeline(subjectOf('case', caseId));
  }

  @Get('episodes/:episodeId/history')
  @AllowRoles(...ACCESS.historyExporters)
  @ApiOperation({
    summary:
      "Download an incapacity episode's workflow histories (each yearly run) in Temporal's JSON format, payloads encrypted",
  })
  async episodeHistory(
    @Param('episodeId', new ParseUUIDPipe()) episodeId: string,
    @Res({ passthrough: true }) response: Response,
  ) {
    response.setHeader('content-disposition', `attachment; filename="episode-${episodeId}-history.json"`);
    return this.audit.history(subjectOf('episode', episodeId));
  }

  @Get('episodes/:episodeId/timeline')
  @AllowRoles(...ACCESS.timelineReaders)
  @ApiOperation({ summary: "An incapacity episode's readable timeline, as for a case" })
  episodeTimeline(@Param('episodeId', new ParseUUIDPipe()) episodeId: string) {
    return this.audit.timeline(subjectOf('episode', episodeId));
  }

  @Post('replays')
  @HttpCode(202)
  @AllowRoles(...ACCESS.replayers)
  @ApiOperation({
    summary:
      'Replay cases and episodes against the current workflow code (production bundle and data converter): by IDs, or all registered between two days (at most 500)',
  })
  @ApiResponse({ status: 202, description: 'Queued: poll GET /audit/replays/{id} for progress and verdicts' })
  @ApiResponse({ status: 422, description: 'Nothing matches, or more than the cap: the reason says which' })
  async startReplay(@Body() dto: StartReplayDto, @Req() request: AuthenticatedRequest) {
    const job = await this.replays.start(dto, request.actor?.id);
    return { id: job.id, status: job.status, progress: job.progress, statusUrl: `/audit/replays/${job.id}` };
  }

  @Get('replays')
  @AllowRoles(...ACCESS.replayers)
  @ApiOperation({ summary: "This API process's recent replay jobs with their progress and summary (kept in memory)" })
  listReplays() {
    return this.replays.list();
  }

  @Get('replays/:id')
  @AllowRoles(...ACCESS.replayers)
  @ApiOperation({
    summary:
      'A replay job: progress (done/total) and a verdict per case or episode: deterministic, or the event where it diverged',
  })
  replay(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.replays.find(id);
  }
}
