/** What the first request of a key does: compute, then hand its result (undefined: none to share) over. */
export interface Leader<V> {
  readonly share: (result: V | undefined) => void;
}

/**
 * One computation per key at a time in this process: the first caller of a key leads, and callers of
 * the same key while it runs follow, waiting for what it shares instead of computing the same answer
 * again (better-sqlite3 is synchronous: fifty copies of one slow query would queue behind each other).
 */
export class SingleFlight<V> {
  private readonly flights = new Map<string, Promise<V | undefined>>();

  /** A leader, or the promise of the leader's result for a follower. */
  join(key: string): { leader: Leader<V> } | { follow: Promise<V | undefined> } {
    const flight = this.flights.get(key);
    if (flight) return { follow: flight };
    let settle!: (result: V | undefined) => void;
    const own = new Promise<V | undefined>((resolve) => (settle = resolve));
    this.flights.set(key, own);
    return {
      leader: {
        share: (result) => {
          if (this.flights.get(key) === own) this.flights.delete(key);
          settle(result);
        },
      },
    };
  }
}
