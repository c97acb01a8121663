import { waitForPort } from '../../../scripts/devstack/ports';
import { TEMPORAL_SERVICES, type TemporalService } from '../../../scripts/cluster/cluster';
import { trajectoriesUnder, verifyBatch } from '../support/batch';
import { seconds, sleep, type Context, type Scenario } from '../support/scenario';

/** Where each service listens once it is up (tnw.yaml): gRPC, but Temporal's worker service serves none, only its membership port. */
const READY_PORTS: Record<TemporalService, number> = { frontend: 7233, history: 7234, matching: 7235, worker: 6939 };

/**
 * N trajectories while the Temporal server's processes are restarted one by one (SIGTERM, then
 * start), then all four at once with SIGKILL: every case resumes and completes, once.
 */
export const temporalRestart: Scenario = {
  name: 'temporal-restart',
  title: "Temporal's processes restarted mid-run",
  async run(context: Context) {
    const { cluster, random, flags, say } = context;
    const done: string[] = [];
    const outcome = await trajectoriesUnder(context, flags.restartCases, async (signal) => {
      const plan: Array<{ services: readonly TemporalService[]; how: 'graceful' | 'kill' }> = [
        ...random.shuffle([...TEMPORAL_SERVICES]).map((service) => ({ services: [service], how: 'graceful' as const })),
        { services: TEMPORAL_SERVICES, how: 'kill' },
      ];
      // A few seconds apart, so that all five fall inside the run on a fast machine too (60
      // trajectories took 48 s on one, 158 s on another).
      for (const step of plan) {
        await sleep(random.int(3000, 6000));
        if (signal.aborted) break;
        const started = Date.now();
        await Promise.all(step.services.map((service) => cluster.temporal[service].restart(step.how)));
        // Back when each restarted service listens again (READY_PORTS + the offset).
        const offset = Number(cluster.temporalAddress.split(':')[1]) - 7233;
        try {
          await Promise.all(
            step.services.map((service) => waitForPort(READY_PORTS[service] + offset, 120_000, `Temporal ${service}`)),
          );
        } catch (error) {
          say(`  ${String(error)}`);
        }
        const label = `${step.services.length === 4 ? 'all four' : step.services[0]} (${step.how === 'kill' ? 'SIGKILL' : 'SIGTERM'}) back in ${seconds(Date.now() - started)}`;
        done.push(label);
        say(`  restarted ${label}`);
      }
    });
    const { figures, failures } = await verifyBatch(context, outcome, flags.restartCases, { attempts: true });
    figures.unshift(`restarts: ${done.join('; ') || 'none (the trajectories ended first)'}`);
    if (done.length < 5)
      failures.push(
        `only ${done.length} of the 5 planned restarts happened before the trajectories ended: raise --restart-cases`,
      );
    return { figures, failures, gaps: [] };
  },
};
