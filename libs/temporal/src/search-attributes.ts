import type { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { SEARCH_ATTRIBUTES } from '@tnw/contracts';

const { IndexedValueType } = temporal.api.enums.v1;
/** gRPC status code UNIMPLEMENTED. */
const UNIMPLEMENTED = 12;

/**
 * Registers the case workflows' search attributes in a namespace; those already there are kept.
 * For servers started without them: Temporal's time-skipping test server, a dev server whose
 * database predates them (scripts/start-stack.ts), or a production namespace.
 */
export async function registerSearchAttributes(connection: Pick<Connection, 'operatorService'>, namespace: string): Promise<void> {
  const existing = await existingAttributes(connection, namespace);
  const missing = Object.values(SEARCH_ATTRIBUTES).filter((key) => !existing.has(key.name));
  if (!missing.length) return;
  const searchAttributes = Object.fromEntries(
    missing.map((key) => [key.name, IndexedValueType[`INDEXED_VALUE_TYPE_${key.type}` as keyof typeof IndexedValueType]]),
  );
  await connection.operatorService.addSearchAttributes({ namespace, searchAttributes });
}

/** Temporal's Java test server cannot list search attributes (it starts with none of ours). */
async function existingAttributes(connection: Pick<Connection, 'operatorService'>, namespace: string): Promise<Set<string>> {
  try {
    const listed = await connection.operatorService.listSearchAttributes({ namespace });
    return new Set(Object.keys(listed.customAttributes ?? {}));
  } catch (error) {
    if ((error as { code?: number }).code === UNIMPLEMENTED) return new Set();
    throw error;
  }
}
