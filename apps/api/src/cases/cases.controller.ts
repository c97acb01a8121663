import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { todayInBrussels } from './today';
import { StartCaseDto } from './case.dto';
import { CasesService } from './cases.service';

@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @ApiOperation({ summary: 'Register a case and start its trajectory workflow' })
  @ApiResponse({ status: 201, description: 'Started; the case ID is pseudonymous' })
  @ApiResponse({ status: 400, description: 'A field is invalid: each violation names the field and the rule' })
  @ApiResponse({ status: 422, description: 'Not eligible: the refusal names the rule and its citation' })
  start(@Body() dto: StartCaseDto) {
    return this.cases.start(dto, todayInBrussels());
  }

  @Get(':caseId')
  @ApiOperation({ summary: 'The case from the read model, with the workflow\'s live state' })
  find(@Param('caseId', new ParseUUIDPipe()) caseId: string) {
    return this.cases.find(caseId);
  }
}
