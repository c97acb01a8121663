import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ReintegrationRequest, ReintegrationRequestReceipt } from '@tnw/integrations';
import { CalendarDateField, InsuredCaseDto } from '../simulation/fields';
import { Idempotent, IdempotentOperation, type IdempotentRequest } from '../simulation/idempotency-key.decorator';
import { SimulationState } from '../simulation/simulation-state';
import { PreventionService } from './prevention-service';

class ReintegrationRequestDto extends InsuredCaseDto implements ReintegrationRequest {
  @CalendarDateField("Day of the request; the occupational physician's 49 days (D19) run from it")
  requestedOn!: string;
}

/** The employer's prevention service: receives requests for a reintegration trajectory (D17 a, D19). */
@ApiTags('employer')
@Controller('employer')
export class EmployerController {
  constructor(
    private readonly state: SimulationState,
    private readonly preventionService: PreventionService,
  ) {}

  @Post('reintegration-requests')
  @IdempotentOperation('Ask the occupational physician to start a reintegration trajectory (Codex)')
  requestReintegration(
    @Body() body: ReintegrationRequestDto,
    @Idempotent() request: IdempotentRequest,
  ): ReintegrationRequestReceipt {
    return this.state.once('employer', 'reintegration-requests', request, () => this.preventionService.receive(body.caseId));
  }
}
