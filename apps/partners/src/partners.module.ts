import { MiddlewareConsumer, Module, NestModule, type Type } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { loggerOptions } from '../../shared/logger-options';
import { EmployerAdminController } from './employer/employer-admin.controller';
import { EmployerController } from './employer/employer.controller';
import { PreventionService } from './employer/prevention-service';
import { EmploymentServiceDesk } from './employment-services/employment-service-desk';
import { EmploymentServicesAdminController } from './employment-services/employment-services-admin.controller';
import { EmploymentServicesController } from './employment-services/employment-services.controller';
import { LetterOffice } from './letters/letter-office';
import { LettersAdminController } from './letters/letters-admin.controller';
import { LettersController } from './letters/letters.controller';
import { InvalidityRegister } from './mutuality/invalidity-register';
import { MutualityAdminController } from './mutuality/mutuality-admin.controller';
import { MutualityController } from './mutuality/mutuality.controller';
import { RizivController } from './riziv/riziv.controller';
import { AdminController } from './simulation/admin.controller';
import { CallbackCredentials } from './simulation/callback-credentials';
import { CallbackSender } from './simulation/callback-sender';
import { injectFaults } from './simulation/fault-injection.middleware';
import { PartnerName, PARTNERS, SimulationState } from './simulation/simulation-state';

/** Each partner's own API; faults are injected here, never in the /_admin controllers or /docs. */
const PARTNER_CONTROLLERS: Record<PartnerName, Type> = {
  mutuality: MutualityController,
  letters: LettersController,
  riziv: RizivController,
  'employment-services': EmploymentServicesController,
  employer: EmployerController,
};

const ADMIN_CONTROLLERS = [
  AdminController,
  MutualityAdminController,
  LettersAdminController,
  EmploymentServicesAdminController,
  EmployerAdminController,
];

@Module({
  imports: [LoggerModule.forRoot(loggerOptions('partners'))],
  controllers: [...ADMIN_CONTROLLERS, ...Object.values(PARTNER_CONTROLLERS)],
  providers: [SimulationState, CallbackCredentials, CallbackSender, InvalidityRegister, LetterOffice, EmploymentServiceDesk, PreventionService],
})
export class PartnersModule implements NestModule {
  constructor(private readonly state: SimulationState) {}

  configure(consumer: MiddlewareConsumer): void {
    for (const partner of PARTNERS) consumer.apply(injectFaults(this.state, partner)).forRoutes(PARTNER_CONTROLLERS[partner]);
  }
}
