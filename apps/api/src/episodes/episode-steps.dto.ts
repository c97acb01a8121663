import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Actor, InvalidityRenewal, NonCooperationKind, RenewalException } from '@tnw/contracts';
import type { CapacityCategory } from '@tnw/domain';
import { IsIn, IsInt, IsOptional, Max, Min, ValidateIf } from 'class-validator';
import { StepDto } from '../cases/steps.dto';
import { IsCalendarDate } from '../cases/validators';

const CATEGORIES: readonly CapacityCategory[] = [1, 2, 3, 4];
const NON_COOPERATION: readonly NonCooperationKind[] = ['noAnswerToInvitation', 'missedContact'];
const RENEWAL_EXCEPTIONS: readonly RenewalException[] = ['verySeverePathology', 'veryLongPathology'];

export class QuestionnaireReturnDto extends StepDto {
  @ApiProperty({ example: '2026-10-20', description: 'Day the questionnaire came back (D7)' })
  @IsCalendarDate()
  returnedOn!: string;
}

export class CategoryDecisionDto extends StepDto {
  @ApiProperty({ enum: CATEGORIES, description: 'D8: 1 return by month 6; 2 no return (medical); 3 diagnosis or treatment first; 4 adapted or other work' })
  @IsIn(CATEGORIES)
  category!: CapacityCategory;

  @ApiProperty({ example: '2026-11-16' })
  @IsCalendarDate()
  decidedOn!: string;
}

export class ContactMomentDto extends StepDto {
  @ApiProperty({ example: 4, description: 'The contact month (D10: 4, 7 or 11)' })
  @IsInt()
  @Min(1)
  @Max(12)
  month!: number;

  @ApiProperty({ example: '2026-11-18' })
  @IsCalendarDate()
  heldOn!: string;
}

/** D24: a new certificate of the treating physician, or an exception recorded by the advising physician. */
export class InvalidityRenewalDto extends StepDto {
  @ApiProperty({ enum: ['certificate', 'exception'] })
  @IsIn(['certificate', 'exception'])
  basis!: InvalidityRenewal['basis'];

  @ApiPropertyOptional({ example: '2027-07-01', description: 'basis certificate: day the certificate was issued' })
  @ValidateIf((dto: InvalidityRenewalDto) => dto.basis === 'certificate')
  @IsCalendarDate()
  issuedOn?: string;

  @ApiPropertyOptional({ example: '2028-06-30', description: 'basis certificate: shorter validity than the legal maximum, if the physician says so' })
  @IsOptional()
  @IsCalendarDate()
  validUntil?: string;

  @ApiPropertyOptional({ enum: RENEWAL_EXCEPTIONS, description: 'basis exception: why no renewal is needed' })
  @ValidateIf((dto: InvalidityRenewalDto) => dto.basis === 'exception')
  @IsIn(RENEWAL_EXCEPTIONS)
  exception?: RenewalException;

  @ApiPropertyOptional({ example: '2027-06-15', description: 'basis exception: day of the decision' })
  @ValidateIf((dto: InvalidityRenewalDto) => dto.basis === 'exception')
  @IsCalendarDate()
  decidedOn?: string;
}

/** The update's shape for the basis: only that basis's fields travel to the workflow. */
export function invalidityRenewal(dto: InvalidityRenewalDto, actor: Actor): InvalidityRenewal {
  const { reason } = dto;
  return dto.basis === 'certificate'
    ? { basis: 'certificate', issuedOn: dto.issuedOn!, validUntil: dto.validUntil, actor, reason }
    : { basis: 'exception', exception: dto.exception!, decidedOn: dto.decidedOn!, actor, reason };
}

export class NonCooperationDto extends StepDto {
  @ApiProperty({ enum: NON_COOPERATION, description: 'D12: recorded and notified to the benefits service, which decides on any sanction' })
  @IsIn(NON_COOPERATION)
  kind!: NonCooperationKind;

  @ApiProperty({ example: '2026-11-18' })
  @IsCalendarDate()
  occurredOn!: string;
}

export class RelapseDto extends StepDto {
  @ApiProperty({ example: '2026-12-01', description: 'D5: first day of the new incapacity' })
  @IsCalendarDate()
  newStart!: string;
}

export class EpisodeEndDto extends StepDto {
  @ApiProperty({ example: '2026-11-20', description: 'Last day of incapacity; work resumed the next day' })
  @IsCalendarDate()
  lastDay!: string;
}
