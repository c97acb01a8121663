import { Body, Controller, Get, HttpCode, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { NationalNumberField } from '../simulation/fields';
import { LetterOffice, type LetterRecord } from './letter-office';

class EboxActivationDto {
  @NationalNumberField()
  nationalNumber!: string;

  @ApiProperty()
  @IsBoolean()
  activated!: boolean;
}

/** Lets tests choose a person's channel and count the letters a case received. */
@ApiTags('simulation')
@Controller('_admin/letters')
export class LettersAdminController {
  constructor(private readonly office: LetterOffice) {}

  @Put('ebox')
  @HttpCode(204)
  @ApiOperation({ summary: "Set whether a person activated their eBox, overriding the simulator's rule (even serial number)" })
  setEbox(@Body() { nationalNumber, activated }: EboxActivationDto): void {
    this.office.setEboxActivation(nationalNumber, activated);
  }

  @Get()
  @ApiOperation({ summary: 'The letters sent, optionally of one case; without national numbers' })
  @ApiQuery({ name: 'caseId', required: false })
  list(@Query('caseId') caseId?: string): LetterRecord[] {
    return this.office.list(caseId);
  }
}
