import { DynamicModule, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { EmployerClient, EmploymentServiceClient, LettersClient, MutualityClient, RizivClient } from '@tnw/integrations';
import {
  AuditLog,
  CaseReadModel,
  CaseRegistry,
  dataSourceOptions,
  EpisodeReadModel,
  initializeWhenReachable,
  MonthlyReports,
} from '@tnw/persistence';
import { LoggerModule, PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { CaseActivitiesService } from './case-activities.service';
import { EpisodeActivitiesService } from './episode-activities.service';
import { PartnerActivitiesService } from './partner-activities.service';
import { ReportActivitiesService } from './report-activities.service';
import { loggerOptions } from '../../shared/logger-options';
import { TemporalWorkerService } from './temporal-worker.service';
import { WORKER_OPTIONS, type WorkerAppOptions } from './worker-options';

const fromDataSource = <T>(make: (dataSource: DataSource) => T) => ({
  inject: [getDataSourceToken()],
  useFactory: make,
});

/** Attempts to connect at boot: 1 s apart, doubling up to 5 s (a worker polls at most 5 s after its database is back). */
const CONNECT_RETRY = { initialDelayMs: 1_000, maxDelayMs: 5_000 };
/** A warning at the first failed attempt, then one every this many attempts (about every 30 s). */
const WAIT_LOG_EVERY = 6;

/**
 * Opens the read model's connection before the worker polls (Nest runs every module's
 * `onModuleInit` before any `onApplicationBootstrap`, where TemporalWorkerService starts polling).
 * A worker started while PostgreSQL is away waits for it, however long, and says so, instead of
 * failing after TypeORM's nine attempts three seconds apart and exiting with code 1, which under a
 * supervisor made workers exit every 25 s for as long as an outage lasted. It does not poll
 * meanwhile: every payload it would handle is encrypted with a key read from this database
 * (docs/decisions/0004), so it could only fail the tasks it took from a worker that still has
 * the keys in memory. A wrong password or database name still fails the start at once.
 */
@Injectable()
class ReadModelConnection implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext(ReadModelConnection.name);
  }

  async onModuleInit(): Promise<void> {
    const failures = await initializeWhenReachable(this.dataSource, {
      ...CONNECT_RETRY,
      onUnavailable: ({ attempt, error, retryInMs }) => {
        if (attempt === 1 || attempt % WAIT_LOG_EVERY === 0) {
          this.logger.warn(
            { attempt, retryInMs, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) },
            'read model (PostgreSQL) unreachable; the worker waits for it before polling',
          );
        }
      },
    });
    if (failures > 0) this.logger.info({ afterFailures: failures }, 'read model (PostgreSQL) reachable');
  }
}

@Module({})
export class WorkerModule {
  static forRoot(options: WorkerAppOptions): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        LoggerModule.forRoot(loggerOptions('worker')),
        // Connected by ReadModelConnection, which waits out an outage, instead of TypeORM's retries at import.
        TypeOrmModule.forRoot({ ...dataSourceOptions(options.databaseUrl), manualInitialization: true }),
      ],
      providers: [
        ReadModelConnection,
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
