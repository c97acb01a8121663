import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { loggerOptions } from '../../shared/logger-options';
import { MutualityController } from './mutuality/mutuality.controller';
import { AdminController } from './simulation/admin.controller';
import { FaultInjectionMiddleware } from './simulation/fault-injection.middleware';
import { SimulationState } from './simulation/simulation-state';

const PARTNER_CONTROLLERS = [MutualityController];

@Module({
  imports: [LoggerModule.forRoot(loggerOptions('partners'))],
  controllers: [AdminController, ...PARTNER_CONTROLLERS],
  providers: [SimulationState],
})
export class PartnersModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(FaultInjectionMiddleware).forRoutes(...PARTNER_CONTROLLERS);
  }
}
