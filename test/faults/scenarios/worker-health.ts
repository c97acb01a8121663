import { seconds, sleep, type Context, type Scenario } from '../support/scenario';

/** Every worker stopped: the API's /health turns red (503, workers down), and green again once one polls. */
export const workerHealth: Scenario = {
  name: 'worker-health',
  title: '/health turns red when no worker can poll',
  async run({ cluster }: Context) {
    const figures: string[] = [];
    const failures: string[] = [];
    const health = async () => {
      const response = await fetch(`${cluster.apiUrls[1] ?? cluster.apiUrls[0]}/health`);
      return { status: response.status, body: (await response.json()) as { error?: Record<string, { message?: string }> } };
    };
    const until = async (want: number, timeoutMs: number) => {
      const started = Date.now();
      for (;;) {
        const answer = await health();
        if (answer.status === want) return { ms: Date.now() - started, answer };
        if (Date.now() - started > timeoutMs) return { ms: -1, answer };
        await sleep(1000);
      }
    };
    const before = await health();
    if (before.status !== 200) failures.push(`/health was ${before.status} before the workers stopped`);
    await Promise.all(cluster.workers.map((worker) => worker.stop()));
    const red = await until(503, 180_000);
    if (red.ms < 0) failures.push('/health stayed 200 for 3 minutes without any worker');
    else
      figures.push(
        `all workers stopped: /health answered 503 after ${seconds(red.ms)} (${JSON.stringify(red.answer.body.error?.workers ?? {}).slice(0, 160)})`,
      );
    for (const worker of cluster.workers) worker.start();
    const green = await until(200, 120_000);
    if (green.ms < 0) failures.push('/health did not turn 200 within 2 minutes of the workers starting again');
    else figures.push(`workers started again: /health answered 200 after ${seconds(green.ms)}`);
    return { figures, failures, gaps: [] };
  },
};
