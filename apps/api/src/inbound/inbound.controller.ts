import { Body, ConflictException, Controller, HttpCode, NotFoundException, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { SignalDefinition } from '@temporalio/common';
import { employerReintegrationEventSignal, employmentServiceEventSignal, trajectoryWorkflowId } from '@tnw/contracts';
import { INBOUND_PATHS } from '@tnw/integrations';
import { CaseReadModel } from '@tnw/persistence';
import { AllowRoles } from '../auth/access.decorators';
import { ACCESS } from '../auth/access-policy';
import { TemporalClientHolder } from '../temporal-client.provider';
import { EmployerReintegrationEventDto, EmploymentServiceEventDto } from './inbound.dto';

/**
 * Where partners call in. An event becomes a signal to the case's workflow, which applies each
 * event ID once: a partner that delivers an event twice gets 202 both times and one effect.
 */
@ApiTags('inbound (partners)')
@AllowRoles(...ACCESS.partners)
@Controller()
export class InboundController {
  constructor(
    private readonly temporal: TemporalClientHolder,
    private readonly readModel: CaseReadModel,
  ) {}

  @Post(INBOUND_PATHS.employmentServiceEvents)
  @HttpCode(202)
  @ApiOperation({ summary: "An employment service reports its trajectory's start, progress or outcome (D17c)" })
  @ApiResponse({ status: 404, description: 'No such case' })
  @ApiResponse({ status: 409, description: 'The trajectory has ended; the event was not applied' })
  employmentServiceEvent(@Body() event: EmploymentServiceEventDto): Promise<{ accepted: true }> {
    const { caseId, eventId, registrationId, outcome, occurredOn } = event;
    return this.signalCase(caseId, employmentServiceEventSignal, { eventId, registrationId, event: event.event, outcome, occurredOn });
  }

  @Post(INBOUND_PATHS.employerReintegrationEvents)
  @HttpCode(202)
  @ApiOperation({ summary: "The employer's prevention service reports a Codex stage: assessment (A/B/C), plan, outcome (D19)" })
  @ApiResponse({ status: 404, description: 'No such case' })
  @ApiResponse({ status: 409, description: 'The trajectory has ended; the event was not applied' })
  employerReintegrationEvent(@Body() event: EmployerReintegrationEventDto): Promise<{ accepted: true }> {
    const { caseId, eventId, requestId, decision, occurredOn } = event;
    return this.signalCase(caseId, employerReintegrationEventSignal, { eventId, requestId, event: event.event, decision, occurredOn });
  }

  private async signalCase<Args extends [unknown]>(caseId: string, signal: SignalDefinition<Args>, payload: Args[0]): Promise<{ accepted: true }> {
    try {
      await this.temporal.client.workflow.getHandle(trajectoryWorkflowId(caseId)).signal(signal, ...([payload] as Args));
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      const view = await this.readModel.find(caseId);
      if (!view) throw new NotFoundException(`no case ${caseId}`);
      throw new ConflictException({ statusCode: 409, error: 'Refused', message: `the trajectory of this case has ended (${view.case.status})` });
    }
    return { accepted: true };
  }
}
