import { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { requestValidationPipe } from '../../shared/request-validation';
import { PartnersModule } from './partners.module';

/** The partner simulators as one HTTP server; OpenAPI at /docs. */
export async function createPartnersApp(): Promise<INestApplication> {
  const app = await NestFactory.create(PartnersModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(requestValidationPipe());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('TNW partner simulators').setDescription('Mutuality, RIZIV, employment services, employers, letters').build(),
  );
  SwaggerModule.setup('docs', app, document);
  app.enableShutdownHooks();
  // Longer than a client's idle keep-alive (undici: 4 s), so the client always closes an idle
  // connection first: otherwise, on a loaded machine, a request can go out on a socket the
  // server is closing and fail with ECONNRESET.
  (app.getHttpServer() as Server).keepAliveTimeout = 65_000;
  return app;
}
