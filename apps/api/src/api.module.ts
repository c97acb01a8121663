import { DynamicModule, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { CaseReadModel, CaseRegistry, dataSourceOptions } from '@tnw/persistence';
import { LoggerModule } from 'nestjs-pino';
import type { DataSource } from 'typeorm';
import { loggerOptions } from '../../shared/logger-options';
import { API_OPTIONS, type ApiAppOptions } from './api-options';
import { CaseStepsController } from './cases/case-steps.controller';
import { CaseStepsService } from './cases/case-steps.service';
import { CasesController } from './cases/cases.controller';
import { CasesService } from './cases/cases.service';
import { HealthController } from './health/health.controller';
import { TemporalClientHolder } from './temporal-client.provider';

const fromDataSource = <T>(make: (dataSource: DataSource) => T) => ({ inject: [getDataSourceToken()], useFactory: make });

@Module({})
export class ApiModule {
  static forRoot(options: ApiAppOptions): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        LoggerModule.forRoot(loggerOptions('api')),
        TypeOrmModule.forRoot(dataSourceOptions(options.databaseUrl)),
        TerminusModule,
      ],
      controllers: [HealthController, CasesController, CaseStepsController],
      providers: [
        { provide: API_OPTIONS, useValue: options },
        {
          provide: TemporalClientHolder,
          inject: [API_OPTIONS],
          useFactory: async (opts: ApiAppOptions) => {
            const holder = new TemporalClientHolder(opts);
            await holder.connect();
            return holder;
          },
        },
        { provide: CaseRegistry, ...fromDataSource((ds) => new CaseRegistry(ds)) },
        { provide: CaseReadModel, ...fromDataSource((ds) => new CaseReadModel(ds)) },
        CasesService,
        CaseStepsService,
      ],
    };
  }
}
