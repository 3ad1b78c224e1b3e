import type { EntityManager } from '@mikro-orm/knex';
import { toDbValue, type Dialect } from '../src/database/dialect.js';

/** One row of the month × channel × generation query, with enum values as stored (lower case). */
export interface MetricValues {
  /** Start of the UTC month, ISO 8601. */
  period: string;
  channel: string | null;
  generation: string | null;
  nps: number | null;
  npsResponses: number | null;
  avgCsat: number | null;
  avgCes: number | null;
  contacts: number | null;
  avgHandleSeconds: number | null;
  fcrRate: number | null;
  escalationRate: number | null;
}

const MEASURES = [
  'nps',
  'npsResponses',
  'avgCsat',
  'avgCes',
  'contacts',
  'avgHandleSeconds',
  'fcrRate',
  'escalationRate',
] as const;

/** Counts: an absent family (a group with contacts but no survey) may be reported as null or as 0. */
const COUNTS = new Set<string>(['npsResponses', 'contacts']);

/**
 * What each database needs spelled differently. SQLite keeps datetimes as epoch milliseconds and groups
 * by the month already written as the API's ISO text; PostgreSQL groups by the truncated timestamptz,
 * writes it as text once per group, and returns bigint and numeric as strings, so results are cast to
 * types its driver hands over as numbers.
 */
interface Spelling {
  month: (column: string) => string;
  /** The month as the API writes it (ISO 8601 in UTC, milliseconds included). */
  iso: (month: string) => string;
  int: (sql: string) => string;
  float: (sql: string) => string;
}

const SPELLING: Record<Dialect, Spelling> = {
  sqlite: {
    month: (column) => `strftime('%Y-%m-01T00:00:00.000Z', ${column} / 1000, 'unixepoch')`,
    iso: (month) => month,
    int: (sql) => sql,
    float: (sql) => sql,
  },
  postgresql: {
    month: (column) => `date_trunc('month', ${column}, 'UTC')`,
    iso: (month) => `to_char(${month} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    int: (sql) => `(${sql})::int`,
    float: (sql) => `(${sql})::float8`,
  },
};

/**
 * The survey and contact aggregates of the metrics query by hand, in one statement: each fact table is
 * grouped once, the two small results are stacked and merged per (month, channel, generation). This is
 * the floor the API's generated SQL is compared against.
 */
export function rawMetricsSql(dialect: Dialect): string {
  const { month, iso, int, float } = SPELLING[dialect];
  return `
with survey_groups as (
  select ${month('r.responded_at')} as period, r.channel as channel, cu.generation as generation,
    count(*) filter (where r.type = 'nps') as nps_n,
    count(*) filter (where r.type = 'nps' and r.score >= 9) as promoters,
    count(*) filter (where r.type = 'nps' and r.score <= 6) as detractors,
    avg(r.score) filter (where r.type = 'csat') as csat_avg,
    avg(r.score) filter (where r.type = 'ces') as ces_avg
  from survey_responses r join customers cu on cu.id = r.customer_id
  where r.responded_at >= ? and r.responded_at < ?
  group by 1, 2, 3
), contact_groups as (
  select ${month('c.started_at')} as period, c.channel as channel, cu.generation as generation,
    count(*) as contacts,
    avg(c.handle_seconds) as avg_handle,
    100.0 * count(*) filter (where c.first_contact_resolution) / count(*) as fcr,
    100.0 * count(*) filter (where c.escalated) / count(*) as escalation
  from contacts c join customers cu on cu.id = c.customer_id
  where c.started_at >= ? and c.started_at < ?
  group by 1, 2, 3
)
select ${iso('period')} as period, channel, generation,
  ${float('100.0 * (max(promoters) - max(detractors)) / nullif(max(nps_n), 0)')} as "nps",
  ${int('max(nps_n)')} as "npsResponses",
  ${float('max(csat_avg)')} as "avgCsat",
  ${float('max(ces_avg)')} as "avgCes",
  ${int('max(contacts)')} as "contacts",
  ${float('max(avg_handle)')} as "avgHandleSeconds",
  ${float('max(fcr)')} as "fcrRate",
  ${float('max(escalation)')} as "escalationRate"
from (
  select period, channel, generation, nps_n, promoters, detractors, csat_avg, ces_avg,
    null as contacts, null as avg_handle, null as fcr, null as escalation
  from survey_groups
  union all
  select period, channel, generation, null, null, null, null, null, contacts, avg_handle, fcr, escalation
  from contact_groups
) stacked
group by period, channel, generation
order by period, channel, generation`;
}

/** Runs the hand-written aggregate through the ORM's connection, as the API's own queries go. */
export async function runRawMetrics(
  em: EntityManager,
  dialect: Dialect,
  sql: string,
  from: Date,
  to: Date,
): Promise<MetricValues[]> {
  const window = [toDbValue(dialect, from), toDbValue(dialect, to)];
  return em.getConnection().execute<MetricValues[]>(sql, [...window, ...window]);
}

/** The API's rows (enum names in upper case) in the stored spelling, to compare with the raw rows. */
export function fromApiRow(row: MetricValues): MetricValues {
  return {
    ...row,
    channel: row.channel?.toLowerCase() ?? null,
    generation: row.generation?.toLowerCase() ?? null,
  };
}

/**
 * Differences between the API's rows and the raw rows, matched by (period, channel, generation); empty
 * when both agree on every group and every measure (to 1e-9 relative, as the sums are added in
 * different orders).
 */
export function compareMetrics(api: MetricValues[], raw: MetricValues[]): string[] {
  const key = (row: MetricValues) => `${row.period} ${row.channel ?? '(none)'} ${row.generation ?? '(none)'}`;
  const rawByKey = new Map(raw.map((row) => [key(row), row]));
  const problems: string[] = [];
  if (api.length !== raw.length) problems.push(`row count: API ${api.length}, raw SQL ${raw.length}`);
  for (const row of api) {
    const expected = rawByKey.get(key(row));
    if (!expected) {
      problems.push(`${key(row)}: returned by the API, absent from the raw SQL`);
      continue;
    }
    for (const measure of MEASURES) {
      if (!sameValue(row[measure], expected[measure], COUNTS.has(measure))) {
        problems.push(`${key(row)} ${measure}: API ${row[measure]}, raw SQL ${expected[measure]}`);
      }
    }
  }
  return problems;
}

function sameValue(api: number | null, raw: number | null, isCount: boolean): boolean {
  if (isCount) return (api ?? 0) === (raw ?? 0);
  if (api === null || raw === null) return api === raw;
  return Math.abs(api - raw) <= 1e-9 * Math.max(1, Math.abs(raw));
}
