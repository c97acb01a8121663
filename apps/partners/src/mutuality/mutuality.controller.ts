import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { brusselsDateOf } from '@tnw/domain';
import type {
  InvalidityConfirmation,
  InvalidityConfirmationRequest,
  TrainingInterventionPayment,
  TrainingInterventionPaymentRequest,
} from '@tnw/integrations';
import { IsNotEmpty, IsString } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { CalendarDateField, InsuredCaseDto, NationalNumberField } from '../simulation/fields';
import { Idempotent, IdempotentOperation, type IdempotentRequest } from '../simulation/idempotency-key.decorator';
import { SimulationState } from '../simulation/simulation-state';
import { InvalidityRegister } from './invalidity-register';

class MemberLookupDto {
  @NationalNumberField()
  nationalNumber!: string;
}

class InvalidityConfirmationDto implements InvalidityConfirmationRequest {
  @NationalNumberField()
  nationalNumber!: string;

  @CalendarDateField('The day on which invalidity must hold')
  onDate!: string;
}

class TrainingInterventionPaymentDto extends InsuredCaseDto implements TrainingInterventionPaymentRequest {
  @ApiProperty({ description: 'The RIZIV training dossier the HCGRI approved' })
  @IsString()
  @IsNotEmpty()
  dossierId!: string;
}

/** The six insurers that pay incapacity benefits, by their national code. */
const MUTUALITIES = ['100', '200', '300', '400', '500', '600'];

/**
 * The mutuality's member register. Every well-formed national number is a member; those whose
 * serial number (digits 7-9) is 999 are not, so tests and demos can reach the refusal path.
 */
@ApiTags('mutuality')
@Controller('mutuality')
export class MutualityController {
  constructor(
    private readonly state: SimulationState,
    private readonly invalidity: InvalidityRegister,
  ) {}

  @Post('members/lookup')
  @HttpCode(200)
  @IdempotentOperation('Is the person a member, and of which mutuality?')
  lookUp(@Body() body: MemberLookupDto, @Idempotent() request: IdempotentRequest) {
    return this.state.once('mutuality', 'members/lookup', request, () => {
      const serial = body.nationalNumber.slice(6, 9);
      if (serial === '999') return { member: false };
      const checksum = Number(body.nationalNumber.slice(9));
      return { member: true, mutuality: MUTUALITIES[checksum % MUTUALITIES.length] };
    });
  }

  @Post('invalidity/confirm')
  @HttpCode(200)
  @IdempotentOperation('Route C (D15): confirm that the person is in invalidity on a day')
  confirmInvalidity(@Body() body: InvalidityConfirmationDto, @Idempotent() request: IdempotentRequest): InvalidityConfirmation {
    return this.state.once('mutuality', 'invalidity/confirm', request, () =>
      this.invalidity.confirm(body.nationalNumber, body.onDate),
    );
  }

  @Post('payments/training-intervention')
  @IdempotentOperation('D21: pay the financial intervention for an approved training project')
  payTrainingIntervention(
    @Body() _body: TrainingInterventionPaymentDto,
    @Idempotent() request: IdempotentRequest,
  ): TrainingInterventionPayment {
    return this.state.once('mutuality', 'payments/training-intervention', request, () => ({
      paymentId: randomUUID(),
      paidOn: brusselsDateOf(new Date().toISOString()),
    }));
  }
}
