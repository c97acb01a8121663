import { workerMetricsSettings } from './worker-metrics';

describe('workerMetricsSettings', () => {
  it('exports nothing unless WORKER_METRICS_PORT is set', () => {
    expect(workerMetricsSettings({})).toBeUndefined();
  });

  it('binds to 127.0.0.1 by default and labels every metric with the instance', () => {
    expect(workerMetricsSettings({ WORKER_METRICS_PORT: '9464' })).toEqual({
      bindAddress: '127.0.0.1:9464',
      tags: { instance_name: '127.0.0.1:9464' },
    });
  });

  it('takes the host and the instance name from the environment (containers)', () => {
    expect(workerMetricsSettings({ WORKER_METRICS_PORT: '9464', WORKER_METRICS_HOST: '0.0.0.0', WORKER_INSTANCE: 'worker-2' })).toEqual({
      bindAddress: '0.0.0.0:9464',
      tags: { instance_name: 'worker-2' },
    });
  });
});
