import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import {
  decideCategoryUpdate,
  endEpisodeUpdate,
  recordContactMomentUpdate,
  recordNonCooperationUpdate,
  renewInvalidityUpdate,
  reportRelapseUpdate,
  retryEpisodePartnerCallUpdate,
  returnQuestionnaireUpdate,
  EPISODE_STEP_ROLES,
  type Actor,
} from '@tnw/contracts';
import { AllowRoles, CurrentActor } from '../auth/access.decorators';
import { PartnerCallRetryDto } from '../cases/steps.dto';
import {
  CategoryDecisionDto,
  ContactMomentDto,
  EpisodeEndDto,
  invalidityRenewal,
  InvalidityRenewalDto,
  NonCooperationDto,
  QuestionnaireReturnDto,
  RelapseDto,
} from './episode-steps.dto';
import { EpisodeStepsService } from './episode-steps.service';

/** The human steps of an episode: each answers the workflow's new state, or 409 with its reason. */
@ApiTags('incapacity episodes')
@ApiResponse({ status: 400, description: 'A field is invalid: each violation names the field and the rule' })
@ApiResponse({ status: 409, description: 'Refused by the workflow (wrong state, phase, role or date), with the reason; nothing recorded' })
@ApiResponse({ status: 503, description: 'The workflow engine kept the step from the case (no worker answered in time, or the case is failing), saying whether it may still be recorded' })
@Controller('incapacities/:episodeId')
export class EpisodeStepsController {
  constructor(private readonly steps: EpisodeStepsService) {}

  @Post('questionnaire-return')
  @HttpCode(200)
  @AllowRoles(...EPISODE_STEP_ROLES.returnQuestionnaire)
  @ApiOperation({ summary: 'The questionnaire came back (D7)' })
  returnQuestionnaire(@Param('episodeId', ParseUUIDPipe) episodeId: string, @Body() dto: QuestionnaireReturnDto, @CurrentActor() actor: Actor) {
    return this.steps.toEpisode(episodeId, returnQuestionnaireUpdate, { ...dto, actor });
  }

  @Post('category-decision')
  @HttpCode(200)
  @AllowRoles(...EPISODE_STEP_ROLES.decideCategory)
  @ApiOperation({ summary: "The advising physician's month-4 classification of remaining capacity; 4 refers to the coordinator (D8, D9)" })
  decideCategory(@Param('episodeId', ParseUUIDPipe) episodeId: string, @Body() dto: CategoryDecisionDto, @CurrentActor() actor: Actor) {
    return this.steps.toEpisode(episodeId, decideCategoryUpdate, { ...dto, actor });
  }

  @Post('contact-moments')
  @HttpCode(200)
  @AllowRoles(...EPISODE_STEP_ROLES.recordContactMoment)
  @ApiOperation({ summary: 'A fixed contact moment of the first year was held (D10)' })
  recordContactMoment(@Param('episodeId', ParseUUIDPipe) episodeId: string, @Body() dto: ContactMomentDto, @CurrentActor() actor: Actor) {
    return this.steps.toEpisode(episodeId, recordContactMomentUpdate, { ...dto, actor });
  }

  @Post('invalidity-renewal')
  @HttpCode(200)
  @AllowRoles(...EPISODE_STEP_ROLES.renewInvalidity)
  @ApiOperation({ summary: 'The yearly invalidity recognition is renewed by a certificate, or an exception applies (D24)' })
  renewInvalidity(@Param('episodeId', ParseUUIDPipe) episodeId: string, @Body() dto: InvalidityRenewalDto, @CurrentActor() actor: Actor) {
    return this.steps.toEpisode(episodeId, renewInvalidityUpdate, invalidityRenewal(dto, actor));
  }

  @Post('non-cooperation')
  @HttpCode(200)
  @AllowRoles(...EPISODE_STEP_ROLES.recordNonCooperation)
  @ApiOperation({ summary: 'Non-cooperation, recorded and notified to the benefits service (D12)' })
  recordNonCooperation(@Param('episodeId', ParseUUIDPipe) episodeId: string, @Body() dto: NonCooperationDto, @CurrentActor() actor: Actor) {
    return this.steps.toEpisode(episodeId, recordNonCooperationUpdate, { ...dto, actor });
  }

  @Post('relapse')
  @HttpCode(200)
  @AllowRoles(...EPISODE_STEP_ROLES.reportRelapse)
  @ApiOperation({ summary: 'A new incapacity within the relapse window continues the ended episode (D5)' })
  reportRelapse(@Param('episodeId', ParseUUIDPipe) episodeId: string, @Body() dto: RelapseDto, @CurrentActor() actor: Actor) {
    return this.steps.toEpisode(episodeId, reportRelapseUpdate, { ...dto, actor });
  }

  @Post('retry-partner-call')
  @HttpCode(200)
  @AllowRoles(...EPISODE_STEP_ROLES.retryPartnerCall)
  @ApiOperation({
    summary: 'Try again the letters whose partner was tried for the whole bound without an answer (task partnerUnreachable-letters)',
  })
  retryPartnerCall(@Param('episodeId', ParseUUIDPipe) episodeId: string, @Body() dto: PartnerCallRetryDto, @CurrentActor() actor: Actor) {
    return this.steps.toEpisode(episodeId, retryEpisodePartnerCallUpdate, { ...dto, actor });
  }

  @Post('end')
  @HttpCode(200)
  @AllowRoles(...EPISODE_STEP_ROLES.endEpisode)
  @ApiOperation({ summary: 'The incapacity ended (work resumed); a relapse may still reopen the episode (D5)' })
  end(@Param('episodeId', ParseUUIDPipe) episodeId: string, @Body() dto: EpisodeEndDto, @CurrentActor() actor: Actor) {
    return this.steps.toEpisode(episodeId, endEpisodeUpdate, { ...dto, actor });
  }
}
