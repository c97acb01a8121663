export * from './employer-client';
export * from './employment-service-client';
export * from './inbound-events';
export * from './letters-client';
export * from './mutuality-client';
export * from './partner-http';
export * from './riziv-client';
