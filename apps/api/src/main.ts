import 'reflect-metadata';
import { temporalConnectionConfig } from '@tnw/temporal';
import { requiredEnv } from '../../shared/env';
import { oidcSettings } from './auth/oidc-settings';
import { createApiApp } from './create-api-app';

async function bootstrap(): Promise<void> {
  const oidc = oidcSettings(requiredEnv('OIDC_ISSUER'));
  const app = await createApiApp({ databaseUrl: requiredEnv('DATABASE_URL'), temporal: temporalConnectionConfig(), oidc });
  await app.listen(Number(process.env.PORT ?? 3000), process.env.HOST ?? '127.0.0.1');
}

void bootstrap();
