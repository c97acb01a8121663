import { DynamicModule, Module } from '@nestjs/common';
import { EmployerClient, EmploymentServiceClient, LettersClient, MutualityClient, RizivClient } from '@tnw/integrations';
import { AuditLog, CaseReadModel, CaseRegistry, EpisodeReadModel, MonthlyReports } from '@tnw/persistence';
import { LoggerModule } from 'nestjs-pino';
import { CaseActivitiesService } from './case-activities.service';
import { EpisodeActivitiesService } from './episode-activities.service';
import { PartnerActivitiesService } from './partner-activities.service';
import { ReportActivitiesService } from './report-activities.service';
import { loggerOptions } from '../../shared/logger-options';
import { fromDataSource, ReadModelModule } from '../../shared/read-model.module';
import { TemporalWorkerService } from './temporal-worker.service';
import { WORKER_OPTIONS, type WorkerAppOptions } from './worker-options';

@Module({})
export class WorkerModule {
  static forRoot(options: WorkerAppOptions): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        LoggerModule.forRoot(loggerOptions('worker')),
        ReadModelModule.forRoot(options.databaseUrl),
      ],
      providers: [
        { provide: WORKER_OPTIONS, useValue: options },
        { provide: CaseRegistry, ...fromDataSource((ds) => new CaseRegistry(ds)) },
        { provide: CaseReadModel, ...fromDataSource((ds) => new CaseReadModel(ds)) },
        { provide: AuditLog, ...fromDataSource((ds) => new AuditLog(ds)) },
        { provide: EpisodeReadModel, ...fromDataSource((ds) => new EpisodeReadModel(ds)) },
        { provide: MonthlyReports, ...fromDataSource((ds) => new MonthlyReports(ds)) },
        { provide: MutualityClient, useFactory: () => new MutualityClient(options.partnersUrl) },
        { provide: LettersClient, useFactory: () => new LettersClient(options.partnersUrl) },
        { provide: RizivClient, useFactory: () => new RizivClient(options.partnersUrl) },
        { provide: EmploymentServiceClient, useFactory: () => new EmploymentServiceClient(options.partnersUrl) },
        { provide: EmployerClient, useFactory: () => new EmployerClient(options.partnersUrl) },
        CaseActivitiesService,
        PartnerActivitiesService,
        EpisodeActivitiesService,
        ReportActivitiesService,
        TemporalWorkerService,
      ],
    };
  }
}
