import { Worker, type WorkerOptions } from '@temporalio/worker';
import { join, resolve } from 'node:path';

/**
 * The application's worker as `npm start` runs it (dist/apps/worker/src/main.js: the same Nest
 * module, activities, bundle and connection), with two benchmark settings the app has no
 * configuration for:
 * - BENCH_MAX_CACHED_WORKFLOWS: the sticky cache size (the SDK's default, about 600 per GiB of
 *   heap above 200 MiB, when unset or empty);
 * - BENCH_NO_SCHEDULES: skip the monthly report's Schedule, which Temporal's time-skipping test
 *   server does not implement.
 */
const buildRoot = resolve(__dirname, '..', '..');

const maxCachedWorkflows = Number(process.env.BENCH_MAX_CACHED_WORKFLOWS || 0);
if (maxCachedWorkflows > 0) {
  const create = Worker.create.bind(Worker);
  Worker.create = (options: WorkerOptions) => create({ ...options, maxCachedWorkflows });
}

if (process.env.BENCH_NO_SCHEDULES) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const schedules = require(join(buildRoot, 'libs', 'temporal', 'src', 'monthly-report-schedule.js')) as {
    ensureMonthlyReportSchedule: () => Promise<'created' | 'exists'>;
  };
  schedules.ensureMonthlyReportSchedule = async () => 'exists';
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
require(join(buildRoot, 'apps', 'worker', 'src', 'main.js'));
