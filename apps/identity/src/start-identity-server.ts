import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { API_AUDIENCE, type IdentityOptions } from './identity-options';
import { IdentityModule } from './identity.module';

export interface IdentityServer {
  app: INestApplication;
  issuer: string;
}

/**
 * The development OpenID Connect issuer, listening. Without an `issuer` it is the URL it
 * listens on, which tests need when they listen on a free port.
 */
export async function startIdentityServer(listen: { port: number; host: string; issuer?: string }): Promise<IdentityServer> {
  const options: IdentityOptions = { issuer: listen.issuer ?? '', audience: API_AUDIENCE, accessTokenSeconds: 3600 };
  const app = await NestFactory.create(IdentityModule.forRoot(options), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableCors();
  app.enableShutdownHooks();
  await app.listen(listen.port, listen.host);
  // Set before any request can be answered with it: listen() has only just returned.
  options.issuer ||= (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, issuer: options.issuer };
}
