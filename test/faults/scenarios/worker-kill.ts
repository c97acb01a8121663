import { trajectoriesUnder, verifyBatch } from '../support/batch';
import { sleep, type Context, type Scenario } from '../support/scenario';

/**
 * N trajectories while a random worker is killed with SIGKILL every few seconds (the supervisor
 * starts it again a second later, as systemd or compose would): every case completes, and no
 * partner has a letter, payment or registration twice, or none.
 */
export const workerKill: Scenario = {
  name: 'worker-kill',
  title: 'a worker killed with SIGKILL at random moments',
  async run(context: Context) {
    const { cluster, random, flags } = context;
    let kills = 0;
    const outcome = await trajectoriesUnder(context, flags.cases, async (signal) => {
      while (!signal.aborted) {
        await sleep(random.int(flags.killMin * 1000, flags.killMax * 1000));
        if (signal.aborted) break;
        const worker = random.pick(cluster.workers);
        if (worker.kill('SIGKILL')) kills++;
      }
    });
    const { figures, failures } = await verifyBatch(context, outcome, flags.cases, { attempts: true });
    const restarts = cluster.workers.map((w) => `${w.name} ${w.starts - 1}`).join(', ');
    figures.unshift(
      `${kills} SIGKILLs of a worker, one every ${flags.killMin}-${flags.killMax} s (restarts so far: ${restarts}); ${flags.concurrency} trajectories at a time`,
    );
    return { figures, failures, gaps: [] };
  },
};
