/**
 * A map of at most `limit` entries that forgets the oldest one to make room: a per-process memo
 * that cannot grow without bound. Reads are a plain Map's, with no bookkeeping: a ranking reads its
 * caches thousands of times, and a least-recently-used cache that records every read made that
 * in-memory step nearly twice as slow (allocation benchmark). `touch` moves an entry to the newest
 * end, for the few reads that should keep one.
 */
export class BoundedMap<V> extends Map<string, V> {
  constructor(private readonly limit: number) {
    super();
  }
  override set(key: string, value: V) {
    if (this.size >= this.limit && !this.has(key)) this.delete(this.keys().next().value as string);
    return super.set(key, value);
  }
  touch(key: string, value: V) {
    this.delete(key);
    return this.set(key, value);
  }
}
