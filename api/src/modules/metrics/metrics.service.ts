import type { EntityManager } from '@mikro-orm/knex';
import { checkWindowOrder } from '../../core/filters.js';
import { userInputError } from '../../core/errors.js';
import { Channel } from '../contacts/channel.js';
import { Generation } from '../customers/generation.js';
import { Tier } from '../customers/tier.js';
import { SelfServiceEntry } from '../selfservice/entry.js';
import { Dimension, graphqlEnumName } from './dimension.js';
import type { MetricFilter } from './dto/metric-filter.input.js';
import type { MetricRow } from './dto/metric-row.type.js';
import { queryFamily, type GroupQuery, type GroupRow } from './fact-queries.js';
import { FILTER_OF_DIMENSION } from './sql-builder.js';
import {
  FAMILY_DIMENSIONS,
  MEASURES,
  withFormerNames,
  type Aggregates,
  type Family,
  type Measure,
} from './measures.js';
import type { TimeGrain } from './time-grain.js';
import { rollupState } from './rollups/rollup-maintenance.js';
import {
  coversWholeDays,
  fittingRollup,
  queryChurnRollup,
  queryFactRollup,
} from './rollups/rollup-queries.js';
import { queryWordOfMouthRollup, riskScoresFit, ROWS_FROM_RISK_ROLLUP } from './rollups/derived-queries.js';
import { queryRevenueAtRisk } from './revenue-at-risk.js';
import { dialectOf } from '../../database/dialect.js';

export interface MetricsRequest {
  measures: readonly Measure[];
  dimensions: readonly Dimension[];
  grain: TimeGrain | null;
  filter: MetricFilter;
  /** Sums and counts wanted beyond those of the measures (e.g. sums of squares for a significance test). */
  extraAggregates?: Partial<Record<Family, readonly string[]>>;
}

/** The sums and counts of one group, from every family asked, before measures are derived. */
export type AggregateRow = GroupRow;

/** Enum dimensions sort in declaration order (generations oldest first); strings by code point. */
const ENUM_ORDER: Partial<Record<Dimension, readonly string[]>> = {
  [Dimension.CHANNEL]: Object.values(Channel),
  [Dimension.GENERATION]: Object.values(Generation),
  [Dimension.TIER]: Object.values(Tier),
  [Dimension.ENTRY]: Object.values(SelfServiceEntry),
};

/**
 * The metrics semantic layer: validates which measures can be split and filtered how, runs one grouped
 * query per family of measures in the database, joins their groups and derives the measures.
 */
/**
 * Where aggregates come from: rollups whenever they are built and fit the query, else the facts
 * ('auto', the only choice clients get); tests force one path or the other to compare them.
 */
export type MetricsSource = 'auto' | 'facts' | 'rollups';

export class MetricsService {
  constructor(
    private readonly em: EntityManager,
    private readonly source: MetricsSource = 'auto',
  ) {}

  /** Measures by dimensions and period, as the `metrics` query returns them; refuses inapplicable requests. */
  async metrics(request: MetricsRequest): Promise<MetricRow[]> {
    validateMetricsRequest(request);
    const rows = await this.aggregate(request);
    return rows.map((row) => toMetricRow(row, request));
  }

  /**
   * The aggregates behind `request.measures`, grouped and sorted, without validation: a filter list that
   * a family cannot apply (channels for self-service) is left out for that family, as headline views
   * that mix families need. Call validateMetricsRequest first to refuse such requests instead.
   */
  async aggregate(request: MetricsRequest): Promise<AggregateRow[]> {
    checkWindowOrder(request.filter);
    const families = new Map<Family, Set<string>>();
    for (const measure of request.measures) {
      const { family, aggregates } = MEASURES[measure];
      const needed = families.get(family) ?? new Set<string>();
      for (const name of aggregates) needed.add(name);
      families.set(family, needed);
    }
    for (const [family, names] of Object.entries(request.extraAggregates ?? {}) as [Family, string[]][]) {
      families.set(family, new Set([...(families.get(family) ?? []), ...names]));
    }
    const rollups = await this.rollupsUsable();
    const results = await Promise.all(
      [...families].map(([family, aggregates]) => {
        const query = {
          dimensions: request.dimensions,
          grain: request.grain,
          filter: applicableFilter(family, request.filter),
          aggregates,
        };
        return rollups ? this.fromRollup(family, query, rollups) : queryFamily(this.em, family, query);
      }),
    );
    return sortRows(mergeGroups(results.flat()), request.dimensions);
  }

  /** Whether rollups may answer, and what churnRate must know of them; null to keep to the facts. */
  private async rollupsUsable(): Promise<{ churnedBeforeSignup: number } | null> {
    if (this.source === 'facts') return null;
    const state = await rollupState(this.em.getKnex(), dialectOf(this.em));
    if (this.source === 'rollups') return state ?? { churnedBeforeSignup: 0 };
    return state;
  }

  /** The query from the smallest fitting rollup, or from the facts when none fits it exactly. */
  private async fromRollup(
    family: Family,
    query: GroupQuery,
    { churnedBeforeSignup }: { churnedBeforeSignup: number },
  ): Promise<GroupRow[]> {
    if (family === 'wordOfMouth' && coversWholeDays(query.filter)) {
      return queryWordOfMouthRollup(this.em, query);
    }
    if (family === 'risk' && riskScoresFit(query.filter)) {
      return queryRevenueAtRisk(this.em, query, ROWS_FROM_RISK_ROLLUP);
    }
    const rollup = fittingRollup(family, query);
    if (rollup?.family === 'churn' && churnedBeforeSignup === 0) {
      const rows = await queryChurnRollup(this.em, rollup, query);
      if (rows) return rows;
    } else if (rollup && rollup.family !== 'churn') {
      return queryFactRollup(this.em, rollup, query);
    }
    return queryFamily(this.em, family, query);
  }
}

/** Derives the requested measures of one aggregate row (renamed ones under their former names as well). */
export function deriveMeasures(
  measures: readonly Measure[],
  aggregates: Aggregates,
): Partial<Record<Measure, number | null>> {
  return withFormerNames(
    Object.fromEntries(measures.map((measure) => [measure, MEASURES[measure].derive(aggregates)])),
  );
}

function toMetricRow(row: AggregateRow, request: MetricsRequest): MetricRow {
  const dimensions = Object.fromEntries(
    request.dimensions.map((dimension, i) => [dimension, row.dimensions[i]]),
  );
  return {
    period: row.period,
    ...dimensions,
    ...deriveMeasures(request.measures, row.aggregates),
  };
}

/** Refuses measures asked for by a dimension or filter they cannot be split by, naming both. */
export function validateMetricsRequest({ measures, dimensions, grain, filter }: MetricsRequest): void {
  if (measures.length === 0) {
    throw userInputError(
      'metrics',
      'no measure',
      'at least one measure field selected on MetricRow (nps, contacts, deflectionRate, …)',
    );
  }
  for (const measure of measures) {
    const accepted = FAMILY_DIMENSIONS[MEASURES[measure].family];
    const acceptedNames = accepted.length > 0 ? accepted.map(graphqlEnumName).join(', ') : 'none';
    for (const dimension of dimensions) {
      if (!accepted.includes(dimension)) {
        throw userInputError(
          'dimensions',
          graphqlEnumName(dimension),
          `a dimension that ${measure} can be split by (${acceptedNames})`,
        );
      }
    }
    for (const dimension of Object.values(Dimension)) {
      const list = FILTER_OF_DIMENSION[dimension];
      if (filter[list] != null && !accepted.includes(dimension)) {
        throw userInputError(
          `filter.${list}`,
          ENUM_ORDER[dimension] ? filter[list].map(graphqlEnumName) : filter[list],
          `no ${list} filter when selecting ${measure}, which cannot be filtered by ${graphqlEnumName(dimension)} ` +
            `(it accepts ${acceptedNames})`,
        );
      }
    }
  }
  if (measures.includes('churnRate') && !grain && !filter.from) {
    throw userInputError(
      'filter.from',
      null,
      'the start of the window when selecting churnRate without a grain: churn rate divides by the customers ' +
        'active at the start of the period',
    );
  }
}

function applicableFilter(family: Family, filter: MetricFilter): MetricFilter {
  const applicable: MetricFilter = { from: filter.from, to: filter.to };
  for (const dimension of FAMILY_DIMENSIONS[family]) {
    const list = FILTER_OF_DIMENSION[dimension];
    (applicable as Record<string, unknown>)[list] = filter[list];
  }
  return applicable;
}

/** Joins the groups of several families: one row per period and dimension values, holding all their sums. */
function mergeGroups(rows: GroupRow[]): AggregateRow[] {
  const merged = new Map<string, AggregateRow>();
  for (const row of rows) {
    const key = JSON.stringify([row.period?.getTime() ?? null, ...row.dimensions]);
    const existing = merged.get(key);
    if (existing) Object.assign(existing.aggregates, row.aggregates);
    else merged.set(key, { ...row, aggregates: { ...row.aggregates } });
  }
  return [...merged.values()];
}

function sortRows(rows: AggregateRow[], dimensions: readonly Dimension[]): AggregateRow[] {
  const compareValues = (dimension: Dimension, a: string | null, b: string | null): number => {
    if (a === b) return 0;
    if (a === null) return 1;
    if (b === null) return -1;
    const order = ENUM_ORDER[dimension];
    if (order) return order.indexOf(a) - order.indexOf(b);
    return a < b ? -1 : 1;
  };
  return rows.sort((a, b) => {
    const byPeriod = (a.period?.getTime() ?? 0) - (b.period?.getTime() ?? 0);
    if (byPeriod !== 0) return byPeriod;
    for (let i = 0; i < dimensions.length; i++) {
      const byDimension = compareValues(dimensions[i]!, a.dimensions[i] ?? null, b.dimensions[i] ?? null);
      if (byDimension !== 0) return byDimension;
    }
    return 0;
  });
}
