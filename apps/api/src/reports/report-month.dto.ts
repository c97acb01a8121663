import { ApiProperty } from '@nestjs/swagger';
import { REPORT_MONTH_PATTERN } from '@tnw/contracts';
import { Matches } from 'class-validator';

/** The month of a report, as a query parameter (GET) or a path parameter (POST ... /run). */
export class ReportMonthDto {
  @ApiProperty({ example: '2026-10', description: 'Calendar month in Europe/Brussels, YYYY-MM' })
  @Matches(REPORT_MONTH_PATTERN, { message: 'month must be a calendar month YYYY-MM' })
  month!: string;
}
