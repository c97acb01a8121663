import { Body, Controller, Post } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import type { TrainingDossier, TrainingDossierRequest } from '@tnw/integrations';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { invalidRequest } from '../../../shared/request-validation';
import { CalendarDateField, CaseIdField } from '../simulation/fields';
import { Idempotent, IdempotentOperation, type IdempotentRequest } from '../simulation/idempotency-key.decorator';
import { SimulationState } from '../simulation/simulation-state';

class TrainingDossierDto implements TrainingDossierRequest {
  @CaseIdField()
  caseId!: string;

  @ApiProperty({ example: 'Bachelor in accountancy' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: 'HoGent', description: 'The school or training centre' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  provider!: string;

  @CalendarDateField('First day of the training')
  startsOn!: string;

  @CalendarDateField('Last day of the training, not before startsOn')
  endsOn!: string;
}

/**
 * RIZIV/INAMI registers training-project dossiers (D21). Their examination and the HCGRI
 * decision are recorded by RIZIV staff in our back office, so this simulator does not decide.
 */
@ApiTags('riziv')
@Controller('riziv')
export class RizivController {
  constructor(private readonly state: SimulationState) {}

  @Post('training-dossiers')
  @IdempotentOperation('Register the dossier of a training project')
  registerTrainingDossier(@Body() dossier: TrainingDossierDto, @Idempotent() request: IdempotentRequest): TrainingDossier {
    if (dossier.endsOn < dossier.startsOn) {
      throw invalidRequest([{ field: 'endsOn', rule: 'notBeforeStartsOn', message: 'endsOn must not be before startsOn' }]);
    }
    return this.state.once('riziv', 'training-dossiers', request, () => ({ dossierId: randomUUID() }));
  }
}
