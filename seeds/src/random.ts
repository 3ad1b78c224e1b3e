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

  /** A key drawn with probability proportional to its (non-negative) weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let remaining = this.next() * total;
    for (const [key, weight] of entries) {
      remaining -= weight;
      if (remaining < 0) return key;
    }
    return entries[entries.length - 1]![0];
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
