import { Body, Controller, Get, Header, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthorizationCodes } from './authorization-codes';
import { DEV_CLIENTS, DEV_PASSWORD, DEV_USERS } from './dev-directory';
import { loginPage } from './login-page';
import { oauthError } from './oauth-error';

type AuthorizeParams = Record<string, string | undefined>;

/** The authorization endpoint: authorization code with PKCE (S256) for the browser app. */
@ApiTags('oidc')
@Controller()
export class AuthorizeController {
  constructor(private readonly codes: AuthorizationCodes) {}

  @Get('authorize')
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: 'The sign-in page for response_type=code with code_challenge_method=S256' })
  page(@Query() params: AuthorizeParams): string {
    return loginPage(checkedParams(params));
  }

  @Post('authorize')
  @ApiOperation({ summary: 'Signs in and redirects to redirect_uri with the code and state' })
  signIn(@Body() form: AuthorizeParams, @Res() response: Response): void {
    const params = checkedParams(form);
    const user = DEV_USERS.find((candidate) => candidate.id === form.username);
    if (!user || form.password !== DEV_PASSWORD) {
      response.status(401).type('html').send(loginPage(params, 'Unknown user or wrong password.'));
      return;
    }
    const code = this.codes.issue({
      userId: user.id,
      clientId: params.client_id,
      redirectUri: params.redirect_uri,
      codeChallenge: params.code_challenge,
      nonce: params.nonce,
    });
    const target = new URL(params.redirect_uri);
    target.searchParams.set('code', code);
    if (params.state) target.searchParams.set('state', params.state);
    response.redirect(302, target.toString());
  }
}

/** The parameters a PKCE authorization request must carry; anything else is refused before sign-in. */
function checkedParams(params: AuthorizeParams): Record<string, string> {
  const { response_type, client_id, redirect_uri, code_challenge, code_challenge_method, state, nonce, scope } = params;
  const client = DEV_CLIENTS.find((candidate) => candidate.id === client_id);
  if (client?.kind !== 'public') throw oauthError(400, 'unauthorized_client', 'client_id must be a registered browser client');
  if (!redirect_uri || !client.redirectUris.some((allowed) => allowed.test(redirect_uri))) {
    throw oauthError(400, 'invalid_request', 'redirect_uri is not registered for this client');
  }
  if (response_type !== 'code') throw oauthError(400, 'unsupported_response_type', 'response_type must be code');
  if (!code_challenge || code_challenge_method !== 'S256') throw oauthError(400, 'invalid_request', 'PKCE is required: code_challenge with code_challenge_method=S256');
  const optional = Object.entries({ state, nonce, scope }).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  return { response_type, client_id: client.id, redirect_uri, code_challenge, code_challenge_method, ...Object.fromEntries(optional) };
}
