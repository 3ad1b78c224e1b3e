import type { EntityManager, Knex } from '@mikro-orm/knex';
import {
  fromDbTime,
  plusSeconds,
  timeBucket,
  timeBucketAmong,
  timestampParameter,
} from '../../database/dialect.js';
import { userInputError } from '../../core/errors.js';
import {
  BACKFIRE_SECONDS,
  countWhere,
  groupBy,
  isDetractor,
  isEscalatedSession,
} from '../../core/conditions.js';
import {
  CONTACTS,
  FACT_AGGREGATES,
  SESSIONS,
  SURVEYS,
  type FactAggregate,
  type FactFamily,
  type Family,
  type Scope,
} from './aggregates.js';
import { Dimension, graphqlEnumName } from './dimension.js';
import type { MetricFilter } from './dto/metric-filter.input.js';
import { CUSTOMER_COLUMNS, FILTER_OF_DIMENSION, SqlBuilder } from './sql-builder.js';
import { bucketStart, bucketStartsIn, nextBucket, type TimeGrain } from './time-grain.js';
import { queryRevenueAtRisk } from './revenue-at-risk.js';
import { toGroupRows, type GroupQuery, type GroupRow } from './group-rows.js';

export type { GroupQuery, GroupRow };
export { toGroupRows };

const SOCIAL_REACH = 825;
const OFFLINE_REACH = 12;

/**
 * A fact table, aliased `f`, joined to what its dimension columns name only when a dimension or filter
 * needs it: its customer `c`, the contact `k` a survey response is about, the agent `a` of the contact.
 */
export interface FactTable {
  table: string;
  time: string;
  columns: Partial<Record<Dimension, string>>;
  /** The joins by alias, in an order where each follows those it reads (k before a). */
  joins: Record<string, string>;
  /** Its aggregates by name (aggregates.ts). */
  aggregates: Readonly<Record<string, FactAggregate>>;
  /** The aggregate counting every row. */
  rowCounter: string;
}

export type { FactFamily };

const CUSTOMER_JOIN = { c: 'join customers c on c.id = f.customer_id' };
/** The columns of the agent dimensions, on the contact aliased `contact` and its agent `a`. */
const agentColumns = (contact: string): Partial<Record<Dimension, string>> => ({
  [Dimension.AGENT]: `${contact}.agent_id`,
  [Dimension.TEAM]: 'a.team',
  [Dimension.QUEUE]: `${contact}.queue`,
});

/**
 * The joins a query over `table` needs for the dimension columns it reads: each alias a column names
 * (`c.generation` needs c), and the aliases that join reads in turn (a survey's agent `a` is the agent of
 * its contact `k`).
 */
export function factJoins(table: FactTable, columns: readonly string[]): string {
  const needed = new Set(columns.map((column) => column.split('.')[0]!));
  const aliases = Object.keys(table.joins);
  // A join that reads an alias needs it: walk the list backwards so that a → k is seen before k.
  for (const alias of [...aliases].reverse()) {
    if (!needed.has(alias)) continue;
    for (const other of aliases) if (table.joins[alias]!.includes(` ${other}.`)) needed.add(other);
  }
  return aliases
    .filter((alias) => needed.has(alias))
    .map((alias) => ` ${table.joins[alias]}`)
    .join('');
}

export const FACT_TABLES: Record<FactFamily, FactTable> = {
  surveys: {
    table: 'survey_responses',
    time: 'f.responded_at',
    columns: { [Dimension.CHANNEL]: 'f.channel', ...CUSTOMER_COLUMNS, ...agentColumns('k') },
    joins: {
      ...CUSTOMER_JOIN,
      k: 'left join contacts k on k.external_id = f.contact_id',
      a: 'left join agents a on a.external_id = k.agent_id',
    },
    rowCounter: SURVEYS.responses.name,
    aggregates: FACT_AGGREGATES.surveys,
  },
  contacts: {
    table: 'contacts',
    time: 'f.started_at',
    columns: {
      [Dimension.CHANNEL]: 'f.channel',
      [Dimension.REASON]: 'f.reason',
      ...CUSTOMER_COLUMNS,
      ...agentColumns('f'),
    },
    joins: { ...CUSTOMER_JOIN, a: 'left join agents a on a.external_id = f.agent_id' },
    rowCounter: CONTACTS.contacts.name,
    aggregates: FACT_AGGREGATES.contacts,
  },
  selfService: {
    table: 'self_service_sessions',
    time: 'f.started_at',
    columns: { [Dimension.ENTRY]: 'f.entry', ...CUSTOMER_COLUMNS },
    joins: CUSTOMER_JOIN,
    rowCounter: SESSIONS.sessions.name,
    aggregates: FACT_AGGREGATES.selfService,
  },
};

/** The scopes of the requested aggregates when every one has a scope (other rows only make empty groups). */
export function requestedScopes(table: FactTable, aggregates: ReadonlySet<string>): Scope[] | null {
  const scopes = [...aggregates].map((name) => table.aggregates[name]!.scope);
  if (!scopes.every(Boolean)) return null;
  return [...new Map(scopes.map((scope) => [scope!.counter, scope!])).values()];
}

/** Runs the grouped query of one family. */
export function queryFamily(em: EntityManager, family: Family, query: GroupQuery): Promise<GroupRow[]> {
  switch (family) {
    case 'surveys':
    case 'contacts':
    case 'selfService':
      return queryFactTable(em, FACT_TABLES[family], query);
    case 'wordOfMouth':
      return queryWordOfMouth(em, query);
    case 'churn':
      return queryChurn(em, query);
    case 'risk':
      return queryRevenueAtRisk(em, query);
  }
}

/**
 * The select list shared by every family: period, then dimension values as d0, d1, … `windowed`: the
 * statement keeps `time` inside the query's window, so the period may be found among the window's buckets.
 */
export function groupColumns(
  builder: SqlBuilder,
  time: string,
  columns: Partial<Record<Dimension, string>>,
  query: GroupQuery,
  windowed = false,
): string[] {
  const { grain, filter } = query;
  const period = !grain
    ? 'null'
    : windowed
      ? timeBucketAmong(builder.dialect, time, grain, bucketStartsIn(filter, grain))
      : timeBucket(builder.dialect, time, grain);
  return [`${period} as period`, ...query.dimensions.map((dimension, i) => `${columns[dimension]} as d${i}`)];
}

/** The joins of `table` that the dimensions a query groups or filters by need. */
function queryJoins(table: FactTable, query: GroupQuery): string {
  const used = Object.values(Dimension).filter(
    (dimension) =>
      query.dimensions.includes(dimension) || query.filter[FILTER_OF_DIMENSION[dimension]] != null,
  );
  return factJoins(
    table,
    used.flatMap((dimension) => table.columns[dimension] ?? []),
  );
}

async function queryFactTable(em: EntityManager, table: FactTable, query: GroupQuery): Promise<GroupRow[]> {
  const builder = new SqlBuilder(em);
  const aggregates = [...query.aggregates].map((name) => table.aggregates[name]!);
  const select = [
    ...groupColumns(builder, table.time, table.columns, query),
    ...aggregates.map(({ name, sql }) => `${sql} as "${name}"`),
  ];
  const conditions = [
    ...builder.window(table.time, query.filter),
    ...builder.dimensionFilters(table.columns, query.filter),
  ];
  const scopes = requestedScopes(table, query.aggregates);
  if (scopes) conditions.push(builder.raw(`(${scopes.map(({ condition }) => condition).join(' or ')})`));
  const join = queryJoins(table, query);
  const sql = builder.raw(
    `select ${select.join(', ')} from ${table.table} f${join} where ? ${groupBy(query.dimensions.length + 1)}`,
    [builder.and(conditions)],
  );
  return toGroupRows(await builder.rows(sql), query);
}

/**
 * Negative word of mouth: one row per detractor customer and period, weighted by whether that customer
 * used the social channel (a contact, or a survey about it) in the same period of the window.
 */
async function queryWordOfMouth(em: EntityManager, query: GroupQuery): Promise<GroupRow[]> {
  const builder = new SqlBuilder(em);
  const { dialect } = builder;
  const samePeriod = (time: string) =>
    query.grain
      ? ` and ${timeBucket(dialect, time, query.grain)} = ${timeBucket(dialect, 'r.responded_at', query.grain)}`
      : '';
  const socialUse = (table: string, time: string) =>
    builder.raw(
      `exists (select 1 from ${table} s where s.customer_id = c.id and s.channel = 'social'${samePeriod(time)} and ?)`,
      [builder.and(builder.window(time, query.filter))],
    );
  const detractors = builder.raw(
    `select distinct c.id as customer, ${groupColumns(builder, 'r.responded_at', CUSTOMER_COLUMNS, query).join(', ')}, ` +
      `${womReach('? or ?')} as reach ` +
      `from survey_responses r join customers c on c.id = r.customer_id where ?`,
    [
      socialUse('contacts', 's.started_at'),
      socialUse('survey_responses', 's.responded_at'),
      builder.and([
        builder.raw(isDetractor('r')),
        ...builder.window('r.responded_at', query.filter),
        ...builder.dimensionFilters(CUSTOMER_COLUMNS, query.filter),
      ]),
    ],
  );
  return toGroupRows(await builder.rows(wordOfMouthSums(builder, detractors, query)), query);
}

/** womReach and detractorCustomers per group, from `detractors`: one row per customer and group with its reach. */
export function wordOfMouthSums(builder: SqlBuilder, detractors: Knex.Raw, query: GroupQuery): Knex.Raw {
  const dimensions = query.dimensions.map((_, i) => `d${i}`);
  return builder.raw(
    `select ${['period', ...dimensions].join(', ')}, sum(reach) as "womReach", count(*) as "detractorCustomers" from (?) detractors ` +
      groupBy(dimensions.length + 1),
    [detractors],
  );
}

/** The reach of a detractor customer in a period: whether they used the social channel in it. */
export const womReach = (usedSocial: string) =>
  `case when ${usedSocial} then ${SOCIAL_REACH} else ${OFFLINE_REACH} end`;

/**
 * Survey responses that followed an escalated self-service session of the same customer within
 * BACKFIRE_SECONDS, grouped by the session's dimensions: the satisfaction escalation leaves behind. A
 * response counts once per group even when it follows several sessions of it.
 */
export async function queryAfterEscalation(em: EntityManager, query: GroupQuery): Promise<GroupRow[]> {
  const builder = new SqlBuilder(em);
  const table = FACT_TABLES.selfService;
  const join = queryJoins(table, query);
  // Aliased f like the survey table, so that the survey aggregates apply to it unchanged.
  const followUps = builder.raw(
    `select distinct ${groupColumns(builder, table.time, table.columns, query).join(', ')}, r.id, r.type, r.score ` +
      `from ${table.table} f${join} join survey_responses r on r.customer_id = f.customer_id ` +
      `and r.responded_at > f.started_at and r.responded_at <= ${plusSeconds(builder.dialect, 'f.started_at', BACKFIRE_SECONDS)} ` +
      `where ${isEscalatedSession('f')} and ?`,
    [
      builder.and([
        ...builder.window(table.time, query.filter),
        ...builder.dimensionFilters(table.columns, query.filter),
      ]),
    ],
  );
  return toGroupRows(await builder.rows(followUpSums(builder, followUps, query)), query);
}

/** The survey aggregates per group of `followUps`: distinct rows of period, d0…, type and score. */
export function followUpSums(builder: SqlBuilder, followUps: Knex.Raw, query: GroupQuery): Knex.Raw {
  const surveys = FACT_TABLES.surveys.aggregates;
  const select = [...query.aggregates].map((name) => `${surveys[name]!.sql} as "${name}"`);
  const dimensions = query.dimensions.map((_, i) => `d${i}`);
  return builder.raw(
    `select ${['period', ...dimensions, ...select].join(', ')} from (?) f ${groupBy(dimensions.length + 1)}`,
    [followUps],
  );
}

/** At most this many periods in one churn query (e.g. 2.7 years of days). */
const MAX_CHURN_PERIODS = 1_000;

/** A period of the churn rate: its label (bucket start, or null without a grain) and its extent. */
interface ChurnPeriod {
  label: Date | null;
  start: Date;
  /** Exclusive; null for an open-ended window. */
  end: Date | null;
}

/**
 * The periods churnRate is computed for: the grain's buckets from `from` (or the earliest signup) to `to`
 * (or now), each cut to the window; without a grain, the window itself.
 */
function churnPeriods(
  filter: MetricFilter,
  grain: TimeGrain | null,
  earliestSignup: Date | null,
  now: Date,
): ChurnPeriod[] {
  if (!grain) return filter.from ? [{ label: null, start: filter.from, end: filter.to ?? null }] : [];
  const first = filter.from ?? earliestSignup;
  if (!first) return [];
  const last = filter.to ?? now;
  const periods: ChurnPeriod[] = [];
  for (let bucket = bucketStart(first, grain); bucket < last; bucket = nextBucket(bucket, grain)) {
    const end = nextBucket(bucket, grain);
    periods.push({
      label: bucket,
      start: bucket < first ? first : bucket,
      end: end > last ? last : end,
    });
  }
  return periods;
}

/** Where churnRate's counts come from: the customers table here, or the churn rollup (rollup-queries.ts). */
export interface ChurnSource {
  /** The first signup among customers the filter keeps (or a time before it and after any churn). */
  earliestSignup(builder: SqlBuilder, filter: MetricFilter): Promise<Date | null>;
  /** Churned and active customers per period of `periods` (aliased p: label, start_at, end_at) and group. */
  counts(builder: SqlBuilder, periods: Knex.Raw, query: GroupQuery): Knex.Raw;
}

const CUSTOMERS_CHURN: ChurnSource = {
  async earliestSignup(builder, filter) {
    const [row] = await builder.rows(
      builder.raw('select min(c.signup_date) as earliest from customers c where ?', [
        builder.and(builder.dimensionFilters(CUSTOMER_COLUMNS, filter)),
      ]),
    );
    return row?.earliest == null ? null : fromDbTime(row.earliest);
  },
  counts(builder, periods, query) {
    const dimensions = query.dimensions.map((dimension, i) => `${CUSTOMER_COLUMNS[dimension]} as d${i}`);
    return builder.raw(
      `select ${['p.label as period', ...dimensions].join(', ')}, ` +
        `${countWhere('c.churned_at >= p.start_at and (p.end_at is null or c.churned_at < p.end_at)')} as "churnedCustomers", ` +
        `${countWhere('c.signup_date < p.start_at and (c.churned_at is null or c.churned_at >= p.start_at)')} as "activeCustomers" ` +
        `from (?) p join customers c on (p.end_at is null or c.signup_date < p.end_at) where ? ` +
        groupBy(dimensions.length + 1),
      [periods, builder.and(builder.dimensionFilters(CUSTOMER_COLUMNS, query.filter))],
    );
  },
};

/** Customers churned in each period over customers active at its start, grouped by customer dimensions. */
export async function queryChurn(
  em: EntityManager,
  query: GroupQuery,
  source: ChurnSource = CUSTOMERS_CHURN,
  now = new Date(),
): Promise<GroupRow[]> {
  const builder = new SqlBuilder(em);
  const periods = churnPeriods(
    query.filter,
    query.grain,
    query.grain && !query.filter.from ? await source.earliestSignup(builder, query.filter) : null,
    now,
  );
  if (periods.length === 0) return [];
  if (periods.length > MAX_CHURN_PERIODS) {
    throw userInputError(
      'grain',
      graphqlEnumName(query.grain!),
      `a grain giving at most ${MAX_CHURN_PERIODS} periods for churnRate (this window has ${periods.length}): ` +
        'choose a coarser grain or a later filter.from',
    );
  }
  const timestamp = timestampParameter(builder.dialect);
  const periodRows = builder.join(
    periods.map(({ label, start, end }) =>
      builder.raw(`select ${timestamp} as label, ${timestamp} as start_at, ${timestamp} as end_at`, [
        label,
        start,
        end,
      ]),
    ),
    ' union all ',
  );
  return toGroupRows(await builder.rows(source.counts(builder, periodRows, query)), query);
}
