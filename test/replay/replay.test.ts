import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { WORKFLOW_TYPES } from '@tnw/contracts';
import { workflowBundlePath } from '@tnw/temporal';
import { existsSync } from 'node:fs';
import { committedHistories } from '../support/histories';

/**
 * The replay gate: every committed history must replay against today's production bundle.
 * A change to a running workflow that is not behind patched() fails here.
 */
describe('replay of committed histories with the production workflow bundle', () => {
  beforeAll(() => {
    if (!Runtime._instance) Runtime.install({ logger: new DefaultLogger('WARN') });
    if (!existsSync(workflowBundlePath())) throw new Error(`${workflowBundlePath()} is missing: run 'npm run build' first`);
  });

  it.each(WORKFLOW_TYPES.map((type) => [type]))('%s has committed histories, and each replays', async (workflowType) => {
    const histories = committedHistories(workflowType);
    expect(histories.length).toBeGreaterThan(0);
    const results = [];
    for await (const result of Worker.runReplayHistories({ workflowBundle: { codePath: workflowBundlePath() } }, histories)) {
      results.push({ workflowId: result.workflowId, error: result.error?.message });
    }
    expect(results).toEqual(histories.map(({ workflowId }) => ({ workflowId, error: undefined })));
  });
});
