import { fromDbTime } from '../../database/dialect.js';
import type { Dimension } from './dimension.js';
import type { MetricFilter } from './dto/metric-filter.input.js';
import type { Aggregates } from './measures.js';
import type { TimeGrain } from './time-grain.js';

/** One grouped aggregate query of a family: which groups, over which rows, computing which sums and counts. */
export interface GroupQuery {
  dimensions: readonly Dimension[];
  grain: TimeGrain | null;
  /** Only the lists that apply to the family are set. */
  filter: MetricFilter;
  aggregates: ReadonlySet<string>;
}

/** One group: its period (bucket start, or null without a grain), dimension values in query order, and sums. */
export interface GroupRow {
  period: Date | null;
  dimensions: (string | null)[];
  aggregates: Aggregates;
}

/** The rows of a grouped aggregate query (period, d0…dn, one column per aggregate) as groups. */
export function toGroupRows(rows: Record<string, unknown>[], query: GroupQuery): GroupRow[] {
  return rows.map((row) => {
    const aggregates: Aggregates = {};
    for (const name of query.aggregates) aggregates[name] = Number(row[name] ?? 0);
    return {
      period: row.period == null ? null : fromDbTime(row.period),
      dimensions: query.dimensions.map((_, i) => (row[`d${i}`] ?? null) as string | null),
      aggregates,
    };
  });
}
