import { Runtime, type LogLevel, type LogMetadata, type Logger } from '@temporalio/worker';

/** What the Temporal runtime needs of the application's logger (pino's and Nest's fit). */
export interface StructuredLogger {
  trace?(meta: object, message: string): void;
  debug(meta: object, message: string): void;
  info(meta: object, message: string): void;
  warn(meta: object, message: string): void;
  error(meta: object, message: string): void;
}

class ForwardingLogger implements Logger {
  constructor(private readonly target: StructuredLogger) {}
  log(level: LogLevel, message: string, meta: LogMetadata = {}): void {
    const method = level === 'TRACE' ? 'debug' : (level.toLowerCase() as 'debug' | 'info' | 'warn' | 'error');
    this.target[method]({ ...meta, source: 'temporal' }, message);
  }
  trace(message: string, meta?: LogMetadata) { this.log('TRACE', message, meta); }
  debug(message: string, meta?: LogMetadata) { this.log('DEBUG', message, meta); }
  info(message: string, meta?: LogMetadata) { this.log('INFO', message, meta); }
  warn(message: string, meta?: LogMetadata) { this.log('WARN', message, meta); }
  error(message: string, meta?: LogMetadata) { this.log('ERROR', message, meta); }
}

/**
 * Forwards the Temporal runtime's logs (worker, workflow and activity loggers) to the
 * application logger, and exports Core's metrics when asked. The runtime is process-wide and can be
 * installed once; later calls (several workers in one test process) keep the first installation.
 */
export function installTemporalRuntime(logger: StructuredLogger, options: TemporalRuntimeOptions = {}): void {
  if (Runtime._instance) return;
  Runtime.install({
    logger: new ForwardingLogger(logger),
    ...(options.prometheusBindAddress && {
      // Core's own metrics (workflow and activity latencies, schedule-to-start, slots, pollers)
      // in Prometheus format at http://<bindAddress>/metrics (docs/reliability.md).
      telemetryOptions: {
        metrics: {
          prometheus: { bindAddress: options.prometheusBindAddress, countersTotalSuffix: true, unitSuffix: true, useSecondsForDurations: true },
          globalTags: options.metricTags ?? {},
        },
      },
    }),
  });
}

export interface TemporalRuntimeOptions {
  /** host:port of a Prometheus exporter for the SDK Core's metrics; none when absent. */
  prometheusBindAddress?: string;
  /** Labels on every metric (e.g. the worker's instance name). */
  metricTags?: Record<string, string>;
}
