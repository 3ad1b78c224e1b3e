/** Entries kept for reuse beyond which they are all dropped (a bound on memory, not a cache policy). */
const MAX_KEPT = 10_000;

interface Lookup<V> {
  running: Promise<V>;
  startedAt: number;
  settled: boolean;
  next?: Promise<V>;
}

/**
 * Lookups shared by concurrent requests with a precise bound on how old an answer can be. A caller
 * takes the answer of a lookup of the same key begun at most `reuseForMs` before it asked (0: only of
 * one that has not started yet). Otherwise, while one runs, everyone who asks waits for the single next
 * one, which starts when the running one ends. So under load at most one lookup per key runs and one
 * waits, however many requests ask, and each caller sees every change committed more than `reuseForMs`
 * before it asked (with 0, every change committed before it asked). Failed lookups are never reused.
 */
export class FreshReads<K, V> {
  private readonly lookups = new Map<K, Lookup<V>>();

  constructor(
    private readonly lookup: (key: K) => Promise<V>,
    private readonly reuseForMs = 0,
  ) {}

  read(key: K): Promise<V> {
    const current = this.lookups.get(key);
    if (!current) return this.start(key);
    if (!current.settled) {
      current.next ??= current.running.then(
        () => this.start(key),
        () => this.start(key),
      );
      return current.next;
    }
    if (performance.now() - current.startedAt <= this.reuseForMs) return current.running;
    return this.start(key);
  }

  /** Drops every kept answer: the next caller of each key looks up again (after a local change). */
  forget(): void {
    for (const [key, { settled }] of this.lookups) if (settled) this.lookups.delete(key);
  }

  /** Keys with a lookup running or kept (for tests: with no reuse, it empties when no one is asking). */
  get pending(): number {
    return this.lookups.size;
  }

  private start(key: K): Promise<V> {
    if (this.lookups.size >= MAX_KEPT) this.forget();
    const entry: Lookup<V> = { running: this.lookup(key), startedAt: performance.now(), settled: false };
    const finish = (keep: boolean) => {
      entry.settled = true;
      if (this.lookups.get(key) === entry && (!keep || this.reuseForMs <= 0)) this.lookups.delete(key);
    };
    entry.running.then(
      () => finish(true),
      () => finish(false),
    );
    this.lookups.set(key, entry);
    return entry.running;
  }
}
