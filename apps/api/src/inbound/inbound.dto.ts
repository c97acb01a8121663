import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  EMPLOYMENT_OUTCOMES,
  EMPLOYMENT_SERVICE_EVENTS,
  EMPLOYMENT_SERVICES,
  REINTEGRATION_DECISIONS,
  REINTEGRATION_EVENTS,
  type EmployerReintegrationEvent,
  type EmploymentServiceEvent,
} from '@tnw/integrations';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../cases/validators';

/** What an employment service posts when its trajectory progresses (see libs/integrations). */
export class EmploymentServiceEventDto implements EmploymentServiceEvent {
  @ApiProperty({ description: 'Unique per event; also the Idempotency-Key header' })
  @IsString()
  @MaxLength(100)
  eventId!: string;

  @ApiProperty({ enum: EMPLOYMENT_SERVICES })
  @IsIn(EMPLOYMENT_SERVICES)
  service!: EmploymentServiceEvent['service'];

  @ApiProperty()
  @IsString()
  @MaxLength(100)
  registrationId!: string;

  @ApiProperty({ description: 'The pseudonymous case ID given with the registration' })
  @IsUUID()
  caseId!: string;

  @ApiProperty({ enum: EMPLOYMENT_SERVICE_EVENTS })
  @IsIn(EMPLOYMENT_SERVICE_EVENTS)
  event!: EmploymentServiceEvent['event'];

  @ApiPropertyOptional({ enum: EMPLOYMENT_OUTCOMES, description: 'On outcome events' })
  @IsOptional()
  @IsIn(EMPLOYMENT_OUTCOMES)
  outcome?: EmploymentServiceEvent['outcome'];

  @ApiProperty({ example: '2026-05-04' })
  @IsCalendarDate()
  occurredOn!: string;
}

/** What the employer's prevention service posts at each Codex stage (see libs/integrations). */
export class EmployerReintegrationEventDto implements EmployerReintegrationEvent {
  @ApiProperty({ description: 'Unique per event; also the Idempotency-Key header' })
  @IsString()
  @MaxLength(100)
  eventId!: string;

  @ApiProperty()
  @IsString()
  @MaxLength(100)
  requestId!: string;

  @ApiProperty({ description: 'The pseudonymous case ID given with the request' })
  @IsUUID()
  caseId!: string;

  @ApiProperty({ enum: REINTEGRATION_EVENTS })
  @IsIn(REINTEGRATION_EVENTS)
  event!: EmployerReintegrationEvent['event'];

  @ApiPropertyOptional({ enum: REINTEGRATION_DECISIONS, description: 'On assessment events' })
  @IsOptional()
  @IsIn(REINTEGRATION_DECISIONS)
  decision?: EmployerReintegrationEvent['decision'];

  @ApiProperty({ example: '2026-05-04' })
  @IsCalendarDate()
  occurredOn!: string;
}
