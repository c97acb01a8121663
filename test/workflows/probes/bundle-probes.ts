import { bundleWorkflowCode, DefaultLogger, type WorkflowBundle } from '@temporalio/worker';
import { workflowBundleOptions } from '@tnw/temporal';
import { join } from 'node:path';

/** The probe workflows (update-order-probe.workflow.ts), bundled like the production ones. */
export function bundleProbes(): Promise<WorkflowBundle & { code: string }> {
  return bundleWorkflowCode({
    ...workflowBundleOptions(),
    workflowsPath: join(__dirname, 'update-order-probe.workflow.ts'),
    logger: new DefaultLogger('WARN'),
  });
}
