import { Body, Controller, Post } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import type { LetterLanguage } from '@tnw/domain';
import type { SendLetterRequest, SentLetter } from '@tnw/integrations';
import { IsBoolean, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { InsuredCaseDto, LanguageField } from '../simulation/fields';
import { Idempotent, IdempotentOperation, type IdempotentRequest } from '../simulation/idempotency-key.decorator';
import { SimulationState } from '../simulation/simulation-state';
import { LetterOffice } from './letter-office';

class SendLetterDto extends InsuredCaseDto implements SendLetterRequest {
  @LanguageField()
  language!: LetterLanguage;

  @ApiProperty({ example: 'invitation', description: 'What the letter is about' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  kind!: string;

  @ApiProperty({ description: 'A registered letter (aangetekend schrijven), sent by registered paper mail' })
  @IsBoolean()
  registered!: boolean;
}

/** The letter service that reaches the insured in their eBox or on paper. */
@ApiTags('letters')
@Controller('letters')
export class LettersController {
  constructor(
    private readonly state: SimulationState,
    private readonly office: LetterOffice,
  ) {}

  @Post()
  @IdempotentOperation('Send a letter to the insured: eBox when activated, else paper; registered letters by registered mail')
  send(@Body() letter: SendLetterDto, @Idempotent() request: IdempotentRequest): SentLetter {
    return this.state.once('letters', 'send', request, () => this.office.send(letter));
  }
}
