/**
 * A small in-memory map whose entries expire after `ttlMs` and whose oldest entries go when it
 * holds `maxEntries`. An expired entry is kept until then, for getStale. Used for data keys: see
 * SubjectKeyStore for what that means for erasure.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, { value: V; expiresAt: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.expiresAt <= this.now()) return undefined;
    // Most recently used last, so that the first entry is the one to drop.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** The entry even if it expired, as long as it expired no more than `graceMs` ago. */
  getStale(key: K, graceMs: number): V | undefined {
    const entry = this.entries.get(key);
    return entry && entry.expiresAt + graceMs > this.now() ? entry.value : undefined;
  }

  set(key: K, value: V): void {
    this.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + this.ttlMs });
    while (this.entries.size > this.maxEntries) this.delete(this.entries.keys().next().value as K);
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
