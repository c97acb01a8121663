import { NETWORK_ERROR_CODES, someErrorInChain } from '@tnw/contracts';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';

/**
 * SQLSTATEs of a server that is shutting down or starting up (57P01-57P03: "the database system is
 * starting up"), full (53300) or whose connection broke (class 08).
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08006']);
/** pg's own errors, without a code, for a connection that closed under it or did not open in time. */
const UNAVAILABLE_MESSAGE = /^(Connection terminated|timeout expired)/;

/**
 * Whether an error from PostgreSQL (or from reaching it) says that the server is away, starting or
 * stopping, as opposed to a mistake that waiting does not cure (a wrong password, a database that
 * does not exist, a bad query). Looks at the error, its causes, TypeORM's `driverError` and the
 * errors of an AggregateError (Node tries every address of a host name).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return someErrorInChain(
    error,
    ({ code, message }) =>
      (typeof code === 'string' && (NETWORK_ERROR_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code))) ||
      (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)),
    ({ driverError, errors }) => [driverError, ...(Array.isArray(errors) ? errors : [])],
  );
}

/** Whether the database answers a query within `timeoutMs`, on a DataSource that is initialized. */
export async function databaseAnswers(dataSource: DataSource, timeoutMs = 5_000): Promise<boolean> {
  if (!dataSource.isInitialized) return false;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([dataSource.query('SELECT 1').then(() => true as const), late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export interface WaitForDatabaseOptions {
  /** First pause after a failed attempt (1 s by default); it doubles at each failure, up to `maxDelayMs`. */
  initialDelayMs?: number;
  /** Longest pause between attempts (10 s by default). */
  maxDelayMs?: number;
  /** Told of each failed attempt while the database is away. */
  onUnavailable?(info: { attempt: number; error: unknown; retryInMs: number }): void;
}

/**
 * Initializes `dataSource` (its pool, and the metadata its repositories need), trying again for as
 * long as the server is unavailable (isDatabaseUnavailable): an application started while its
 * PostgreSQL is stopped or restarting waits for it instead of failing. Any other error (a wrong
 * password, a database that does not exist) rejects at once. Resolves with the number of failed
 * attempts before the one that connected.
 */
export async function initializeWhenReachable(dataSource: DataSource, options: WaitForDatabaseOptions = {}): Promise<number> {
  const initialDelayMs = options.initialDelayMs ?? 1_000;
  const maxDelayMs = options.maxDelayMs ?? 10_000;
  for (let failures = 0; ; failures++) {
    if (dataSource.isInitialized) return failures;
    try {
      await dataSource.initialize();
      return failures;
    } catch (error) {
      await closeHalfOpenedPool(dataSource);
      if (!isDatabaseUnavailable(error)) throw error;
      const retryInMs = Math.min(maxDelayMs, initialDelayMs * 2 ** failures);
      options.onUnavailable?.({ attempt: failures + 1, error, retryInMs });
      await sleep(retryInMs);
    }
  }
}

/**
 * TypeORM's PostgreSQL driver keeps the pool it made when a later step of `initialize()` failed
 * (the server went away between its first connection and its version query), and the next attempt
 * replaces it: ended here so that no connection is left behind.
 */
async function closeHalfOpenedPool(dataSource: DataSource): Promise<void> {
  if (dataSource.isInitialized) return;
  const driver = dataSource.driver as unknown as { master?: { end?: () => Promise<void> } };
  const pool = driver.master;
  driver.master = undefined;
  await pool?.end?.().catch(() => undefined);
}
