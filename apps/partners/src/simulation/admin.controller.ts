import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsNumber, IsOptional, IsString, IsUrl, Max, Min } from 'class-validator';
import { CallbackCredentials } from './callback-credentials';
import { ParseOneOfPipe } from './parse-one-of.pipe';
import { FaultSettings, PartnerName, PARTNERS, SimulationState } from './simulation-state';

class FaultSettingsDto implements FaultSettings {
  @ApiProperty({ minimum: 0, maximum: 1, description: 'Share of partner requests answered 503 before any effect' })
  @IsNumber()
  @Min(0)
  @Max(1)
  failureRate!: number;

  @ApiProperty({ minimum: 0, maximum: 60_000, description: 'Delay added to every partner request' })
  @IsNumber()
  @Min(0)
  @Max(60_000)
  latencyMs!: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 1,
    default: 0,
    description: 'Share of callbacks delivered twice with the same event ID',
  })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  duplicateRate: number = 0;
}

class CallbackTargetDto {
  @ApiProperty({ example: 'http://127.0.0.1:3000', description: 'Base URL of our API; events go to <url>/inbound/...' })
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  url!: string;

  @ApiPropertyOptional({ example: 'http://127.0.0.1:3200/token', description: 'Token endpoint for the client-credentials grant (default: env CALLBACK_TOKEN_URL)' })
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  tokenUrl?: string;

  @ApiPropertyOptional({ example: 'partner-gateway' })
  @IsOptional()
  @IsString()
  clientId?: string;

  @ApiPropertyOptional({ example: 'dev-partner-secret' })
  @IsOptional()
  @IsString()
  clientSecret?: string;
}

/** Controls of the simulation for tests and demos; not part of any real partner's API. */
@ApiTags('simulation')
@Controller('_admin')
export class AdminController {
  constructor(
    private readonly state: SimulationState,
    private readonly credentials: CallbackCredentials,
  ) {}

  @Put('faults')
  @ApiOperation({ summary: 'Set the faults of every partner that has no override of its own' })
  setFaults(@Body() faults: FaultSettingsDto): FaultSettings {
    this.state.setFaults(faults);
    return faults;
  }

  @Put('faults/:partner')
  @ApiOperation({ summary: "Override one partner's faults until the next reset" })
  @ApiParam({ name: 'partner', enum: PARTNERS })
  setPartnerFaults(
    @Param('partner', new ParseOneOfPipe(PARTNERS)) partner: PartnerName,
    @Body() faults: FaultSettingsDto,
  ): FaultSettings {
    this.state.setFaults(faults, partner);
    return faults;
  }

  @Put('callback')
  @ApiOperation({ summary: 'Set the base URL partners call in to (default: env CALLBACK_URL)' })
  setCallback(@Body() target: CallbackTargetDto): CallbackTargetDto {
    this.state.callbackUrl = target.url;
    const { tokenUrl, clientId, clientSecret } = target;
    this.credentials.set(tokenUrl && clientId && clientSecret ? { tokenUrl, clientId, clientSecret } : undefined);
    return { url: target.url, tokenUrl, clientId };
  }

  @Get('effects')
  @ApiOperation({ summary: 'The effects of every partner, one per idempotency key' })
  effects() {
    return this.state.listEffects();
  }

  @Post('reset')
  @HttpCode(204)
  @ApiOperation({ summary: 'Forget every record, effect, fault and callback URL set at run time' })
  reset(): void {
    this.state.reset();
    this.credentials.set(undefined);
  }
}
