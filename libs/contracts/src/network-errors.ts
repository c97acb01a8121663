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
