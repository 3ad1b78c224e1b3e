/**
 * Lookups shared by concurrent requests without ever answering from before a request arrived: a caller
 * joins a lookup of the same key only if that lookup has not started yet. While one runs, everyone who
 * asks for the same key waits for the single next one, which starts when the running one ends; so under
 * load there is at most one lookup running and one waiting per key, however many requests ask, and each
 * caller sees every change committed before it asked (nothing is kept between lookups).
 */
export class FreshReads<K, V> {
  private readonly lookups = new Map<K, { running: Promise<V>; next?: Promise<V> }>();

  constructor(private readonly lookup: (key: K) => Promise<V>) {}

  read(key: K): Promise<V> {
    const current = this.lookups.get(key);
    if (!current) return this.start(key);
    current.next ??= current.running.then(
      () => this.start(key),
      () => this.start(key),
    );
    return current.next;
  }

  /** Keys with a lookup running (for tests: the map empties when no one is asking). */
  get pending(): number {
    return this.lookups.size;
  }

  private start(key: K): Promise<V> {
    const running = this.lookup(key).finally(() => {
      if (this.lookups.get(key)?.running === running) this.lookups.delete(key);
    });
    this.lookups.set(key, { running });
    return running;
  }
}
