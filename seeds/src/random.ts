/**
 * A small, fast, seedable PRNG (sfc32, seeded through splitmix32) so the demo data is identical on
 * every machine and Node version: Math.random cannot be seeded, and of faker only the word lists for
 * names are used, drawn with this generator. Each customer gets its own stream derived from (seed, customer index), which is what makes the
 * output independent of how customers are chunked.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** A stream keyed by any number of 32-bit integers (e.g. seed, customer index, purpose). */
  constructor(...keys: number[]) {
    let state = 0x9e3779b9;
    for (const key of keys) state = splitmix32(state ^ Math.imul(key | 0, 0x85ebca6b));
    this.a = state = splitmix32(state);
    this.b = state = splitmix32(state);
    this.c = state = splitmix32(state);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  uniform(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /**
   * A key drawn with probability proportional to its (non-negative) weight. Weights drawn from again and
   * again (calibrated mixes) are best passed as a WeightTable, which skips walking the object's keys.
   */
  weighted<K extends string>(weights: Readonly<Record<K, number>> | WeightTable<K>): K {
    const table = weights instanceof WeightTable ? weights : new WeightTable(weights);
    let remaining = this.next() * table.total;
    const last = table.keys.length - 1;
    for (let i = 0; i < last; i++) {
      remaining -= table.weights[i]!;
      if (remaining < 0) return table.keys[i]!;
    }
    if (last < 0) throw new Error('weighted draw from no weights');
    return table.keys[last]!;
  }

  /** Standard normal (Box-Muller). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and log-scale spread. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Exponential waiting time with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  /** Event times of a Poisson process with `ratePerMs` over [from, to), ascending. */
  poissonTimes(ratePerMs: number, from: number, to: number): number[] {
    const times: number[] = [];
    if (ratePerMs <= 0) return times;
    for (let at = from + this.exponential(1 / ratePerMs); at < to; at += this.exponential(1 / ratePerMs)) {
      times.push(at);
    }
    return times;
  }
}

function splitmix32(input: number): number {
  let z = (input + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * Weights prepared for drawing: the keys in the object's order, their weights, and their sum (added in that
 * order, so a draw picks the same key as from the object itself).
 */
export class WeightTable<K extends string> {
  readonly keys: K[];
  readonly weights: number[];
  readonly total: number;

  constructor(weights: Readonly<Record<K, number>>) {
    this.keys = Object.keys(weights) as K[];
    this.weights = this.keys.map((key) => weights[key]);
    let total = 0;
    for (const weight of this.weights) total += weight;
    this.total = total;
  }
}

/**
 * Weight tables by a small whole number naming what they depend on (e.g. a generation's index and a trait),
 * for weights the generator would otherwise recompute for every draw:
 * `tables.get(key) ?? tables.add(key, weights(…))`.
 */
export class WeightTables<K extends string> {
  private readonly tables: (WeightTable<K> | undefined)[] = [];

  get(key: number): WeightTable<K> | undefined {
    return this.tables[key];
  }

  add(key: number, weights: Readonly<Record<K, number>>): WeightTable<K> {
    const table = new WeightTable(weights);
    this.tables[key] = table;
    return table;
  }
}
