interface Stoppable {
  stop(): Promise<void>;
}

export default async function globalTeardown(): Promise<void> {
  const stack = (globalThis as { tnwTestStack?: Stoppable[] }).tnwTestStack ?? [];
  for (const part of stack) await part.stop();
}
