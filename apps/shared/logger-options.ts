import type { Params } from 'nestjs-pino';

/**
 * Structured JSON logs for every app. Personal data never reaches a log: bodies are not
 * logged, and the fields that could carry it are redacted should they ever be passed.
 */
export function loggerOptions(app: string): Params {
  return {
    pinoHttp: {
      name: app,
      level: process.env.LOG_LEVEL ?? 'info',
      redact: { paths: ['req.headers.authorization', '*.nationalNumber', 'nationalNumber'], censor: '[redacted]' },
      serializers: { req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }) },
    },
  };
}
