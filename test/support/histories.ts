import type { temporal } from '@temporalio/proto';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const HISTORIES = join(__dirname, '..', 'histories');

/**
 * Writes a workflow's history under test/histories/<workflowType>/ when CAPTURE_HISTORIES is set
 * (`npm run histories:capture`). Committed histories are never rewritten by a normal test run:
 * they are the record that today's code must still replay.
 */
export async function writeHistory(workflowType: string, name: string, history: temporal.api.history.v1.IHistory): Promise<void> {
  if (!process.env.CAPTURE_HISTORIES) return;
  const dir = join(HISTORIES, workflowType);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(JSON.parse(historyToJSON(history)), null, 2) + '\n');
}

export interface CommittedHistory {
  workflowId: string;
  history: unknown;
}

export function committedHistories(workflowType: string): CommittedHistory[] {
  const dir = join(HISTORIES, workflowType);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => ({ workflowId: `${workflowType}/${file}`, history: JSON.parse(readFileSync(join(dir, file), 'utf8')) }));
}
