import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IsNumber, Max, Min } from 'class-validator';
import { SimulationState } from './simulation-state';

class FaultSettingsDto {
  @IsNumber()
  @Min(0)
  @Max(1)
  failureRate!: number;

  @IsNumber()
  @Min(0)
  @Max(60_000)
  latencyMs!: number;
}

/** Controls of the simulation for tests and demos; not part of any real partner's API. */
@ApiTags('simulation')
@Controller('_admin')
export class AdminController {
  constructor(private readonly state: SimulationState) {}

  @Put('faults')
  setFaults(@Body() faults: FaultSettingsDto) {
    this.state.faults = { ...faults };
    return this.state.faults;
  }

  @Get('effects')
  effects() {
    return this.state.listEffects();
  }

  @Post('reset')
  @HttpCode(204)
  reset(): void {
    this.state.reset();
  }
}
