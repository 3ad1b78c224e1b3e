/** Latency of one kind of request over the measured runs, in milliseconds. */
export interface LatencySummary {
  runs: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles: every reported value is one that was actually measured. */
export function summarize(samples: number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (quantile: number) => sorted[Math.max(0, Math.ceil(quantile * sorted.length) - 1)]!;
  return {
    runs: sorted.length,
    p50: rank(0.5),
    p95: rank(0.95),
    p99: rank(0.99),
    max: sorted[sorted.length - 1]!,
  };
}

export type Probe = () => Promise<unknown>;

/**
 * Runs every probe once per round, in turn, so that load from other processes on the machine falls on
 * all of them alike and the ratios between them stay fair. Warm-up rounds (plans cached, pages in
 * memory, JIT warm) are not recorded.
 */
export async function measure<K extends string>(
  probes: Record<K, Probe>,
  { warmup, runs }: { warmup: number; runs: number },
): Promise<Record<K, LatencySummary>> {
  const names = Object.keys(probes) as K[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let round = 0; round < warmup + runs; round++) {
    for (const name of names) {
      const started = performance.now();
      await probes[name]();
      if (round >= warmup) samples[name].push(performance.now() - started);
    }
  }
  return Object.fromEntries(names.map((name) => [name, summarize(samples[name])])) as Record<
    K,
    LatencySummary
  >;
}
