import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
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

  @ApiPropertyOptional({ description: "Route B: the advising physician agreed that health allows a trajectory (D14). Route A implies it" })
  @IsOptional()
  @IsBoolean()
  advisingPhysicianAgrees?: boolean;

  @ApiPropertyOptional({ description: 'Route C: the mutuality confirmed invalidity (D15)' })
  @IsOptional()
  @IsBoolean()
  invalidityConfirmedByMutuality?: boolean;

  @ApiProperty({ example: '9000', description: 'Belgian postal code of the residence' })
  @Matches(/^[1-9]\d{3}$/, { message: 'postalCode must be a Belgian postal code of 4 digits' })
  postalCode!: string;

  @ApiProperty({ enum: ['nl', 'fr', 'de'], description: 'Language of letters' })
  @IsIn(['nl', 'fr', 'de'])
  language!: 'nl' | 'fr' | 'de';
}

export class FirstContactDto {
  @ApiProperty({ example: '2026-03-02', description: 'Day the first conversation took place (YYYY-MM-DD)' })
  @IsCalendarDate()
  heldOn!: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'Why, in the coordinator\'s words (no medical details)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
