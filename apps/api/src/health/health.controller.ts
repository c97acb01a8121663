import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { PublicEndpoint } from '../auth/access.decorators';
import { TemporalClientHolder } from '../temporal-client.provider';

@ApiTags('health')
@PublicEndpoint()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly temporal: TemporalClientHolder,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: '200 only when both PostgreSQL and Temporal answer; 503 otherwise' })
  check() {
    return this.health.check([() => this.database.pingCheck('postgres', { timeout: 2000 }), () => this.temporalCheck()]);
  }

  @Get('live')
  @ApiOperation({ summary: 'The process is up (no dependency checked)' })
  live() {
    return { status: 'ok' };
  }

  private async temporalCheck() {
    const session = this.indicators.check('temporal');
    try {
      const { connection } = this.temporal.client;
      await connection.withDeadline(Date.now() + 2000, () => connection.workflowService.getSystemInfo({}));
      return session.up();
    } catch (error) {
      return session.down({ message: String(error) });
    }
  }
}
