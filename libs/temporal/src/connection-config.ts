import { CASES_TASK_QUEUE } from '@tnw/contracts';

/** How clients and workers reach Temporal; every value can be set from the environment. */
export interface TemporalConnectionConfig {
  address: string;
  namespace: string;
  taskQueue: string;
}

export function temporalConnectionConfig(env: NodeJS.ProcessEnv = process.env): TemporalConnectionConfig {
  return {
    address: env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233',
    namespace: env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: env.TEMPORAL_TASK_QUEUE ?? CASES_TASK_QUEUE,
  };
}
