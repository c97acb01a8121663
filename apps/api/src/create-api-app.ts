import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { requestValidationPipe } from '../../shared/request-validation';
import { ApiModule } from './api.module';
import type { ApiAppOptions } from './api-options';
import { serveWebApp, webAppSettings } from './web/serve-web-app';

/** The back-office API with validation, structured logs and OpenAPI at /docs. */
export async function createApiApp(options: ApiAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create(ApiModule.forRoot(options), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(requestValidationPipe());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('TNW orchestrator')
      .setDescription('Back-office API for return-to-work (Terug Naar Werk) trajectories')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'An access token from the OIDC issuer (OIDC_ISSUER)' })
      .addSecurityRequirements('bearer')
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
  // The back-office web app under /app, when it has been built (docs/decisions/0006).
  serveWebApp(app, webAppSettings(options.oidc.issuer));
  app.enableShutdownHooks();
  return app;
}
