export * from './actor';
export * from './task-queues';
export * from './trajectory';
export * from './activities';
export * from './workflow-types';
