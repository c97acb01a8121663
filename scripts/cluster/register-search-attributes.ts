import { Connection } from '@temporalio/client';
import { registerSearchAttributes, temporalConnectionConfig } from '@tnw/temporal';

/**
 * The case workflows' search attributes in the namespace (docker-compose.yml's temporal-setup runs
 * it once the namespace exists; `npm run start:cluster` does the same in-process). Waits for the
 * frontend to serve the namespace, since its cache takes a few seconds after the namespace is made.
 */
async function main(): Promise<void> {
  const { address, namespace } = temporalConnectionConfig();
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const connection = await Connection.connect({ address });
      try {
        await registerSearchAttributes(connection, namespace);
      } finally {
        await connection.close();
      }
      console.log(`search attributes registered in ${namespace} at ${address}`);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
