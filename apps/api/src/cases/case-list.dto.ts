import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { TRAJECTORY_STATUSES } from '@tnw/contracts';
import { PageQueryDto } from '../page-query.dto';
import { IsBelgianNationalNumber, IsCalendarDate } from './validators';

const EMPLOYMENT_SERVICES = ['VDAB', 'FOREM', 'ACTIRIS', 'ADG'] as const;

export class CaseListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'One or more statuses, comma-separated', example: 'firstContactOverdue,active' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',') : value))
  @IsIn(TRAJECTORY_STATUSES, { each: true })
  status?: string[];

  @ApiPropertyOptional({ enum: ['A', 'B', 'C'] })
  @IsOptional()
  @IsIn(['A', 'B', 'C'])
  route?: string;

  @ApiPropertyOptional({ example: '300', description: "The mutuality's code" })
  @IsOptional()
  @Matches(/^\d{3}$/, { message: 'mutuality must be the three-digit code of a mutuality' })
  mutuality?: string;

  @ApiPropertyOptional({ enum: EMPLOYMENT_SERVICES })
  @IsOptional()
  @IsIn(EMPLOYMENT_SERVICES)
  employmentService?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Only cases whose next deadline falls on or before this day' })
  @IsOptional()
  @IsCalendarDate()
  deadlineBefore?: string;
}

/** A national number travels in a body, never in a URL (access logs, browser history, proxies). */
export class CaseSearchDto {
  @ApiProperty({ example: '85.07.30-033.28' })
  @IsString()
  @IsBelgianNationalNumber()
  nationalNumber!: string;
}
