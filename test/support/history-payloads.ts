/**
 * The payloads of a workflow history in Temporal's JSON form (historyToJSON, or a committed file
 * in test/histories), where each says it is, and what a person reading the raw history would see.
 */
export interface HistoryPayload {
  /** Where in the history: `events[3].workflowExecutionStartedEventAttributes.input.payloads[0]`. */
  path: string;
  encoding?: string;
  keyId?: string;
  /**
   * Payloads the codec never sees, by Temporal's design: search attribute values (indexed by the
   * server; ours hold no personal data) and Core's patch markers (the patch ID only).
   */
  exempt?: 'searchAttribute' | 'patchMarker';
}

const fromBase64 = (value: unknown) => (typeof value === 'string' ? Buffer.from(value, 'base64').toString('utf8') : undefined);

export function payloadsInHistory(history: unknown): HistoryPayload[] {
  const found: HistoryPayload[] = [];
  const events = (history as { events?: Array<Record<string, unknown>> }).events ?? [];
  events.forEach((event, index) => {
    const marker = event.markerRecordedEventAttributes as { markerName?: string } | undefined;
    walk(event, `events[${index}]`, (payload, path) => {
      const metadata = payload.metadata as Record<string, string>;
      const exempt = /searchAttributes/i.test(path) ? 'searchAttribute' : marker?.markerName === 'core_patch' ? 'patchMarker' : undefined;
      found.push({ path, encoding: fromBase64(metadata.encoding), keyId: fromBase64(metadata['encryption-key-id']), ...(exempt ? { exempt } : {}) });
    });
  });
  return found;
}

function walk(node: unknown, path: string, visit: (payload: Record<string, unknown>, path: string) => void): void {
  if (Array.isArray(node)) return node.forEach((item, index) => walk(item, `${path}[${index}]`, visit));
  if (!node || typeof node !== 'object') return;
  const object = node as Record<string, unknown>;
  const metadata = object.metadata as Record<string, unknown> | undefined;
  if (metadata && typeof metadata === 'object' && 'encoding' in metadata) return visit(object, path);
  for (const [key, value] of Object.entries(object)) walk(value, `${path}.${key}`, visit);
}

/**
 * Everything a reader of the raw history sees as text: the JSON itself plus every base64 value
 * decoded (payload data, metadata), so that a national number or a sentence in a payload that
 * is not encrypted shows up in a search.
 */
export function readableText(history: unknown): string {
  const json = JSON.stringify(history);
  const decoded: string[] = [];
  JSON.stringify(history, (_key, value: unknown) => {
    if (typeof value === 'string' && value.length >= 4 && /^[A-Za-z0-9+/]+={0,2}$/.test(value)) decoded.push(Buffer.from(value, 'base64').toString('utf8'));
    return value;
  });
  return [json, ...decoded].join('\n');
}
