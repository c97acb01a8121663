import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AllowRoles } from '../auth/access.decorators';
import { ACCESS } from '../auth/access-policy';
import { todayInBrussels } from './today';
import { StartCaseDto } from './case.dto';
import { CaseListQueryDto, CaseSearchDto } from './case-list.dto';
import { CasesService } from './cases.service';

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @AllowRoles(...ACCESS.caseStarters)
  @ApiOperation({ summary: 'Register a case and start its trajectory workflow' })
  @ApiResponse({ status: 201, description: 'Started; the case ID is pseudonymous' })
  @ApiResponse({ status: 400, description: 'A field is invalid: each violation names the field and the rule' })
  @ApiResponse({ status: 422, description: 'Not eligible: the refusal names the rule and its citation' })
  start(@Body() dto: StartCaseDto) {
    return this.cases.start(dto, todayInBrussels());
  }

  @Get()
  @AllowRoles(...ACCESS.caseReaders)
  @ApiOperation({ summary: 'Cases from the read model, filtered, earliest next deadline first, paged' })
  list(@Query() query: CaseListQueryDto) {
    return this.cases.list(query, new Date());
  }

  @Post('search')
  @HttpCode(200)
  @AllowRoles(...ACCESS.caseReaders)
  @ApiOperation({ summary: "A person's cases by national number (in the body: never in a URL)" })
  search(@Body() dto: CaseSearchDto) {
    return this.cases.search(dto.nationalNumber, new Date());
  }

  @Get(':caseId')
  @AllowRoles(...ACCESS.caseReaders)
  @ApiOperation({ summary: 'The case from the read model, with the workflow\'s live state' })
  find(@Param('caseId', new ParseUUIDPipe()) caseId: string) {
    return this.cases.find(caseId);
  }
}
