import type { INestApplication } from '@nestjs/common';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Test support for the clients' specs: the real partner simulators over HTTP, and a stand-in
 * for our API that records what the partners call in with.
 */

// Read when the partners' module loads, hence before the import below.
process.env.LOG_LEVEL ??= 'warn';

export interface RawAnswer<T> {
  status: number;
  headers: Headers;
  body: T;
}

export interface PartnerSimulators {
  url: string;
  /** Calls a simulator route directly: /_admin, or a partner route where a test needs the raw answer. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked by the tests' assertions
  call<T = any>(
    method: 'GET' | 'PUT' | 'POST',
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<RawAnswer<T>>;
  close(): Promise<void>;
}

export async function startPartnerSimulators(): Promise<PartnerSimulators> {
  const { createPartnersApp } = await import('../../../../apps/partners/src/create-partners-app');
  const app: INestApplication = await createPartnersApp();
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  return {
    url,
    call: async (method, path, body, headers = {}) => {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
    },
    close: () => app.close(),
  };
}

export interface ReceivedCallback {
  path: string;
  idempotencyKey: string | undefined;
  body: unknown;
}

export interface CallbackTarget {
  url: string;
  received: ReceivedCallback[];
  /** Statuses to answer the next callbacks with, in order; 200 once they are used up. */
  answerNext(...statuses: number[]): void;
  close(): Promise<void>;
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** Our API as the partners see it: records each callback and answers as told. */
export async function startCallbackTarget(): Promise<CallbackTarget> {
  const received: ReceivedCallback[] = [];
  const statuses: number[] = [];
  const server = createServer((request, response) => {
    void readJson(request).then((body) => {
      received.push({ path: request.url ?? '', idempotencyKey: request.headers['idempotency-key'] as string | undefined, body });
      response.writeHead(statuses.shift() ?? 200, { connection: 'close' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    answerNext: (...next) => statuses.push(...next),
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
