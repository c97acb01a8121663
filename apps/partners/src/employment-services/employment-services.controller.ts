import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiParam, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { LetterLanguage } from '@tnw/domain';
import {
  EMPLOYMENT_SERVICES,
  type EmploymentServiceCode,
  type EmploymentServiceRegistration,
  type EmploymentServiceRegistrationRequest,
} from '@tnw/integrations';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { InsuredCaseDto, LanguageField } from '../simulation/fields';
import { Idempotent, IdempotentOperation, type IdempotentRequest } from '../simulation/idempotency-key.decorator';
import { ParseOneOfPipe } from '../simulation/parse-one-of.pipe';
import { SimulationState } from '../simulation/simulation-state';
import { EmploymentServiceDesk } from './employment-service-desk';

class RegistrationFormDto {
  @ApiPropertyOptional({ description: 'What the coordinator and the insured agreed to ask the service (no medical details)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  summary?: string;
}

class RegistrationDto extends InsuredCaseDto implements EmploymentServiceRegistrationRequest {
  @LanguageField()
  language!: LetterLanguage;

  @ApiProperty({ type: RegistrationFormDto, description: 'The registration form (aanmeldingsformulier)' })
  @IsObject()
  @ValidateNested()
  @Type(() => RegistrationFormDto)
  form!: RegistrationFormDto;
}

/** VDAB, Le Forem, Actiris and ADG (D18): receive the registration form (D17 c). */
@ApiTags('employment-services')
@Controller('employment-services')
export class EmploymentServicesController {
  constructor(
    private readonly state: SimulationState,
    private readonly desk: EmploymentServiceDesk,
  ) {}

  @Post(':service/registrations')
  @IdempotentOperation('Register the insured at the regional employment service with the registration form')
  @ApiParam({ name: 'service', enum: EMPLOYMENT_SERVICES })
  register(
    @Param('service', new ParseOneOfPipe(EMPLOYMENT_SERVICES)) service: EmploymentServiceCode,
    @Body() registration: RegistrationDto,
    @Idempotent() request: IdempotentRequest,
  ): EmploymentServiceRegistration {
    return this.state.once('employment-services', `${service}/registrations`, request, () =>
      this.desk.register(service, registration.caseId),
    );
  }
}
