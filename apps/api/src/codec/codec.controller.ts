import {
  ArgumentsHost,
  Body,
  Catch,
  Controller,
  type ExceptionFilter,
  Headers,
  HttpCode,
  HttpException,
  Logger,
  Options,
  Post,
  Req,
  Res,
  UseFilters,
} from '@nestjs/common';
import { ApiBody, ApiExcludeEndpoint, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Actor, Role } from '@tnw/contracts';
import type { Request, Response } from 'express';
import { AllowRoles, CurrentActor, PublicEndpoint } from '../auth/access.decorators';
import { applyCodecCors, codecCorsOrigins } from './codec-cors';
import { CodecService } from './codec.service';

/**
 * Who may read decrypted workflow histories, of any person: decoding is not tied to a case, so a
 * role that may decode reads everyone's medical data. Auditors (their job is to examine how each
 * case was processed, and they replay histories) and supervisors (who look into stuck or failed
 * cases across the team). Not the administrator, who runs Temporal and sees histories, but not
 * their content; not the roles that work on single cases, which see what they need through the API.
 */
export const CODEC_DECODERS = ['auditor', 'supervisor'] as const satisfies readonly Role[];

/** Refusals (401, 403, 400) reach the Web UI with the CORS headers, so it can show them. */
@Catch()
class CodecErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('CodecController');
  private readonly origins = codecCorsOrigins();

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    applyCodecCors(request, response, this.origins);
    if (exception instanceof HttpException) {
      const body = exception.getResponse();
      response.status(exception.getStatus()).json(typeof body === 'string' ? { statusCode: exception.getStatus(), message: body } : body);
      return;
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    response.status(500).json({ statusCode: 500, message: 'Internal server error' });
  }
}

/**
 * The codec server of the Temporal Web UI (Temporal's remote codec protocol): POST /codec/decode
 * with `{"payloads": [{"metadata": {...base64}, "data": "base64"}]}` and the header X-Namespace.
 *
 * There is no /codec/encode: the protocol does not say which workflow a payload is for, so the
 * server could not choose its person's key; and staff act on cases through this API, which
 * checks and audits every step, not by sending signals from the Web UI.
 */
@ApiTags('codec')
@Controller('codec')
@UseFilters(CodecErrorFilter)
export class CodecController {
  private readonly origins = codecCorsOrigins();

  constructor(private readonly codec: CodecService) {}

  /** The browser's CORS preflight: no token is sent with it, and it reveals nothing. */
  @Options('decode')
  @PublicEndpoint()
  @HttpCode(204)
  @ApiExcludeEndpoint()
  preflight(@Req() request: Request, @Res({ passthrough: true }) response: Response): void {
    applyCodecCors(request, response, this.origins, true);
  }

  @Post('decode')
  @AllowRoles(...CODEC_DECODERS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Decrypt workflow payloads for the Temporal Web UI or CLI (remote codec protocol); payloads of an erased person stay encrypted' })
  @ApiBody({ schema: { type: 'object', properties: { payloads: { type: 'array', items: { type: 'object', properties: { metadata: { type: 'object' }, data: { type: 'string' } } } } } } })
  @ApiResponse({ status: 200, description: 'The same payloads, decoded where their key exists' })
  @ApiResponse({ status: 422, description: 'A payload was altered: it fails its integrity check' })
  decode(
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
    @Headers('x-namespace') namespace: string | undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ) {
    applyCodecCors(request, response, this.origins);
    return this.codec.decode(body, actor, namespace);
  }
}
