export * from './audit-log';
export * from './case-read-model';
export * from './case-registry';
export * from './data-source-options';
export * from './run-migrations';
export { AuditEntryEntity } from './entities/audit-entry.entity';
export { CaseFileEntity } from './entities/case-file.entity';
export { InsuredPersonEntity } from './entities/insured-person.entity';
export { TaskEntity } from './entities/task.entity';
