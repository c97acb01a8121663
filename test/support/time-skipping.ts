import { Client, type WorkflowHandle } from '@temporalio/client';
import type { Workflow, WorkflowResultType } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, type WorkflowBundle } from '@temporalio/worker';
import { registerSearchAttributes, testDataConverter, workflowBundleOptions } from '@tnw/temporal';
import { temporalTestServerPath } from '../../scripts/devstack/tools';

/**
 * Temporal's time-skipping test server (the Java one, fetched from Maven by scripts/tools.sh):
 * timers of months and years fire in seconds, at the instants they would in production.
 * One environment and one bundle per test file; test files never share an environment.
 */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  if (!Runtime._instance) Runtime.install({ logger: new DefaultLogger('WARN') });
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalTestServerPath() } },
    client: { dataConverter: testDataConverter() },
  });
  await registerSearchAttributes(env.connection, env.namespace ?? 'default');
  return env;
}

export async function bundleWorkflows(): Promise<WorkflowBundle> {
  return bundleWorkflowCode({ ...workflowBundleOptions(), logger: new DefaultLogger('WARN') });
}

export interface TimeSkippingSuite {
  env: TestWorkflowEnvironment;
  client: Client;
  bundle: WorkflowBundle;
}

/** One environment and one workflow bundle for a test file (never shared between files), torn down after it. */
export function timeSkippingSuite(): TimeSkippingSuite {
  const suite = {} as TimeSkippingSuite;
  beforeAll(async () => {
    [suite.env, suite.bundle] = await Promise.all([createTimeSkippingEnv(), bundleWorkflows()]);
    suite.client = clientWithoutSkipping(suite.env);
  });
  afterAll(async () => {
    await suite.env?.teardown();
  });
  return suite;
}

/**
 * Moves the environment's clock forward to `instant`, so that a test can start a case on a
 * date chosen by hand and compare the deadlines with instants computed by hand.
 */
export async function skipTo(env: TestWorkflowEnvironment, instant: string): Promise<void> {
  const target = Date.parse(instant);
  const now = await env.currentTimeMs();
  if (target <= now) throw new Error(`the test clock is already past ${instant}; choose a later date`);
  await env.sleep(target - now);
}

/**
 * A client whose `result()` leaves the test clock alone. The environment's own client unlocks
 * time skipping while it awaits a result, and the test server then jumps to its next internal
 * timer (ten years ahead) even after the workflow has closed, moving the clock under the next
 * test's hand-computed dates. Tests move time explicitly with `env.sleep` or `skipTo` instead.
 * Its payloads are encrypted under the fixed test key (testDataConverter), as production's are
 * under each person's key; the tests' workers take `dataConverter: testDataConverter()` too.
 */
export function clientWithoutSkipping(env: TestWorkflowEnvironment): Client {
  return new Client({ connection: env.connection, namespace: env.namespace, dataConverter: testDataConverter() });
}

/**
 * The result of a workflow once it has closed. Polls in real time: a long poll for the result
 * on the time-skipping server can miss the close while its clock is locked.
 */
export async function resultOnceClosed<W extends Workflow>(handle: WorkflowHandle<W>, timeoutMs = 15_000): Promise<WorkflowResultType<W>> {
  const deadline = Date.now() + timeoutMs;
  while ((await handle.describe()).status.name === 'RUNNING') {
    if (Date.now() > deadline) throw new Error(`${handle.workflowId} still running after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return handle.result();
}
