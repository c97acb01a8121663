import { Body, Controller, Header, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthorizationCodes } from './authorization-codes';
import { DEV_CLIENTS, DEV_PASSWORD, DEV_USERS } from './dev-directory';
import { oauthError } from './oauth-error';
import { TokenIssuer, type TokenResponse } from './token-issuer';

type TokenRequest = Record<string, string | undefined>;

/** The token endpoint (form-encoded, as OAuth 2.0 has it). */
@ApiTags('oidc')
@Controller()
export class TokenController {
  constructor(
    private readonly tokens: TokenIssuer,
    private readonly codes: AuthorizationCodes,
  ) {}

  @Post('token')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  @ApiOperation({ summary: 'authorization_code (PKCE), client_credentials (partners) or password (development CLI and tests)' })
  token(@Body() request: TokenRequest): Promise<TokenResponse> {
    switch (request.grant_type) {
      case 'authorization_code':
        return this.authorizationCode(request);
      case 'client_credentials':
        return this.clientCredentials(request);
      case 'password':
        return this.password(request);
      default:
        throw oauthError(400, 'unsupported_grant_type', 'grant_type must be authorization_code, client_credentials or password');
    }
  }

  private authorizationCode({ code, client_id, redirect_uri, code_verifier }: TokenRequest): Promise<TokenResponse> {
    if (!code || !client_id || !redirect_uri || !code_verifier) {
      throw oauthError(400, 'invalid_request', 'code, client_id, redirect_uri and code_verifier are required');
    }
    const granted = this.codes.redeem(code, client_id, redirect_uri, code_verifier);
    const user = granted && DEV_USERS.find((candidate) => candidate.id === granted.userId);
    if (!granted || !user) throw oauthError(400, 'invalid_grant', 'the code is unknown, used, expired or does not match the verifier');
    return this.tokens.forUser(user, client_id, granted.nonce);
  }

  private clientCredentials({ client_id, client_secret }: TokenRequest): Promise<TokenResponse> {
    const client = DEV_CLIENTS.find((candidate) => candidate.id === client_id);
    if (client?.kind !== 'partner' || client.secret !== client_secret) throw oauthError(401, 'invalid_client', 'unknown partner client or wrong secret');
    return this.tokens.forPartner(client.id);
  }

  private password({ client_id, username, password }: TokenRequest): Promise<TokenResponse> {
    const client = DEV_CLIENTS.find((candidate) => candidate.id === client_id);
    if (client?.kind !== 'cli') throw oauthError(401, 'invalid_client', 'the password grant is for the tnw-cli client only');
    const user = DEV_USERS.find((candidate) => candidate.id === username);
    if (!user || password !== DEV_PASSWORD) throw oauthError(400, 'invalid_grant', 'unknown user or wrong password');
    return this.tokens.forUser(user, client.id);
  }
}
