import { applyDecorators } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { LETTER_LANGUAGES } from '@tnw/integrations';
import { IsIn, IsISO8601, IsUUID, Matches } from 'class-validator';

/** What the partners' request bodies share: validation and OpenAPI in one decorator. */

export const NationalNumberField = () =>
  applyDecorators(
    ApiProperty({
      description: 'INSZ/NISS, 11 digits; travels in request bodies only, never in URLs or logs',
      example: '85073003328',
    }),
    Matches(/^\d{11}$/, { message: '$property must be 11 digits' }),
  );

export const CaseIdField = () =>
  applyDecorators(ApiProperty({ format: 'uuid', description: 'Our pseudonymous case ID' }), IsUUID());

export const CalendarDateField = (description: string, documentation: ApiPropertyOptions = {}) =>
  applyDecorators(
    ApiProperty({ example: '2026-03-02', description: `${description} (YYYY-MM-DD)`, ...documentation }),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a calendar date' }),
  );

export const LanguageField = () =>
  applyDecorators(ApiProperty({ enum: LETTER_LANGUAGES, description: "The insured's language" }), IsIn(LETTER_LANGUAGES));

/** The start of every body about an insured person: our case, and the person's national number. */
export class InsuredCaseDto {
  @CaseIdField()
  caseId!: string;

  @NationalNumberField()
  nationalNumber!: string;
}
