import { join, resolve } from 'node:path';

/**
 * The application's worker as `npm start` runs it (dist/apps/worker/src/main.js: the same Nest
 * module, activities, bundle, connection and settings, e.g. TNW_MAX_CACHED_WORKFLOWS), with one
 * benchmark setting the app has no configuration for:
 * - BENCH_NO_SCHEDULES: skip the monthly report's Schedule, which Temporal's time-skipping test
 *   server does not implement, and which on a shared server belongs to that server's own workers.
 */
const buildRoot = resolve(__dirname, '..', '..');

if (process.env.BENCH_NO_SCHEDULES) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const schedules = require(join(buildRoot, 'libs', 'temporal', 'src', 'monthly-report-schedule.js')) as {
    ensureMonthlyReportSchedule: () => Promise<'created' | 'exists'>;
  };
  schedules.ensureMonthlyReportSchedule = async () => 'exists';
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
require(join(buildRoot, 'apps', 'worker', 'src', 'main.js'));
