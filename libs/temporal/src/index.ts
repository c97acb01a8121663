export * from './connection-config';
export * from './monthly-report-schedule';
export * from './repo-root';
export * from './workflow-bundle';
export * from './runtime';
export * from './search-attributes';
export * from './audit';
export * from './codec';
