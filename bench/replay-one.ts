import { readFileSync } from 'node:fs';
import { appDataConverter } from './stack/app-data-converter';
import { replayAll } from './stack/replay';

/**
 * A cold worker: a fresh Node process that replays one history file and reports, on stdout,
 * how long each part took from the process's start (node's own start-up is before `timeOrigin`;
 * the caller times the whole process). Started by the audit-replay benchmark.
 * Env: BENCH_HISTORY (JSON file: `{ workflowId, history }`, Temporal's JSON history), BENCH_BUNDLE, BENCH_CONVERTER ('app' or 'default'), and for
 * 'app' DATABASE_URL and TNW_MASTER_KEY.
 */
async function main(): Promise<void> {
  const loadedMs = performance.now();
  const recording = JSON.parse(readFileSync(process.env.BENCH_HISTORY!, 'utf8')) as { workflowId: string; history: unknown };
  const converter =
    process.env.BENCH_CONVERTER === 'app' ? appDataConverter(process.env.DATABASE_URL!, process.env.TNW_MASTER_KEY!) : undefined;
  const readMs = performance.now();
  await replayAll([recording], { codePath: process.env.BENCH_BUNDLE!, dataConverter: converter?.dataConverter });
  const replayedMs = performance.now();
  await converter?.close();
  console.log(
    JSON.stringify({
      modulesLoadedMs: loadedMs,
      historyReadMs: readMs - loadedMs,
      replayMs: replayedMs - readMs,
      sinceProcessStartMs: replayedMs,
    }),
  );
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
