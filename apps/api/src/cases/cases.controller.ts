import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@tnw/contracts';
import type { Response } from 'express';
import { AllowRoles, CurrentActor } from '../auth/access.decorators';
import { ACCESS } from '../auth/access-policy';
import { IDEMPOTENCY_KEY_DESCRIPTION, IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER } from './idempotency-key';
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
  @ApiHeader({ name: IDEMPOTENCY_KEY_HEADER, required: false, description: IDEMPOTENCY_KEY_DESCRIPTION })
  @ApiResponse({
    status: 201,
    description: `Started; the case ID is pseudonymous. Also the answer to a retry with the same ${IDEMPOTENCY_KEY_HEADER} and body, then with the header \`${IDEMPOTENT_REPLAYED_HEADER}: true\``,
  })
  @ApiResponse({
    status: 400,
    description: `A field is invalid: each violation names the field and the rule (the ${IDEMPOTENCY_KEY_HEADER} header too)`,
  })
  @ApiResponse({
    status: 422,
    description: `Not eligible: the refusal names the rule and its citation. Or the ${IDEMPOTENCY_KEY_HEADER} was used before for another body (\`header\`, \`rule: sameKeySameRequest\`)`,
  })
  @ApiResponse({
    status: 503,
    description: `The workflow engine did not accept the case: without an ${IDEMPOTENCY_KEY_HEADER} nothing was recorded; with one, the case is registered and a retry with the same key starts it`,
  })
  async start(
    @Body() dto: StartCaseDto,
    @CurrentActor() actor: Actor,
    @Headers(IDEMPOTENCY_KEY_HEADER.toLowerCase()) idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const started = await this.cases.start(dto, todayInBrussels(), { subject: actor.id, idempotencyKey });
    if (started.replayed) response.setHeader(IDEMPOTENT_REPLAYED_HEADER, 'true');
    return started.answer;
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
