import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AllowRoles } from '../auth/access.decorators';
import { ACCESS } from '../auth/access-policy';
import { todayInBrussels } from '../cases/today';
import { ReportMonthDto } from './report-month.dto';
import { ReportsService } from './reports.service';

/** The monthly report of the indicators that fund each mutuality (D9, [003]). */
@ApiTags('reports')
@ApiResponse({ status: 400, description: 'The month is not YYYY-MM (or, to run, is after the current month): the violation names the field' })
@Controller('reports/monthly')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get()
  @AllowRoles(...ACCESS.reportReaders)
  @ApiOperation({ summary: "The stored report of a month: per mutuality, first contacts (within D9's deadline), trajectories started, returns to work" })
  find(@Query() { month }: ReportMonthDto) {
    return this.reports.stored(month);
  }

  @Post(':month/run')
  @AllowRoles(...ACCESS.reportRunners)
  @HttpCode(200)
  @ApiOperation({ summary: 'Compute and store the report of a month now (the Schedule does it at 02:00 on the 1st for the month before)' })
  @ApiResponse({ status: 200, description: 'The report as computed and stored' })
  run(@Param() { month }: ReportMonthDto) {
    return this.reports.run(month, todayInBrussels());
  }
}
