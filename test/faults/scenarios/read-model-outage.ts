/* eslint-disable @typescript-eslint/no-explicit-any -- case views are read loosely */
import { trajectoriesUnder, verifyBatch } from '../support/batch';
import { pool } from '../support/driver';
import { seconds, sleep, type Context, type Scenario } from '../support/scenario';

/**
 * The read model's PostgreSQL stops for 60 s while N trajectories run (the apps' database; Temporal
 * keeps its own): the API answers 503 meanwhile, the projections are retried, and afterwards every
 * case in the read model matches the workflow's own state.
 */
export const readModelOutage: Scenario = {
  name: 'read-model-outage',
  title: 'PostgreSQL of the read model unreachable (--outage-seconds, 60 by default)',
  async run(context: Context) {
    const { cluster, driver, flags, say } = context;
    const observed: string[] = [];
    let restoredAt = 0;
    const outcome = await trajectoriesUnder(context, flags.outageCases, async () => {
      await sleep(10_000);
      await cluster.appPostgres.stop();
      const stoppedAt = Date.now();
      say(`  read model PostgreSQL stopped for ${flags.outageSeconds} s`);
      await sleep(Math.min(5000, flags.outageSeconds * 500));
      const health = await fetch(`${cluster.apiUrls[0]}/health`).then(
        async (r) => `${r.status} ${JSON.stringify(((await r.json()) as { error?: unknown }).error ?? {})}`,
        String,
      );
      observed.push(`/health during the outage: ${health.slice(0, 160)}`);
      await sleep(Math.max(0, flags.outageSeconds * 1000 - (Date.now() - stoppedAt)));
      await cluster.appPostgres.start();
      restoredAt = Date.now();
      say('  read model PostgreSQL back');
    });
    const { figures, failures, caseIds } = await verifyBatch(context, outcome, flags.outageCases);
    figures.unshift(`outage: ${flags.outageSeconds} s, 10 s into the run; ${observed.join('; ')}`);

    // Convergence: the read model against the workflow's live state, for every case.
    const compare = async () => {
      const views = await pool(caseIds.length, 10, (i) => driver.caseView(caseIds[i]));
      return views.flatMap((view, i) => {
        if (view.status !== 'fulfilled') return [`${caseIds[i]}: unreadable`];
        const v: any = view.value;
        const stale = v.status !== v.live?.status || (v.status === 'completed' && v.openTasks.length > 0);
        return stale ? [`${caseIds[i]}: read model ${v.status} (${v.openTasks.length} tasks), workflow ${v.live?.status}`] : [];
      });
    };
    let stale = await compare();
    const deadline = Date.now() + 5 * 60_000;
    while (stale.length && Date.now() < deadline) {
      await sleep(5000);
      stale = await compare();
    }
    figures.push(
      `read model vs workflows after the outage: ${caseIds.length - stale.length}/${caseIds.length} cases match (status and open tasks), ${stale.length} stale; converged ${restoredAt ? seconds(Date.now() - restoredAt) : '?'} after PostgreSQL came back at the latest`,
    );
    if (stale.length) failures.push(`stale read model: ${stale.slice(0, 5).join('; ')}`);
    const rows = await countRows(cluster.databaseUrl, caseIds);
    figures.push(`case_file rows for the ${caseIds.length} cases: ${rows}`);
    if (rows !== caseIds.length) failures.push(`${caseIds.length - rows} cases missing from the read model`);
    return { figures, failures, gaps: [] };
  },
};

async function countRows(databaseUrl: string, caseIds: string[]): Promise<number> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query('SELECT count(*)::int AS n FROM case_file WHERE id = ANY($1::uuid[])', [caseIds]);
    return result.rows[0].n;
  } finally {
    await client.end();
  }
}
