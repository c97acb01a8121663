import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const WORKFLOWS = join(ROOT, 'workflows');

/** The line of the trajectory workflow that sets the first-contact timer. */
const FIRST_CONTACT_TIMER =
  /const heldInTime = await condition\(held, millisecondsUntil\(firstContact\.expiresAt\), \{ summary: `first contact due \(\$\{firstContact\.ruleId\}\)` \}\);/;

/**
 * Today's workflows with one deliberate incompatible change, made without patched(): the
 * trajectory's first-contact deadline no longer sets a timer. Written from the real sources at
 * test time (imports made absolute), so the variant never drifts from the code it varies;
 * answers the entry point to bundle.
 */
export function writeIncompatibleWorkflows(): string {
  const source = readFileSync(join(WORKFLOWS, 'trajectory', 'trajectory.workflow.ts'), 'utf8');
  if (!FIRST_CONTACT_TIMER.test(source)) {
    throw new Error('the first-contact timer line of workflows/trajectory/trajectory.workflow.ts changed: update FIRST_CONTACT_TIMER');
  }
  const variant = source
    .replace(FIRST_CONTACT_TIMER, 'await condition(held);\n  const heldInTime = Date.now() < Date.parse(firstContact.expiresAt);')
    .replace(/from '\.\.\//g, `from '${WORKFLOWS}/`)
    .replace(/from '\.\//g, `from '${WORKFLOWS}/trajectory/`);
  // Inside the project (git-ignored), so that the bundler resolves the SDK from the variant.
  const cache = join(ROOT, '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'tnw-incompatible-'));
  writeFileSync(join(dir, 'trajectory.workflow.ts'), variant);
  const index = readFileSync(join(WORKFLOWS, 'index.ts'), 'utf8')
    .replace(/from '\.\//g, `from '${WORKFLOWS}/`)
    .replace(`${WORKFLOWS}/trajectory/trajectory.workflow`, './trajectory.workflow');
  writeFileSync(join(dir, 'index.ts'), index);
  return join(dir, 'index.ts');
}
