/** Where the API finds the issuer of its access tokens, and how it reads roles from them. */
export interface OidcSettings {
  /** The issuer URL; its discovery document names the JWKS. */
  issuer: string;
  /** The `aud` the tokens must carry. */
  audience: string;
  /** A dotted path to the roles claim: `roles` (the development issuer), `realm_access.roles` (Keycloak). */
  rolesClaim: string;
}

/** The issuer's settings, with the audience and roles claim of the development issuer unless OIDC_AUDIENCE / OIDC_ROLES_CLAIM say otherwise. */
export function oidcSettings(issuer: string, env: NodeJS.ProcessEnv = process.env): OidcSettings {
  return { issuer, audience: env.OIDC_AUDIENCE ?? 'tnw-api', rolesClaim: env.OIDC_ROLES_CLAIM ?? 'roles' };
}
