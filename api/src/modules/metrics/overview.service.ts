import type { EntityManager } from '@mikro-orm/knex';
import { comparisonWindow, resolveWindow, type Comparison, type TimeWindowValue } from './comparison.js';
import type { MetricFilter } from './dto/metric-filter.input.js';
import { OVERVIEW_KPIS, type KpiComparison, type Overview, type OverviewKpi } from './dto/overview.type.js';
import { MEASURES, withFormerNames, Z_95, type Aggregates, type Family } from './measures.js';
import { MetricsService } from './metrics.service.js';
import { compareEstimates } from './significance.js';

/**
 * What the KPIs need beyond their own aggregates, from the catalogue: the aggregate counting each one's
 * sample, and those of its variance.
 */
const EXTRA_AGGREGATES: Partial<Record<Family, readonly string[]>> = {};
for (const kpi of OVERVIEW_KPIS) {
  const { family, sampleSize, variance } = MEASURES[kpi];
  const extra = new Set([
    ...(EXTRA_AGGREGATES[family] ?? []),
    sampleSize.name,
    ...(variance?.aggregates ?? []),
  ]);
  EXTRA_AGGREGATES[family] = [...extra];
}

/** Headline KPIs of a window against a comparison window, for the executive overview. */
export class OverviewService {
  constructor(private readonly em: EntityManager) {}

  async overview(filter: MetricFilter, compare: Comparison, now = new Date()): Promise<Overview> {
    const window = resolveWindow(filter.from, filter.to, now);
    const previousWindow = comparisonWindow(window, compare);
    const [current, previous] = await Promise.all([
      this.windowAggregates(filter, window),
      this.windowAggregates(filter, previousWindow),
    ]);
    const kpis = withFormerNames(
      Object.fromEntries(OVERVIEW_KPIS.map((kpi) => [kpi, compareKpi(kpi, current, previous)])),
    );
    return { window, comparisonWindow: previousWindow, compare, ...kpis };
  }

  /** Every KPI's sums and counts over one window; filters a KPI cannot apply are left out for it. */
  private async windowAggregates(filter: MetricFilter, window: TimeWindowValue): Promise<Aggregates> {
    const [row] = await new MetricsService(this.em).aggregate({
      measures: OVERVIEW_KPIS,
      dimensions: [],
      grain: null,
      filter: { ...filter, ...window },
      extraAggregates: EXTRA_AGGREGATES,
    });
    return row?.aggregates ?? {};
  }
}

function compareKpi(kpi: OverviewKpi, current: Aggregates, previous: Aggregates): KpiComparison {
  const measure = MEASURES[kpi];
  const currentValue = measure.derive(current);
  const previousValue = measure.derive(previous);
  const delta = currentValue !== null && previousValue !== null ? currentValue - previousValue : null;
  const sampleSize = (a: Aggregates) => a[measure.sampleSize.name] ?? 0;
  const variance = (a: Aggregates) => (sampleSize(a) >= 2 ? (measure.variance?.of(a) ?? null) : null);
  const currentVariance = variance(current);
  const test = compareEstimates(currentValue, previousValue, currentVariance, variance(previous));
  return {
    current: currentValue,
    previous: previousValue,
    delta,
    deltaPct: delta !== null && previousValue ? (100 * delta) / Math.abs(previousValue) : null,
    sampleSize: sampleSize(current),
    previousSampleSize: sampleSize(previous),
    marginOfError: currentVariance === null ? null : Z_95 * Math.sqrt(currentVariance),
    significant: test?.significant ?? null,
    pValue: test?.pValue ?? null,
  };
}
