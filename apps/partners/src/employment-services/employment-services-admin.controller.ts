import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import {
  EMPLOYMENT_OUTCOMES,
  EMPLOYMENT_SERVICE_EVENTS,
  INBOUND_PATHS,
  type EmploymentOutcome,
  type EmploymentServiceEvent,
  type EmploymentServiceEventKind,
} from '@tnw/integrations';
import { IsIn, ValidateIf } from 'class-validator';
import { CallbackSender, type CallbackDelivery } from '../simulation/callback-sender';
import { CalendarDateField } from '../simulation/fields';
import { EmploymentServiceDesk } from './employment-service-desk';

class EmploymentServiceEventDto {
  @ApiProperty({ enum: EMPLOYMENT_SERVICE_EVENTS })
  @IsIn(EMPLOYMENT_SERVICE_EVENTS)
  event!: EmploymentServiceEventKind;

  @ApiPropertyOptional({ enum: EMPLOYMENT_OUTCOMES, description: 'Required on outcome events' })
  @ValidateIf((dto: EmploymentServiceEventDto) => dto.event === 'outcome' || dto.outcome !== undefined)
  @IsIn(EMPLOYMENT_OUTCOMES)
  outcome?: EmploymentOutcome;

  @CalendarDateField('When it happened')
  occurredOn!: string;
}

/** Makes an employment service decide about a registration and call in to our API. */
@ApiTags('simulation')
@Controller('_admin/employment-services')
export class EmploymentServicesAdminController {
  constructor(
    private readonly desk: EmploymentServiceDesk,
    private readonly callbacks: CallbackSender,
  ) {}

  @Post('registrations/:registrationId/events')
  @ApiOperation({
    summary:
      'The service reports a trajectory start, progress or outcome: POSTs it to <callback>/inbound/employment-services/events',
  })
  report(@Param('registrationId') registrationId: string, @Body() body: EmploymentServiceEventDto): Promise<CallbackDelivery> {
    const { service, caseId } = this.desk.registration(registrationId);
    const event = { service, registrationId, caseId, ...body };
    return this.callbacks.deliver<EmploymentServiceEvent>('employment-services', INBOUND_PATHS.employmentServiceEvents, event);
  }
}
