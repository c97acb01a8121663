import { bundleWorkflowCode } from '@temporalio/worker';
import { workflowBundleOptions, workflowBundlePath } from '@tnw/temporal';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Builds the workflow bundle the production worker loads; a bundling error fails the build. */
async function main(): Promise<void> {
  const { code } = await bundleWorkflowCode(workflowBundleOptions());
  const target = workflowBundlePath();
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, code);
  console.log(`workflow bundle written to ${target} (${Math.round(code.length / 1024)} KiB)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
