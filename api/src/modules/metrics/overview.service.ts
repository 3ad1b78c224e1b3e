import type { EntityManager } from '@mikro-orm/knex';
import { comparisonWindow, resolveWindow, type Comparison, type TimeWindowValue } from './comparison.js';
import type { MetricFilter } from './dto/metric-filter.input.js';
import { OVERVIEW_KPIS, type KpiComparison, type Overview, type OverviewKpi } from './dto/overview.type.js';
import { csatMeanVariance, MEASURES, npsVariance, Z_95, type Aggregates, type Family } from './measures.js';
import { MetricsService } from './metrics.service.js';
import { compareEstimates } from './significance.js';

/** The aggregate each KPI's sample size is read from. */
const SAMPLE_SIZE: Record<OverviewKpi, string | null> = {
  nps: 'npsResponses',
  csatAvg: 'csatResponses',
  csatTop2Pct: 'csatResponses',
  cesAvg: 'cesResponses',
  contacts: 'contacts',
  avgHandleSeconds: 'handleCount',
  avgWaitSeconds: 'waitCount',
  fcrRate: 'contacts',
  escalationRate: 'contacts',
  repeatContactRate: 'contacts',
  selfServiceSessions: 'sessions',
  deflectionRate: 'sessions',
  trueDeflectionRate: 'sessions',
  backfireRate: 'escalatedSessions',
  womReach: 'detractorCustomers',
  churnRate: 'activeCustomers',
  revenueAtRisk: 'scoredCustomers',
};

/** Variances of the estimates whose change is tested for significance (with at least 2 responses a side). */
const VARIANCE: Partial<Record<OverviewKpi, (a: Aggregates) => number | null>> = {
  nps: npsVariance,
  csatAvg: csatMeanVariance,
};

const EXTRA_AGGREGATES: Partial<Record<Family, readonly string[]>> = {
  surveys: ['csatSquares'],
  contacts: ['handleCount', 'waitCount'],
  selfService: ['sessions', 'escalatedSessions'],
  wordOfMouth: ['detractorCustomers'],
  risk: ['scoredCustomers'],
};

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
    const kpis = Object.fromEntries(OVERVIEW_KPIS.map((kpi) => [kpi, compareKpi(kpi, current, previous)]));
    return { window, comparisonWindow: previousWindow, compare, ...kpis } as Overview;
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
  const value = (a: Aggregates) => MEASURES[kpi].derive(a);
  const currentValue = value(current);
  const previousValue = value(previous);
  const delta = currentValue !== null && previousValue !== null ? currentValue - previousValue : null;
  const sampleAggregate = SAMPLE_SIZE[kpi];
  const sampleSize = (a: Aggregates) => (sampleAggregate ? (a[sampleAggregate] ?? 0) : null);
  const variance = (a: Aggregates) => ((sampleSize(a) ?? 0) >= 2 ? (VARIANCE[kpi]?.(a) ?? null) : null);
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
