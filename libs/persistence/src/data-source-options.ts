import type { DataSourceOptions } from 'typeorm';
import { AuditEntryEntity } from './entities/audit-entry.entity';
import { CaseFileEntity } from './entities/case-file.entity';
import { InsuredPersonEntity } from './entities/insured-person.entity';
import { NotificationEntity } from './entities/notification.entity';
import { TaskEntity } from './entities/task.entity';
import { CaseReadModel1763900000000 } from './migrations/1763900000000-case-read-model';
import { TrajectoryPhases1763990000000 } from './migrations/1763990000000-trajectory-phases';

export const ENTITIES = [InsuredPersonEntity, CaseFileEntity, TaskEntity, AuditEntryEntity, NotificationEntity];
export const MIGRATIONS = [CaseReadModel1763900000000, TrajectoryPhases1763990000000];

/** Schema changes are migrations, run explicitly before the apps start; never `synchronize`. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return { type: 'postgres', url, entities: ENTITIES, migrations: MIGRATIONS, migrationsRun: false, synchronize: false };
}
