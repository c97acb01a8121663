import { NativeConnection, Worker } from '@temporalio/worker';
import { workerTuningSettings } from '../apps/worker/src/worker-tuning';

/**
 * The bare engine's worker, in its own process like the application's worker: it serves the
 * bare workflows (bench/workflows/bare.ts) from the bundle the benchmark built, with the
 * application worker's own settings of the sticky cache and the workflow threads
 * (TNW_MAX_CACHED_WORKFLOWS, TNW_WORKFLOW_THREADS; the SDK's defaults when unset or empty).
 * The SDK's runtime stops it on SIGTERM.
 */
async function main(): Promise<void> {
  const [address, taskQueue, codePath] = ['TEMPORAL_ADDRESS', 'BENCH_TASK_QUEUE', 'BENCH_WORKFLOW_BUNDLE'].map((name) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set: the benchmark starts this process`);
    return value;
  });
  const tuning = workerTuningSettings();
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({ connection, taskQueue, workflowBundle: { codePath }, ...tuning });
  const { maxCachedWorkflows, workflowThreadPoolSize } = worker.options;
  console.log(JSON.stringify({ msg: 'worker polling', taskQueue, maxCachedWorkflows, workflowThreadPoolSize }));
  await worker.run();
  await connection.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
