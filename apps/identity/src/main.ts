import 'reflect-metadata';
import { startIdentityServer } from './start-identity-server';

/** The development identity provider; production points the API at its real OIDC issuer instead. */
void startIdentityServer({
  port: Number(process.env.IDENTITY_PORT ?? 3200),
  host: process.env.HOST ?? '127.0.0.1',
  issuer: process.env.OIDC_ISSUER,
});
