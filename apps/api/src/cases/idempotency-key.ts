import { UnprocessableEntityException } from '@nestjs/common';
import { IDEMPOTENCY_KEY_RETENTION_HOURS } from '@tnw/persistence';
import { createHmac, hkdfSync } from 'node:crypto';
import { invalidRequest } from '../../../shared/request-validation';

/**
 * The Idempotency-Key request header (IETF draft "The Idempotency-Key HTTP Header Field") of
 * POST /cases: a unique string the client chooses per request and sends again when it retries.
 */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
/** On an answer given again for a key already used, as Stripe and others do: `true`. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

export const IDEMPOTENCY_KEY_DESCRIPTION =
  'Optional. A unique string the client chooses for this request (a UUID, say) and sends again when it retries it: ' +
  'the same key with the same body answers the first answer again (201, the same caseId, `Idempotent-Replayed: true`) ' +
  'without a second case or workflow, even when the first request is still being answered; the same key with another ' +
  'body is refused (422). 1 to 255 printable ASCII characters, bare or as a structured-field string ("..."). Keys are ' +
  `the caller's own (scoped by the access token's subject) and remembered for ${IDEMPOTENCY_KEY_RETENTION_HOURS / 24} days.`;

const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

/**
 * The key of the header, or undefined without the header; 400 naming the header when it is
 * empty, too long or not printable ASCII. The draft makes the value a structured-field string
 * (`"8e03978e-..."`); a bare value is taken as it is, as most clients send it.
 */
export function parseIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  let key = header.trim();
  if (key.length >= 2 && key.startsWith('"') && key.endsWith('"')) key = key.slice(1, -1).replace(/\\(["\\])/g, '$1');
  if (!key.trim() || key.length > MAX_IDEMPOTENCY_KEY_LENGTH || !PRINTABLE_ASCII.test(key)) {
    throw invalidRequest([
      {
        field: IDEMPOTENCY_KEY_HEADER,
        rule: 'isIdempotencyKey',
        message: `the ${IDEMPOTENCY_KEY_HEADER} header must be 1 to ${MAX_IDEMPOTENCY_KEY_LENGTH} printable ASCII characters, not blank`,
      },
    ]);
  }
  return key;
}

/** 422: the key was used by this caller for a request with another body. */
export function idempotencyKeyReused(): UnprocessableEntityException {
  return new UnprocessableEntityException({
    statusCode: 422,
    error: 'Unprocessable Entity',
    header: IDEMPOTENCY_KEY_HEADER,
    rule: 'sameKeySameRequest',
    message: `this ${IDEMPOTENCY_KEY_HEADER} was already used for a request with another body: a key stands for one request, send a new key for a new request`,
  });
}

/**
 * Keyed hashes of request bodies, to recognise a retry without storing its body. Keyed
 * (HMAC-SHA-256, under a key derived from the master key), because a body holds a national
 * number and there are few enough national numbers to hash them all.
 */
export class RequestFingerprints {
  private readonly key: Buffer;

  constructor(masterKey: Buffer) {
    this.key = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'tnw-idempotency-request/v1', 32));
  }

  /** Of the canonical form of the body: its fields sorted by name, those without a value left out. */
  of(body: object): Buffer {
    return createHmac('sha256', this.key).update(canonicalJson(body)).digest();
  }
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${fields.map(([name, field]) => `${JSON.stringify(name)}:${canonicalJson(field)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
