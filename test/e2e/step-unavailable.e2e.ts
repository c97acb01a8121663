import { ServiceUnavailableException } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker, type WorkflowBundle } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { sendStep } from '../../apps/api/src/cases/case-steps.service';
import { bundleProbes } from '../workflows/probes/bundle-probes';
import { failingProbe, probeUpdate } from '../workflows/probes/update-order-probe.workflow';
import { eventually } from '../support/recording-activities';

// The probe's failing tasks are the point here: the worker's warning about each stays quiet.
if (!Runtime._instance) Runtime.install({ logger: new DefaultLogger('ERROR') });

/**
 * A step for a case whose workflow tasks keep failing (a bug, or a history the code cannot replay,
 * as the fault suite's stuck cases had) is answered 503 saying so, not 500.
 */
describe('a step for a case the workflow engine cannot run', () => {
  const address = process.env.TNW_TEST_TEMPORAL_ADDRESS!;
  let connection: Connection;
  let client: Client;
  let nativeConnection: NativeConnection;
  let probes: WorkflowBundle;

  beforeAll(async () => {
    probes = await bundleProbes();
    connection = await Connection.connect({ address });
    client = new Client({ connection });
    nativeConnection = await NativeConnection.connect({ address });
  });

  afterAll(async () => {
    await nativeConnection?.close();
    await connection?.close();
  });

  it('is answered 503: the workflow is failing and needs an operator, nothing was recorded', async () => {
    const workflowId = `failing-probe-${randomUUID()}`;
    const handle = await client.workflow.start(failingProbe, { workflowId, taskQueue: workflowId });
    const worker = await Worker.create({ connection: nativeConnection, taskQueue: workflowId, workflowBundle: probes });
    await worker.runUntil(async () => {
      await eventually(
        async () => (await handle.fetchHistory()).events!.some((e) => e.workflowTaskFailedEventAttributes),
        'a failed workflow task',
      );
      const target = { workflowId, notRunning: async () => new Error('not running') as never };
      const answer = await sendStep(client, target, probeUpdate, 'held').then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(answer).toBeInstanceOf(ServiceUnavailableException);
      expect((answer as ServiceUnavailableException).getResponse()).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'the case cannot take steps: its workflow is failing and needs an operator; nothing was recorded',
      });
    });
    await handle.terminate('test over');
  });
});
