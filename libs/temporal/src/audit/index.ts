export * from './audit-subject';
export * from './history-export';
export * from './replay';
export * from './timeline';
