import type { DataSourceOptions } from 'typeorm';
import { AuditEntryEntity } from './entities/audit-entry.entity';
import { CaseFileEntity } from './entities/case-file.entity';
import { EpisodeNonCooperationEntity } from './entities/episode-non-cooperation.entity';
import { EpisodeTaskNoticeEntity } from './entities/episode-task-notice.entity';
import { EpisodeTaskEntity } from './entities/episode-task.entity';
import { EpisodeEntity } from './entities/episode.entity';
import { InsuredPersonEntity } from './entities/insured-person.entity';
import { MonthlyReportEntity } from './entities/monthly-report.entity';
import { NotificationEntity } from './entities/notification.entity';
import { TaskEntity } from './entities/task.entity';
import { CaseReadModel1763900000000 } from './migrations/1763900000000-case-read-model';
import { TrajectoryPhases1763990000000 } from './migrations/1763990000000-trajectory-phases';
import { Episodes1764000000000 } from './migrations/1764000000000-episodes';
import { MonthlyReports1764100000000 } from './migrations/1764100000000-monthly-reports';

export const ENTITIES = [
  InsuredPersonEntity,
  CaseFileEntity,
  TaskEntity,
  AuditEntryEntity,
  NotificationEntity,
  EpisodeEntity,
  EpisodeTaskEntity,
  EpisodeTaskNoticeEntity,
  EpisodeNonCooperationEntity,
  MonthlyReportEntity,
];
export const MIGRATIONS = [CaseReadModel1763900000000, TrajectoryPhases1763990000000, Episodes1764000000000, MonthlyReports1764100000000];

/** Schema changes are migrations, run explicitly before the apps start; never `synchronize`. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return { type: 'postgres', url, entities: ENTITIES, migrations: MIGRATIONS, migrationsRun: false, synchronize: false };
}
