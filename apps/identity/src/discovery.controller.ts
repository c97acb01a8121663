import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IDENTITY_OPTIONS, type IdentityOptions } from './identity-options';
import { SigningKey } from './signing-key';

/** OpenID Connect discovery and the public keys, where the API and the web app find them. */
@ApiTags('oidc')
@Controller()
export class DiscoveryController {
  constructor(
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
    private readonly key: SigningKey,
  ) {}

  @Get('.well-known/openid-configuration')
  @ApiOperation({ summary: 'OpenID Connect discovery document' })
  configuration() {
    const { issuer } = this.options;
    return {
      issuer,
      authorization_endpoint: `${issuer}/authorize`,
      token_endpoint: `${issuer}/token`,
      jwks_uri: `${issuer}/jwks`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'client_credentials', 'password'],
      code_challenge_methods_supported: ['S256'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: [this.key.publicJwk.alg],
      token_endpoint_auth_methods_supported: ['none', 'client_secret_post'],
      scopes_supported: ['openid', 'profile'],
      claims_supported: ['sub', 'name', 'preferred_username', 'locale', 'roles'],
    };
  }

  @Get('jwks')
  @ApiOperation({ summary: 'The public signing keys' })
  jwks() {
    return { keys: [this.key.publicJwk] };
  }
}
