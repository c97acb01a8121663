import type { Request, Response } from 'express';

/**
 * The Temporal Web UI calls the codec server from the browser, from its own origin, with the
 * user's access token (`passAccessToken`) and possibly cookies (`includeCredentials`): the
 * answers name that origin and allow credentials. TEMPORAL_UI_ORIGINS (comma-separated) sets the
 * origins; by default the dev server's Web UI on TEMPORAL_UI_PORT (8233).
 */
export function codecCorsOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.TEMPORAL_UI_ORIGINS) return env.TEMPORAL_UI_ORIGINS.split(',').map((origin) => origin.trim()).filter(Boolean);
  const port = env.TEMPORAL_UI_PORT ?? '8233';
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

export function applyCodecCors(request: Request, response: Response, origins: readonly string[], preflight = false): void {
  response.vary('Origin');
  const origin = request.header('origin');
  if (!origin || !origins.includes(origin)) return;
  response.setHeader('Access-Control-Allow-Origin', origin);
  response.setHeader('Access-Control-Allow-Credentials', 'true');
  if (preflight) {
    response.setHeader('Access-Control-Allow-Methods', 'POST');
    response.setHeader('Access-Control-Allow-Headers', 'authorization, content-type, x-namespace');
    response.setHeader('Access-Control-Max-Age', '600');
  }
}
