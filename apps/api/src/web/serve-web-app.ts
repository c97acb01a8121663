import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { repoRoot } from '@tnw/temporal';
import type { Express, NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where the browser app lives under the API's origin. */
export const WEB_APP_PATH = '/app';

export interface WebAppSettings {
  /** The built app (Vite's output): dist/web unless TNW_WEB_DIR says otherwise. */
  dir: string;
  /** The OIDC issuer the app signs in with: the one whose tokens the API accepts. */
  issuer: string;
  /** The app's public client at the issuer (authorization code with PKCE). */
  clientId: string;
}

export function webAppSettings(issuer: string, env: NodeJS.ProcessEnv = process.env): WebAppSettings {
  return { dir: env.TNW_WEB_DIR ?? join(repoRoot(), 'dist', 'web'), issuer, clientId: env.OIDC_WEB_CLIENT_ID ?? 'tnw-web' };
}

/**
 * Serves the back-office web app (apps/web, docs/decisions/0006) from the API's own origin, so
 * that it calls the API without CORS: its files under /app, every other path under /app answered
 * with index.html (the app routes in the browser), and /app/config.json telling it where to sign
 * in. These are plain Express routes outside the API's controllers: they hold no data and need
 * no token; the data comes from the API, which checks the token on every call. Nothing is served
 * when the app has not been built (`npm run build` builds it).
 */
export function serveWebApp(app: INestApplication, settings: WebAppSettings): boolean {
  const index = join(settings.dir, 'index.html');
  if (!existsSync(index)) return false;
  const http = app.getHttpAdapter().getInstance() as Express;
  const config = { issuer: settings.issuer, clientId: settings.clientId };
  http.get('/', (_request: Request, response: Response) => response.redirect(302, `${WEB_APP_PATH}/`));
  http.get(`${WEB_APP_PATH}/config.json`, (_request: Request, response: Response) => {
    response.setHeader('cache-control', 'no-store');
    response.json(config);
  });
  // Vite names the built assets by their content hash: they may be cached for good.
  const files = app as NestExpressApplication;
  files.useStaticAssets(join(settings.dir, 'assets'), {
    prefix: `${WEB_APP_PATH}/assets`,
    immutable: true,
    maxAge: '1y',
    fallthrough: false,
  });
  files.useStaticAssets(settings.dir, { prefix: WEB_APP_PATH, index: false });
  http.get(/^\/app(\/.*)?$/, (request: Request, response: Response, next: NextFunction) => {
    if (!request.accepts('html')) return next();
    response.setHeader('cache-control', 'no-cache');
    response.sendFile(index);
  });
  return true;
}
