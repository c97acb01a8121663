import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The checkout's root, from source (libs/temporal/src) or from the build output (dist/...). */
export function repoRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'nest-cli.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no nest-cli.json above ${from}: not inside the tnw-orchestrator checkout`);
    dir = parent;
  }
  return dir;
}
