import type { DataSourceOptions } from 'typeorm';
import { AuditEntryEntity } from './entities/audit-entry.entity';
import { CaseFileEntity } from './entities/case-file.entity';
import { InsuredPersonEntity } from './entities/insured-person.entity';
import { TaskEntity } from './entities/task.entity';
import { CaseReadModel1763900000000 } from './migrations/1763900000000-case-read-model';

export const ENTITIES = [InsuredPersonEntity, CaseFileEntity, TaskEntity, AuditEntryEntity];
export const MIGRATIONS = [CaseReadModel1763900000000];

/** Schema changes are migrations, run explicitly before the apps start; never `synchronize`. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return { type: 'postgres', url, entities: ENTITIES, migrations: MIGRATIONS, migrationsRun: false, synchronize: false };
}
