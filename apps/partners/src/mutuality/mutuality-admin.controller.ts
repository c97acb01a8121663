import { Body, Controller, HttpCode, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { CalendarDateField, NationalNumberField } from '../simulation/fields';
import { InvalidityRegister } from './invalidity-register';

class InvalidityDto {
  @NationalNumberField()
  nationalNumber!: string;

  @CalendarDateField('First day of invalidity; null or absent: not in invalidity', { required: false, nullable: true })
  @IsOptional()
  since?: string | null;
}

/** Lets tests put a person in invalidity, or take them out, whatever their birth year. */
@ApiTags('simulation')
@Controller('_admin/mutuality')
export class MutualityAdminController {
  constructor(private readonly invalidity: InvalidityRegister) {}

  @Put('invalidity')
  @HttpCode(204)
  @ApiOperation({
    summary: "Set since when a person is in invalidity (null: not), overriding the simulator's rule (born before 1970)",
  })
  set(@Body() { nationalNumber, since }: InvalidityDto): void {
    this.invalidity.set(nationalNumber, since ?? null);
  }
}
