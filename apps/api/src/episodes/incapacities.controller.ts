import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AllowRoles } from '../auth/access.decorators';
import { ACCESS } from '../auth/access-policy';
import { todayInBrussels } from '../cases/today';
import { ReportIncapacityDto } from './incapacity.dto';
import { IncapacitiesService } from './incapacities.service';

@ApiTags('incapacity episodes')
@Controller('incapacities')
export class IncapacitiesController {
  constructor(private readonly incapacities: IncapacitiesService) {}

  @Post()
  @AllowRoles(...ACCESS.episodeReporters)
  @ApiOperation({ summary: 'The mutuality reports an incapacity: registers it and starts its episode workflow' })
  @ApiResponse({ status: 201, description: 'Started; the episode ID is pseudonymous' })
  @ApiResponse({ status: 400, description: 'A field is invalid: each violation names the field and the rule' })
  report(@Body() dto: ReportIncapacityDto) {
    return this.incapacities.report(dto, todayInBrussels());
  }

  @Get(':episodeId')
  @AllowRoles(...ACCESS.episodeReaders)
  @ApiOperation({ summary: "The episode from the read model, with the workflow's live state" })
  find(@Param('episodeId', ParseUUIDPipe) episodeId: string) {
    return this.incapacities.find(episodeId);
  }
}
