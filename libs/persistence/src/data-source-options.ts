import type { DataSourceOptions } from 'typeorm';
import { AuditEntryEntity } from './entities/audit-entry.entity';
import { CaseFileEntity } from './entities/case-file.entity';
import { CaseIdempotencyKeyEntity } from './entities/case-idempotency-key.entity';
import { EpisodeNonCooperationEntity } from './entities/episode-non-cooperation.entity';
import { EpisodeTaskNoticeEntity } from './entities/episode-task-notice.entity';
import { EpisodeTaskEntity } from './entities/episode-task.entity';
import { EpisodeEntity } from './entities/episode.entity';
import { InsuredPersonEntity } from './entities/insured-person.entity';
import { MonthlyReportEntity } from './entities/monthly-report.entity';
import { NotificationEntity } from './entities/notification.entity';
import { SubjectKeyEntity } from './entities/subject-key.entity';
import { TaskEntity } from './entities/task.entity';
import { CaseReadModel1763900000000 } from './migrations/1763900000000-case-read-model';
import { TrajectoryPhases1763990000000 } from './migrations/1763990000000-trajectory-phases';
import { Episodes1764000000000 } from './migrations/1764000000000-episodes';
import { MonthlyReports1764100000000 } from './migrations/1764100000000-monthly-reports';
import { SubjectKeys1764140000000 } from './migrations/1764140000000-subject-keys';
import { TaskInbox1764120000000 } from './migrations/1764120000000-task-inbox';
import { CaseList1764125000000 } from './migrations/1764125000000-case-list';
import { CaseIdempotencyKeys1764150000000 } from './migrations/1764150000000-case-idempotency-keys';

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
  SubjectKeyEntity,
  CaseIdempotencyKeyEntity,
];
export const MIGRATIONS = [CaseReadModel1763900000000, TrajectoryPhases1763990000000, Episodes1764000000000, MonthlyReports1764100000000, TaskInbox1764120000000, CaseList1764125000000, SubjectKeys1764140000000, CaseIdempotencyKeys1764150000000];

/**
 * How long opening a connection may take. pg waits for ever by default: with a server that drops
 * packets instead of refusing them (a network cut, a host that is down), a query would hang until
 * the OS gives up, about two minutes, longer than an activity's time-out.
 */
const CONNECT_TIMEOUT_MS = 10_000;

/** Schema changes are migrations, run explicitly before the apps start; never `synchronize`. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    connectTimeoutMS: CONNECT_TIMEOUT_MS,
  };
}
