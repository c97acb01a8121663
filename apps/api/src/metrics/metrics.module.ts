import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { ApiMetrics } from './api-metrics';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { MetricsController } from './metrics.controller';
import { TaskQueueProbe } from './task-queue-probe';

/** GET /metrics, the HTTP timing of every route, and the task queue probe that /health uses. */
@Module({
  controllers: [MetricsController],
  providers: [ApiMetrics, TaskQueueProbe],
  exports: [TaskQueueProbe],
})
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
