/** A nearest-rank percentile (p in 0..100) of latencies in milliseconds. */
export function percentile(latenciesMs: readonly number[], p: number): number {
  if (latenciesMs.length === 0) return Number.NaN;
  const sorted = [...latenciesMs].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Milliseconds since a `process.hrtime.bigint()` reading: monotonic, unaffected by clock changes. */
export function millisecondsSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}
