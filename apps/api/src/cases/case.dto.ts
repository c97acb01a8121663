import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { IsBelgianNationalNumber, IsCalendarDate } from './validators';

export class StartCaseDto {
  @ApiProperty({ description: 'National number (INSZ/NISS), 11 digits with its mod-97 check; dots, dashes and spaces allowed', example: '85.07.30-033.28' })
  @IsString()
  @IsBelgianNationalNumber()
  nationalNumber!: string;

  @ApiProperty({ enum: ['A', 'B', 'C'], description: 'A: advising physician refers; B: the insured asks; C: spontaneous registration at the employment service' })
  @IsIn(['A', 'B', 'C'])
  route!: 'A' | 'B' | 'C';

  @ApiProperty({ example: '2025-10-20', description: 'First day of the incapacity episode (YYYY-MM-DD)' })
  @IsCalendarDate()
  incapacityStartDate!: string;

  @ApiProperty({ example: '2026-02-20', description: 'Day the case reached the coordinator (YYYY-MM-DD)' })
  @IsCalendarDate()
  referralDate!: string;

  @ApiProperty({ enum: ['employee', 'selfEmployed'] })
  @IsIn(['employee', 'selfEmployed'])
  regime!: 'employee' | 'selfEmployed';

  @ApiProperty({ enum: ['underContract', 'noContract', 'endedForMedicalForceMajeure'] })
  @IsIn(['underContract', 'noContract', 'endedForMedicalForceMajeure'])
  contract!: 'underContract' | 'noContract' | 'endedForMedicalForceMajeure';

  @ApiPropertyOptional({ enum: ['workAccident', 'occupationalDisease', 'statutoryCivilServant'], description: 'Out of scope (D2) when set' })
  @IsOptional()
  @IsIn(['workAccident', 'occupationalDisease', 'statutoryCivilServant'])
  exclusion?: 'workAccident' | 'occupationalDisease' | 'statutoryCivilServant';

  @ApiProperty({ example: '9000', description: 'Belgian postal code of the residence' })
  @Matches(/^[1-9]\d{3}$/, { message: 'postalCode must be a Belgian postal code of 4 digits' })
  postalCode!: string;

  @ApiProperty({ enum: ['nl', 'fr', 'de'], description: 'Language of letters' })
  @IsIn(['nl', 'fr', 'de'])
  language!: 'nl' | 'fr' | 'de';
}
