import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { CaseList, CaseReadModel, CaseRegistry, TaskInbox, EpisodeReadModel, EpisodeRegistry, MonthlyReports } from '@tnw/persistence';
import { LoggerModule } from 'nestjs-pino';
import { loggerOptions } from '../../shared/logger-options';
import { fromDataSource, ReadModelModule } from '../../shared/read-model.module';
import { API_OPTIONS, type ApiAppOptions } from './api-options';
import { AuditController } from './audit/audit.controller';
import { AuditService } from './audit/audit.service';
import { ReplayJobs } from './audit/replay-jobs.service';
import { AccessGuard } from './auth/access.guard';
import { AccessTokenVerifier } from './auth/access-token-verifier';
import { MeController } from './auth/me.controller';
import { RulesController } from './rules/rules.controller';
import { TasksController } from './tasks/tasks.controller';
import { TasksService } from './tasks/tasks.service';
import { CaseStepsController } from './cases/case-steps.controller';
import { CaseStepsService } from './cases/case-steps.service';
import { CasesController } from './cases/cases.controller';
import { CasesService } from './cases/cases.service';
import { CodecController } from './codec/codec.controller';
import { CodecService } from './codec/codec.service';
import { DATA_CONVERTER, dataConverterProvider, type ApiDataConverter } from './data-converter.provider';
import { EPISODE_SETTINGS, episodeSettingsFromEnv } from './episodes/episode-settings';
import { EpisodeStepsController } from './episodes/episode-steps.controller';
import { EpisodeStepsService } from './episodes/episode-steps.service';
import { IncapacitiesController } from './episodes/incapacities.controller';
import { IncapacitiesService } from './episodes/incapacities.service';
import { HealthController } from './health/health.controller';
import { InboundController } from './inbound/inbound.controller';
import { MetricsModule } from './metrics/metrics.module';
import { ReportsController } from './reports/reports.controller';
import { ReportsService } from './reports/reports.service';
import { TemporalClientHolder } from './temporal-client.provider';

@Module({})
export class ApiModule {
  static forRoot(options: ApiAppOptions): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        LoggerModule.forRoot(loggerOptions('api')),
        ReadModelModule.forRoot(options.databaseUrl),
        TerminusModule,
        MetricsModule,
      ],
      controllers: [HealthController, MeController, CasesController, CaseStepsController, IncapacitiesController, EpisodeStepsController, InboundController, ReportsController, TasksController, RulesController, CodecController, AuditController],
      providers: [
        { provide: API_OPTIONS, useValue: options },
        AccessTokenVerifier,
        { provide: APP_GUARD, useClass: AccessGuard },
        dataConverterProvider,
        {
          provide: TemporalClientHolder,
          inject: [API_OPTIONS, DATA_CONVERTER],
          useFactory: async (opts: ApiAppOptions, dataConverter: ApiDataConverter) => {
            const holder = new TemporalClientHolder(opts, dataConverter);
            await holder.connect();
            return holder;
          },
        },
        { provide: CaseRegistry, ...fromDataSource((ds) => new CaseRegistry(ds)) },
        { provide: CaseReadModel, ...fromDataSource((ds) => new CaseReadModel(ds)) },
        { provide: EpisodeRegistry, ...fromDataSource((ds) => new EpisodeRegistry(ds)) },
        { provide: EpisodeReadModel, ...fromDataSource((ds) => new EpisodeReadModel(ds)) },
        { provide: MonthlyReports, ...fromDataSource((ds) => new MonthlyReports(ds)) },
        { provide: TaskInbox, ...fromDataSource((ds) => new TaskInbox(ds)) },
        { provide: CaseList, ...fromDataSource((ds) => new CaseList(ds)) },
        { provide: EPISODE_SETTINGS, useFactory: () => episodeSettingsFromEnv() },
        CasesService,
        CaseStepsService,
        IncapacitiesService,
        EpisodeStepsService,
        ReportsService,
        TasksService,
        CodecService,
        AuditService,
        ReplayJobs,
      ],
    };
  }
}
