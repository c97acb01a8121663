import { Inject, Injectable } from '@nestjs/common';
import type { DevUser } from './dev-directory';
import { IDENTITY_OPTIONS, type IdentityOptions } from './identity-options';
import { SigningKey } from './signing-key';

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  id_token?: string;
  scope?: string;
}

/** Signs the tokens a real OIDC provider would issue: an access token for the API, an ID token for the app. */
@Injectable()
export class TokenIssuer {
  constructor(
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
    private readonly key: SigningKey,
  ) {}

  async forUser(user: DevUser, clientId: string, nonce?: string): Promise<TokenResponse> {
    const { issuer, audience, accessTokenSeconds } = this.options;
    const access_token = await this.key.sign({ sub: user.id, roles: user.roles, client_id: clientId, scope: 'openid profile' }, issuer, audience, accessTokenSeconds);
    const id_token = await this.key.sign(
      { sub: user.id, name: user.name, preferred_username: user.id, locale: user.locale, roles: user.roles, ...(nonce ? { nonce } : {}) },
      issuer,
      clientId,
      accessTokenSeconds,
    );
    return { access_token, id_token, token_type: 'Bearer', expires_in: accessTokenSeconds, scope: 'openid profile' };
  }

  /** A partner's system: its client ID is the subject, `partner` its only role. */
  async forPartner(clientId: string): Promise<TokenResponse> {
    const { issuer, audience, accessTokenSeconds } = this.options;
    const access_token = await this.key.sign({ sub: clientId, roles: ['partner'], client_id: clientId }, issuer, audience, accessTokenSeconds);
    return { access_token, token_type: 'Bearer', expires_in: accessTokenSeconds };
  }
}
