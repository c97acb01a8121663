import 'reflect-metadata';
import { createPartnersApp } from './create-partners-app';

async function bootstrap(): Promise<void> {
  const app = await createPartnersApp();
  await app.listen(Number(process.env.PARTNERS_PORT ?? 3100), process.env.HOST ?? '127.0.0.1');
}

void bootstrap();
