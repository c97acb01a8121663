import { decodeUserMetadata, loadDataConverter } from '@temporalio/common/lib/internal-non-workflow';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { temporal } from '@temporalio/proto';
import { bundleWorkflowCode, DefaultLogger, makeTelemetryFilterString, Runtime } from '@temporalio/worker';
import { TRAJECTORY_WORKFLOW } from '@tnw/contracts';
import { replayCases, testDataConverter, workflowBundleOptions, workflowBundlePath, type ReplayVerdict } from '@tnw/temporal';
import { existsSync } from 'node:fs';
import { committedHistories } from '../support/histories';
import { writeIncompatibleWorkflows } from './incompatible-variant';

/**
 * The replay gate can fail: the trajectory workflow with its first-contact deadline no longer
 * setting its timer (a change made without patched(), see incompatible-variant.ts) is bundled
 * with the production bundle options, and the committed histories replayed against it diverge
 * at the very event the change removed. The same histories replay deterministically against
 * the production bundle, with the same replayer the auditors use.
 */
describe('an incompatible workflow change fails the replay of committed histories', () => {
  const histories = committedHistories(TRAJECTORY_WORKFLOW).map((h) => ({ ...h, subject: h.workflowId }));
  let incompatibleBundle: string;

  beforeAll(async () => {
    // A divergence is a verdict here, not a warning: the Core's own log of it stays quiet.
    if (!Runtime._instance) {
      Runtime.install({
        logger: new DefaultLogger('ERROR'),
        telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'ERROR', other: 'ERROR' }) } },
      });
    }
    if (!existsSync(workflowBundlePath())) throw new Error(`${workflowBundlePath()} is missing: run 'npm run build' first`);
    const { code } = await bundleWorkflowCode({
      ...workflowBundleOptions(),
      workflowsPath: writeIncompatibleWorkflows(),
      logger: new DefaultLogger('ERROR'),
    });
    incompatibleBundle = code;
  });

  const replay = async (workflowBundle: { code: string } | { codePath: string }) => {
    const verdicts: ReplayVerdict[] = [];
    const progress: number[] = [];
    const options = {
      workflowBundle,
      dataConverter: testDataConverter(),
      total: histories.length,
      onProgress: ({ done }: { done: number }) => progress.push(done),
    };
    for await (const verdict of replayCases(histories, options)) {
      verdicts.push(verdict);
    }
    expect(progress).toEqual(histories.map((_, index) => index + 1));
    return verdicts;
  };

  it('diverges at the first-contact timer in every history that started it, and names that event', async () => {
    const verdicts = await replay({ code: incompatibleBundle });
    expect(verdicts.map((v) => v.workflowId)).toEqual(histories.map((h) => h.workflowId));

    for (const [index, { history, workflowId }] of histories.entries()) {
      const timer = await firstContactTimerOf(history);
      if (timer === undefined) {
        // Route B refused and route C without invalidity end before the first contact is awaited.
        expect(verdicts[index]).toMatchObject({ workflowId, verdict: 'deterministic' });
      } else {
        expect(verdicts[index]).toMatchObject({ workflowId, verdict: 'diverged', eventId: timer, eventType: 'TimerStarted' });
        expect((verdicts[index] as { message: string }).message).toMatch(/Nondeterminism error/);
      }
    }
    // The gate must have something to catch: most committed trajectories reach the first contact.
    expect(verdicts.filter((v) => v.verdict === 'diverged').length).toBeGreaterThanOrEqual(5);
  });

  it('replays every committed history deterministically against the production bundle', async () => {
    const verdicts = await replay({ codePath: workflowBundlePath() });
    expect(verdicts.map(({ workflowId, verdict }) => ({ workflowId, verdict }))).toEqual(
      histories.map(({ workflowId }) => ({ workflowId, verdict: 'deterministic' })),
    );
  });
});

/** The event ID of the TimerStarted whose summary (encrypted, in most histories) is the first-contact deadline, if any. */
async function firstContactTimerOf(json: unknown): Promise<number | undefined> {
  const converter = loadDataConverter(testDataConverter());
  for (const event of historyFromJSON(json).events ?? []) {
    if (event.eventType !== temporal.api.enums.v1.EventType.EVENT_TYPE_TIMER_STARTED) continue;
    const { staticSummary } = await decodeUserMetadata(converter, event.userMetadata);
    if (staticSummary?.startsWith('first contact due')) return Number(event.eventId);
  }
  return undefined;
}
