import { workerTuningSettings } from './worker-tuning';

describe('workerTuningSettings', () => {
  it("leaves both to the SDK's defaults when unset or empty", () => {
    expect(workerTuningSettings({})).toEqual({});
    expect(workerTuningSettings({ TNW_MAX_CACHED_WORKFLOWS: '', TNW_WORKFLOW_THREADS: ' ' })).toEqual({});
  });

  it('reads the sticky cache size and the workflow threads', () => {
    expect(workerTuningSettings({ TNW_MAX_CACHED_WORKFLOWS: '100', TNW_WORKFLOW_THREADS: '2' })).toEqual({
      maxCachedWorkflows: 100,
      workflowThreadPoolSize: 2,
    });
    expect(workerTuningSettings({ TNW_MAX_CACHED_WORKFLOWS: '0' })).toEqual({ maxCachedWorkflows: 0 });
  });

  it.each([
    ['TNW_MAX_CACHED_WORKFLOWS', 'many'],
    ['TNW_MAX_CACHED_WORKFLOWS', '2.5'],
    ['TNW_MAX_CACHED_WORKFLOWS', '-3'],
    ['TNW_MAX_CACHED_WORKFLOWS', '1e3'],
    ['TNW_WORKFLOW_THREADS', 'two'],
    ['TNW_WORKFLOW_THREADS', '0'],
    ['TNW_WORKFLOW_THREADS', '1.5'],
  ])('refuses %s=%s with a message naming the variable', (name, value) => {
    expect(() => workerTuningSettings({ [name]: value })).toThrow(new RegExp(`^${name} must be a whole number.*got '${value}'`));
  });

  it('refuses a cache of 1, which the SDK would silently raise to 2', () => {
    expect(() => workerTuningSettings({ TNW_MAX_CACHED_WORKFLOWS: '1' })).toThrow(
      'TNW_MAX_CACHED_WORKFLOWS must be 0 (no sticky cache) or at least 2, got 1',
    );
  });
});
