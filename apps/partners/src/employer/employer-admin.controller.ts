import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import {
  INBOUND_PATHS,
  REINTEGRATION_DECISIONS,
  REINTEGRATION_EVENTS,
  type EmployerReintegrationEvent,
  type ReintegrationDecision,
  type ReintegrationEventKind,
} from '@tnw/integrations';
import { IsIn, ValidateIf } from 'class-validator';
import { CallbackSender, type CallbackDelivery } from '../simulation/callback-sender';
import { CalendarDateField } from '../simulation/fields';
import { PreventionService } from './prevention-service';

class ReintegrationEventDto {
  @ApiProperty({ enum: REINTEGRATION_EVENTS })
  @IsIn(REINTEGRATION_EVENTS)
  event!: ReintegrationEventKind;

  @ApiPropertyOptional({
    enum: REINTEGRATION_DECISIONS,
    description: "The occupational physician's decision (D19); required on assessment events",
  })
  @ValidateIf((dto: ReintegrationEventDto) => dto.event === 'assessment' || dto.decision !== undefined)
  @IsIn(REINTEGRATION_DECISIONS)
  decision?: ReintegrationDecision;

  @CalendarDateField('When it happened')
  occurredOn!: string;
}

/** Makes the prevention service decide about a reintegration request and call in to our API. */
@ApiTags('simulation')
@Controller('_admin/employer')
export class EmployerAdminController {
  constructor(
    private readonly preventionService: PreventionService,
    private readonly callbacks: CallbackSender,
  ) {}

  @Post('reintegration-requests/:requestId/events')
  @ApiOperation({
    summary:
      'The prevention service reports an assessment, plan or outcome: POSTs it to <callback>/inbound/employer/reintegration-events',
  })
  report(@Param('requestId') requestId: string, @Body() body: ReintegrationEventDto): Promise<CallbackDelivery> {
    const event = { requestId, caseId: this.preventionService.caseIdOf(requestId), ...body };
    return this.callbacks.deliver<EmployerReintegrationEvent>('employer', INBOUND_PATHS.employerReintegrationEvents, event);
  }
}
