export * from './actor';
export * from './task-queues';
export * from './trajectory';
export * from './activities';
export * from './workflow-types';
export * from './training-review';
export * from './step-roles';
export * from './episode';
