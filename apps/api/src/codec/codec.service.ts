import { BadRequestException, Inject, Injectable, UnprocessableEntityException } from '@nestjs/common';
import type { Payload } from '@temporalio/common';
import type { Actor } from '@tnw/contracts';
import { PayloadDecryptionError, PayloadKeyUnavailableError, payloadKeyId } from '@tnw/temporal';
import { PinoLogger } from 'nestjs-pino';
import { DATA_CONVERTER, type ApiDataConverter } from '../data-converter.provider';

/** A payload in the codec server protocol of Temporal: metadata values and data in base64. */
export interface JsonPayload {
  metadata?: Record<string, string>;
  data?: string;
}

export interface CodecBody {
  payloads: JsonPayload[];
}

/**
 * Temporal's remote codec protocol over the production data converter, for the Web UI and the
 * CLI (`temporal workflow show --codec-endpoint`). Decoding only: see CodecController.
 */
@Injectable()
export class CodecService {
  constructor(
    @Inject(DATA_CONVERTER) private readonly converter: ApiDataConverter,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext(CodecService.name);
  }

  /**
   * Decodes each payload. A payload whose key is gone (its person was erased) is returned as it
   * came, still encrypted: the UI shows the rest of the history, and the erased data stays
   * unreadable. An altered payload is refused (422), naming its key ID and nothing of its data.
   */
  async decode(body: unknown, actor: Actor | undefined, namespace: string | undefined): Promise<CodecBody> {
    const payloads = parseBody(body);
    const keyIds = [...new Set(payloads.map(payloadKeyId).filter((keyId): keyId is string => !!keyId))];
    // A person erased a moment ago, by another process, is unreadable here at once (the cache
    // of keys otherwise keeps a key for up to a minute: libs/temporal/src/codec).
    await this.converter.keys.recheck(keyIds);
    const erased = new Set<string>();
    const decoded = await Promise.all(
      payloads.map(async (payload) => {
        try {
          return await this.decodeOne(payload);
        } catch (error) {
          if (error instanceof PayloadKeyUnavailableError) {
            erased.add(error.keyId);
            return payload;
          }
          if (error instanceof PayloadDecryptionError) {
            throw new UnprocessableEntityException({ statusCode: 422, error: 'Unprocessable Entity', message: error.message });
          }
          throw error;
        }
      }),
    );
    // Who read which person's payloads (by key ID, never by content): reading decrypted
    // histories is access to personal and medical data.
    this.logger.info({ actor, namespace, payloads: payloads.length, keyIds, unavailableKeyIds: [...erased] }, 'payloads decoded for the codec server');
    return { payloads: decoded.map(toJson) };
  }

  private async decodeOne(payload: Payload): Promise<Payload> {
    let result = [payload];
    for (const codec of [...this.converter.payloadCodecs].reverse()) result = await codec.decode(result);
    return result[0];
  }
}

function parseBody(body: unknown): Payload[] {
  const payloads = (body as CodecBody | undefined)?.payloads;
  if (!Array.isArray(payloads)) throw invalid('payloads', 'the body must be {"payloads": [...]}');
  return payloads.map((payload, index) => {
    const { metadata = {}, data = '' } = (payload ?? {}) as JsonPayload;
    if (typeof metadata !== 'object' || Object.values(metadata).some((value) => typeof value !== 'string')) {
      throw invalid(`payloads.${index}.metadata`, 'metadata must map names to base64 strings');
    }
    if (typeof data !== 'string') throw invalid(`payloads.${index}.data`, 'data must be a base64 string');
    return {
      metadata: Object.fromEntries(Object.entries(metadata).map(([key, value]) => [key, Buffer.from(value, 'base64')])),
      data: Buffer.from(data, 'base64'),
    };
  });
}

function toJson(payload: Payload): JsonPayload {
  return {
    metadata: Object.fromEntries(Object.entries(payload.metadata ?? {}).map(([key, value]) => [key, Buffer.from(value ?? []).toString('base64')])),
    data: Buffer.from(payload.data ?? []).toString('base64'),
  };
}

function invalid(field: string, message: string): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'The request is invalid', violations: [{ field, rule: 'codecPayload', message }] });
}
