import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { PublicEndpoint } from '../auth/access.decorators';
import { TaskQueueProbe } from '../metrics/task-queue-probe';
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
    private readonly taskQueue: TaskQueueProbe,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: '200 only when PostgreSQL and Temporal answer and a worker polls the task queue; 503 otherwise' })
  check() {
    return this.health.check([
      () => this.database.pingCheck('postgres', { timeout: 2000 }),
      () => this.temporalCheck(),
      () => this.workersCheck(),
    ]);
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

  /**
   * Red when no worker has polled the task queue lately, for workflow or for activity tasks: cases
   * would then wait however healthy the API is. Temporal's matching service says who polled
   * (DescribeTaskQueue), which also catches a worker that runs but cannot reach Temporal.
   */
  private async workersCheck() {
    const session = this.indicators.check('workers');
    try {
      const { taskQueue, workflow, activity } = await this.taskQueue.state();
      const details = { taskQueue, workflowPollers: workflow.activePollers, activityPollers: activity.activePollers, backlog: workflow.backlog, activityBacklog: activity.backlog };
      if (workflow.activePollers > 0 && activity.activePollers > 0) return session.up(details);
      return session.down({ ...details, message: `no worker polled ${taskQueue} in the last ${this.taskQueue.maxPollAgeSeconds} s` });
    } catch (error) {
      return session.down({ message: String(error) });
    }
  }
}
