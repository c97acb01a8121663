import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { WORKFLOW_TYPES } from '@tnw/contracts';
import { ENCRYPTED_ENCODING, TEST_KEY_ID, testDataConverter, workflowBundlePath } from '@tnw/temporal';
import { existsSync } from 'node:fs';
import { committedHistories } from '../support/histories';
import { payloadsInHistory } from '../support/history-payloads';

/**
 * The replay gate: every committed history must replay against today's production bundle, with
 * the production codec (docs/decisions/0004) under the fixed test key the histories were
 * captured with. A change to a running workflow that is not behind patched() fails here.
 *
 * Each workflow type has both kinds of history: encrypted ones, as every workflow now writes,
 * and `plain-*` ones from before encryption, which prove that cases started then still replay
 * (the codec returns payloads that are not encrypted as they are).
 */
describe('replay of committed histories with the production workflow bundle and data converter', () => {
  beforeAll(() => {
    if (!Runtime._instance) Runtime.install({ logger: new DefaultLogger('WARN') });
    if (!existsSync(workflowBundlePath())) throw new Error(`${workflowBundlePath()} is missing: run 'npm run build' first`);
  });

  it.each(WORKFLOW_TYPES.map((type) => [type]))('%s has committed histories, encrypted and from before encryption, and each replays', async (workflowType) => {
    const histories = committedHistories(workflowType);
    const kinds = histories.map(({ workflowId, history }) => {
      const payloads = payloadsInHistory(history).filter((payload) => !payload.exempt);
      const encrypted = payloads.every((payload) => payload.encoding === ENCRYPTED_ENCODING && payload.keyId === TEST_KEY_ID);
      const plain = payloads.every((payload) => payload.encoding !== ENCRYPTED_ENCODING);
      // A `plain-` history is one from before encryption; every other one is encrypted throughout.
      expect({ workflowId, kind: encrypted && payloads.length ? 'encrypted' : plain ? 'plain' : 'mixed' }).toEqual({
        workflowId,
        kind: /\/plain-[^/]+$/.test(workflowId) ? 'plain' : 'encrypted',
      });
      return encrypted ? 'encrypted' : 'plain';
    });
    expect(new Set(kinds)).toEqual(new Set(['encrypted', 'plain']));

    const results = [];
    const options = { workflowBundle: { codePath: workflowBundlePath() }, dataConverter: testDataConverter() };
    for await (const result of Worker.runReplayHistories(options, histories)) {
      results.push({ workflowId: result.workflowId, error: result.error?.message });
    }
    expect(results).toEqual(histories.map(({ workflowId }) => ({ workflowId, error: undefined })));
  });
});
