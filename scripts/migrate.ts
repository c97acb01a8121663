import { runMigrations } from '@tnw/persistence';

/** `npm run migrate`: applies pending migrations to the database that DATABASE_URL names. */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set (npm start migrates its embedded PostgreSQL itself)');
  const applied = await runMigrations(url);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema up to date');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
