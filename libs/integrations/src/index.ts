export * from './mutuality-client';
export * from './partner-http';
