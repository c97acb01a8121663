import type { Violation } from './types';

/** An answer of the API other than 2xx, with what it says: violations (400), the reason (403, 409), the rule (422). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly violations: Violation[] = [],
    readonly ruleId?: string,
  ) {
    super(message);
  }
}

type TokenSource = () => Promise<string | null>;
type Unauthorized = () => void;

let tokenSource: TokenSource = async () => null;
let onUnauthorized: Unauthorized = () => undefined;

/** Set by the sign-in: where the access token comes from, and what to do when the API refuses it. */
export function configureApi(source: TokenSource, unauthorized: Unauthorized): void {
  tokenSource = source;
  onUnauthorized = unauthorized;
}

/** Calls the API on this origin with the access token; JSON in and out. */
export async function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const token = await tokenSource();
  const headers = new Headers(init.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
  headers.set('accept', 'application/json');
  const response = await fetch(path, { ...init, headers });
  if (response.status === 401) onUnauthorized();
  if (!response.ok) throw await toError(response);
  return response;
}

async function toError(response: Response): Promise<ApiError> {
  let body: { message?: unknown; violations?: Violation[]; ruleId?: string } = {};
  try {
    body = await response.json();
  } catch {
    // not JSON: the status says enough
  }
  const message = Array.isArray(body.message)
    ? body.message.join('; ')
    : typeof body.message === 'string'
      ? body.message
      : response.statusText;
  return new ApiError(response.status, message, body.violations ?? [], body.ruleId);
}

export async function getJson<T>(path: string): Promise<T> {
  return (await apiFetch(path)).json() as Promise<T>;
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const response = await apiFetch(path, { method: 'POST', body: JSON.stringify(body) });
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A query string of the set values only. */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '' && value !== false) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
