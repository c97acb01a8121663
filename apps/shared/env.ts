/** Reads a setting the process cannot run without, naming it when it is missing. */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`error: the environment variable ${name} is not set (npm start sets it for you)`);
    process.exit(1);
  }
  return value;
}
