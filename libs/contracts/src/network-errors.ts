/**
 * Node's socket error codes that say a server refuses, drops or cannot be found (a stopped
 * container's name no longer resolves): a server away, worth waiting for, not a wrong request.
 */
export const NETWORK_ERROR_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

/** What an error object may carry that says what it is, and which errors it wraps. */
export type ErrorLike = Record<string, unknown>;

/**
 * Whether `error`, or an error it wraps, passes `test`. Followed: each error's `cause`, and what
 * `wrapped` names besides (a driver's error, an AggregateError's `errors`); each error once.
 */
export function someErrorInChain(
  error: unknown,
  test: (candidate: ErrorLike) => boolean,
  wrapped: (candidate: ErrorLike) => unknown[] = () => [],
): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length) {
    const next = pending.pop();
    if (!next || typeof next !== 'object' || seen.has(next)) continue;
    seen.add(next);
    const candidate = next as ErrorLike;
    if (test(candidate)) return true;
    pending.push(candidate.cause, ...wrapped(candidate));
  }
  return false;
}
