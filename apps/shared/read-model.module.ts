import { DynamicModule, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions, initializeWhenReachable } from '@tnw/persistence';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';

/** Attempts to connect at boot: 1 s apart, doubling up to 5 s (an app starts at most 5 s after its database is back). */
const CONNECT_RETRY = { initialDelayMs: 1_000, maxDelayMs: 5_000 };
/** A warning at the first failed attempt, then one every this many attempts (about every 30 s). */
const WAIT_LOG_EVERY = 6;

/**
 * Opens the read model's connection while the app starts (Nest runs every module's `onModuleInit`
 * before any `onApplicationBootstrap`, where the worker starts polling, and before the API
 * listens). An app started while PostgreSQL is away waits for it, however long, and says so,
 * instead of failing after TypeORM's nine attempts three seconds apart and exiting with code 1,
 * which under a supervisor made the processes exit every 25 s for as long as an outage lasted.
 * Meanwhile the worker does not poll (every payload is encrypted with a key read from this
 * database, docs/decisions/0004) and the API does not listen. A wrong password or database name
 * still fails the start at once.
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
            'read model (PostgreSQL) unreachable; waiting for it before starting',
          );
        }
      },
    });
    if (failures > 0) this.logger.info({ afterFailures: failures }, 'read model (PostgreSQL) reachable');
  }
}

/** The read model's DataSource, connected at start however long PostgreSQL takes to answer (the worker and the API). */
@Module({})
export class ReadModelModule {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: ReadModelModule,
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl), manualInitialization: true })],
      providers: [ReadModelConnection],
    };
  }
}

/** A provider made from the read model's DataSource: `{ provide: CaseRegistry, ...fromDataSource((ds) => new CaseRegistry(ds)) }`. */
export const fromDataSource = <T>(make: (dataSource: DataSource) => T) => ({
  inject: [getDataSourceToken()],
  useFactory: make,
});
