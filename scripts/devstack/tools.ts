import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../libs/temporal/src/repo-root';

// The engine binaries are built or fetched by scripts/tools.sh into a cache outside the clone.
// This finds them again for code started without that script (e.g. `npx jest` by hand).
const versionsFile = join(repoRoot(__dirname), 'scripts', 'tools', 'versions.env');

function versions(): Record<string, string> {
  const entries = readFileSync(versionsFile, 'utf8')
    .split('\n')
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line) => line.split('=', 2) as [string, string]);
  return Object.fromEntries(entries);
}

function toolsDir(): string {
  return process.env.TNW_TOOLS_DIR ?? join(homedir(), '.cache', 'tnw-orchestrator');
}

function locate(envName: string, cached: string): string {
  const candidate = process.env[envName] ?? cached;
  if (!existsSync(candidate)) {
    throw new Error(`${envName}: ${candidate} does not exist. Run 'npm run tools' to build it, or set ${envName}.`);
  }
  return candidate;
}

export function temporalCliPath(): string {
  const v = versions().TEMPORAL_CLI_VERSION;
  return locate('TEMPORAL_CLI', join(toolsDir(), `temporal-cli-${v}`, 'bin', 'temporal'));
}

export function temporalTestServerPath(): string {
  const v = versions().TEMPORAL_TEST_SERVER_VERSION;
  return locate('TEMPORAL_TEST_SERVER', join(toolsDir(), `temporal-test-server-${v}`, 'temporal-test-server'));
}
