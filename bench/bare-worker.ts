import { NativeConnection, Worker } from '@temporalio/worker';

/**
 * The bare engine's worker, in its own process like the application's worker: it serves the
 * bare workflows (bench/workflows/bare.ts) from the bundle the benchmark built, with the same
 * sticky cache size as the application's worker (BENCH_MAX_CACHED_WORKFLOWS, the SDK's default
 * when unset or empty). The SDK's runtime stops it on SIGTERM.
 */
async function main(): Promise<void> {
  const [address, taskQueue, codePath] = ['TEMPORAL_ADDRESS', 'BENCH_TASK_QUEUE', 'BENCH_WORKFLOW_BUNDLE'].map((name) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set: the benchmark starts this process`);
    return value;
  });
  const maxCachedWorkflows = Number(process.env.BENCH_MAX_CACHED_WORKFLOWS || 0) || undefined;
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({ connection, taskQueue, workflowBundle: { codePath }, maxCachedWorkflows });
  console.log(JSON.stringify({ msg: 'worker polling', taskQueue, maxCachedWorkflows: worker.options.maxCachedWorkflows }));
  await worker.run();
  await connection.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
