import { ApiProperty } from '@nestjs/swagger';
import type { ContractStatus, LetterLanguage, Regime } from '@tnw/domain';
import { IsIn, IsString, Matches } from 'class-validator';
import { IsBelgianNationalNumber, IsCalendarDate } from '../cases/validators';

const REGIMES: readonly Regime[] = ['employee', 'selfEmployed'];
const CONTRACTS: readonly ContractStatus[] = ['underContract', 'noContract', 'endedForMedicalForceMajeure'];
const LANGUAGES: readonly LetterLanguage[] = ['nl', 'fr', 'de'];

/** The mutuality reports an incapacity: the start of an episode (D1, D5-D12, D24). */
export class ReportIncapacityDto {
  @ApiProperty({ description: 'National number (INSZ/NISS), 11 digits with its mod-97 check; dots, dashes and spaces allowed', example: '85.07.30-033.28' })
  @IsString()
  @IsBelgianNationalNumber()
  nationalNumber!: string;

  @ApiProperty({ example: '2026-08-03', description: 'First day of incapacity (YYYY-MM-DD); the first-year rules are read on it' })
  @IsCalendarDate()
  incapacityStartDate!: string;

  @ApiProperty({ enum: REGIMES })
  @IsIn(REGIMES)
  regime!: Regime;

  @ApiProperty({ enum: CONTRACTS, description: 'D11: the employer’s duties apply under contract, the employment service’s without' })
  @IsIn(CONTRACTS)
  contract!: ContractStatus;

  @ApiProperty({ example: '9000', description: 'Belgian postal code of the residence' })
  @Matches(/^[1-9]\d{3}$/, { message: 'postalCode must be a Belgian postal code of 4 digits' })
  postalCode!: string;

  @ApiProperty({ enum: LANGUAGES, description: 'Language of letters' })
  @IsIn(LANGUAGES)
  language!: LetterLanguage;
}
