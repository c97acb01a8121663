import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@tnw/contracts';
import { todayInBrussels } from './today';
import { CurrentActor } from './actor.decorator';
import { FirstContactDto, StartCaseDto } from './case.dto';
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

  @Post(':caseId/first-contact')
  @HttpCode(200)
  @ApiOperation({ summary: 'Record the first conversation with the coordinator' })
  @ApiResponse({ status: 409, description: 'Refused by the workflow (wrong state or impossible date), with the reason' })
  recordFirstContact(
    @Param('caseId', new ParseUUIDPipe()) caseId: string,
    @Body() dto: FirstContactDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.cases.recordFirstContact(caseId, dto, actor);
  }
}
