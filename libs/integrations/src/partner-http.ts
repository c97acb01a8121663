/** A partner answered with an error status, or did not answer in time. */
export class PartnerHttpError extends Error {
  constructor(
    readonly partner: string,
    readonly status: number | 'timeout' | 'unreachable',
    message: string,
  ) {
    super(`${partner}: ${message}`);
    this.name = 'PartnerHttpError';
  }

  /** A refusal of the request itself (4xx except 408/429) will not change on retry. */
  get retryable(): boolean {
    return typeof this.status !== 'number' || this.status >= 500 || this.status === 408 || this.status === 429;
  }
}

export interface PartnerEndpoint {
  partner: string;
  baseUrl: string;
  timeoutMs?: number;
}

/**
 * POSTs JSON with an Idempotency-Key header: partners promise that a repeated request with
 * the same key has no second effect, which makes activity retries safe.
 */
export async function postToPartner<T>(
  endpoint: PartnerEndpoint,
  path: string,
  body: unknown,
  idempotencyKey: string,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(new URL(path, endpoint.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(endpoint.timeoutMs ?? 10_000),
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    throw new PartnerHttpError(endpoint.partner, timedOut ? 'timeout' : 'unreachable', `POST ${path} failed: ${String(error)}`);
  }
  if (!response.ok) {
    throw new PartnerHttpError(endpoint.partner, response.status, `POST ${path} answered ${response.status}`);
  }
  return (await response.json()) as T;
}

/** A typed client of one partner: every call is an idempotent POST to its base URL. */
export abstract class PartnerClient {
  private readonly endpoint: PartnerEndpoint;

  protected constructor(partner: string, baseUrl: string) {
    this.endpoint = { partner, baseUrl };
  }

  protected post<T>(path: string, body: unknown, idempotencyKey: string): Promise<T> {
    return postToPartner(this.endpoint, path, body, idempotencyKey);
  }
}
