import { INestApplication } from '@nestjs/common';
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
  return app;
}
