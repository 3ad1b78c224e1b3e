import { EntitySchema } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/knex';
import { insertOrAdd, plusSeconds, selectRows, timeBucket, type Dialect } from '../../../database/dialect.js';
import type { RecordKind } from '../../ingest/record-kind.js';
import {
  BACKFIRE_SECONDS,
  countWhere,
  groupBy,
  isDetractor,
  isEscalatedSession,
} from '../../../core/conditions.js';
import { RECOVERY_CHURN_DAYS } from '../dto/recovery-effectiveness.type.js';
import { inRecoveryEffectiveness, recoveryGroupOf } from '../recovery-groups.js';
import { TimeGrain } from '../time-grain.js';
import {
  AGENT_DAY_KEYS,
  AGENT_DAY_SUMS,
  AGENT_DAYS,
  agentDayContribution,
  withinDaysAfter,
} from './agent-days.js';
import { windowBounds, withinContactWindow, type ContactWindow } from './contact-window.js';
import { aggregateColumn } from './rollup-tables.js';

/**
 * The customers a statement covers, as a condition on a column holding customer ids (a list of ids, a
 * chunk of the risk refresh, or everyone for a rebuild).
 */
export type CustomerCondition = (column: string) => Knex.Raw;

/**
 * A rollup of the views that count distinct customers or scores (womReach, the satisfaction after
 * escalation, the generation mix, churn-risk counts), which daily sums cannot answer. `add` with sign 1
 * writes the rows of the customers `where` covers, from the facts as they are; with -1 it takes back what
 * those customers contribute, before their facts change. A rollup that is `windowed` covers only the
 * contacts of a contact window when given one (contact-window.ts); the others ignore it.
 */
interface DerivedRollup {
  table: string;
  /** The imports that can change it; a customers import moves customers to other segments. */
  changedBy: readonly RecordKind[];
  /** The statement that adds customers' rows (sign 1): part of the rollups' fingerprint (rollup-fingerprint.ts). */
  definition(dialect: Dialect): string;
  windowed?: boolean;
  add(
    trx: Knex | Knex.Transaction,
    dialect: Dialect,
    sign: 1 | -1,
    where: CustomerCondition,
    window?: ContactWindow,
  ): Promise<void>;
}

const SEGMENT = ['generation', 'region', 'tier'] as const;
const segmentProperties = Object.fromEntries(
  SEGMENT.map((column) => [column, { type: 'text', nullable: true }]),
);
const day = (dialect: Dialect, time: string) => timeBucket(dialect, time, TimeGrain.DAY);

/** Whether a table taken back into holds no row (nothing was taken back). */
const isEmpty = async (trx: Knex | Knex.Transaction, dialect: Dialect, table: string) =>
  (await selectRows(dialect, trx.raw(`select 1 as taken from ${table} limit 1`))).length === 0;

/**
 * A rollup holding rows per customer and day (with the customer's segment, so that reads need no join),
 * keyed by `keys`. Taking a customer's contribution back copies its rows aside; adding it computes its
 * rows anew from `select` and writes only the difference: the rows taken back that are not computed again
 * as they were are deleted, the computed rows not among them inserted. A new contact changes the row of
 * its day (and maybe the next one's previous day) of a customer's few dozen: deleting and inserting all of
 * them rewrote every index entry of the customer's history (the largest part of an apply round at 1M
 * contacts). When nothing was taken back (a rebuild, a load of new customers' facts) the rows are inserted
 * as they are. A `windowed` one, given a contact window, takes back and writes only the days in it (its
 * rows before depend on no contact in it). `select`'s `?` placeholders are conditions on the customer id
 * columns `customerColumns`, in order. The customers joined for their segment carry the condition too:
 * PostgreSQL does not carry it over from the facts through the join, and hashed all 100,000 customers for
 * each statement instead of looking up 2,000.
 */
function perCustomer(
  table: string,
  changedBy: readonly RecordKind[],
  { columns, keys, windowed }: { columns: readonly string[]; keys: readonly string[]; windowed: boolean },
  select: (dialect: Dialect) => string,
  customerColumns: readonly string[],
): DerivedRollup {
  const list = columns.join(', ');
  const insert = (dialect: Dialect) => `insert into ${table} (${list}) ${select(dialect)}`;
  const takenBack = `${table}_taken_back`;
  const computed = `${table}_computed`;
  // Its columns' types are the rollup's, so that rows compare equal whichever side they come from.
  const createLike = (name: string) =>
    `create temporary table if not exists ${name} as select ${list} from ${table} where 1 = 0`;
  const changedKeys = `select ${keys.join(', ')} from (select ${list} from ${takenBack} except select ${list} from ${computed}) d`;
  return {
    table,
    changedBy,
    definition: insert,
    windowed,
    async add(trx, dialect, sign, where, contactWindow) {
      const window = windowed ? contactWindow : undefined;
      const days = (column: string) => windowBounds(dialect, column, window);
      const conditions = [...customerColumns.map(where), ...days('w.day').bindings];
      const rows = `select * from (${select(dialect)}) w where 1 = 1${days('w.day').sql}`;
      await trx.raw(createLike(takenBack));
      if (sign === -1) {
        await trx.raw(
          `insert into ${takenBack} (${list}) select ${list} from ${table} where ?${days('day').sql}`,
          [where('customer_id'), ...days('day').bindings],
        );
        return;
      }
      if (await isEmpty(trx, dialect, takenBack)) {
        await trx.raw(`insert into ${table} (${list}) ${rows}`, conditions);
      } else {
        await trx.raw(createLike(computed));
        await trx.raw(`insert into ${computed} (${list}) ${rows}`, conditions);
        await trx.raw(`delete from ${table} where (${keys.join(', ')}) in (${changedKeys})`);
        await trx.raw(
          `insert into ${table} (${list}) select ${list} from ${computed} except select ${list} from ${takenBack}`,
        );
        await trx.raw(`drop table ${computed}`);
      }
      // A table left on the connection would outlive the import (SQLite lists it with the schema's own).
      await trx.raw(`drop table ${takenBack}`);
    },
  };
}

export const WOM_CUSTOMER_DAYS = 'rollup_wom_customer_days';
export const ESCALATION_FOLLOW_UPS = 'rollup_escalation_follow_ups';
export const CUSTOMER_MIX_DAYS = 'rollup_customer_mix_days';
export const RISK_SCORES = 'rollup_risk_scores';
export const RECOVERY_DAYS = 'rollup_recovery_days';
/** A customer's lifetime value in whole cents (customers alias c); 0 when unknown. */
export const LIFETIME_VALUE_CENTS = 'coalesce(cast(round(c.lifetime_value * 100) as bigint), 0)';

/** Adds `sign` times the scored active customers the condition covers to the churn-risk counts. */
const riskScoresInsert = (sign: 1 | -1) =>
  insertOrAdd(
    RISK_SCORES,
    [...SEGMENT, 'score'],
    ['customers', 'value_cents'],
    `select ${SEGMENT.map((column) => `coalesce(c.${column}, '')`).join(', ')}, r.score, ${sign} * count(*), ` +
      `${sign} * coalesce(sum(${LIFETIME_VALUE_CENTS}), 0) ` +
      'from customer_risk r join customers c on c.id = r.customer_id where c.churned_at is null and ? ' +
      'group by 1, 2, 3, 4',
  );

const AGENT_DAY_COLUMNS = AGENT_DAY_SUMS.map(({ name }) => aggregateColumn(name));

/**
 * Adds `sign` times the recoveries of the customers the two conditions cover (on the contacts' and on the
 * customers' id) to the recovery counts per day, generation ('' when unknown) and recovery group.
 */
const recoveryDaysInsert = (dialect: Dialect, sign: 1 | -1) =>
  insertOrAdd(
    RECOVERY_DAYS,
    ['day', 'generation', 'recovery'],
    ['contacts', 'churned'],
    `select ${day(dialect, 'k.started_at')}, coalesce(c.generation, ''), ${recoveryGroupOf('k')}, ` +
      `${sign} * count(*), ` +
      `${sign} * ${countWhere(withinDaysAfter(dialect, 'k', 'c.churned_at', RECOVERY_CHURN_DAYS))} ` +
      `from contacts k join customers c on c.id = k.customer_id where ${inRecoveryEffectiveness('k')} and ? and ? ` +
      'group by 1, 2, 3',
  );

/** Adds what the customers of the statement's conditions contribute to the agent days. */
const agentDaysInsert = (dialect: Dialect) =>
  insertOrAdd(AGENT_DAYS, AGENT_DAY_KEYS, AGENT_DAY_COLUMNS, agentDayContribution(dialect, 1).sql);

/**
 * The contribution an import took back from the agent days, kept on the connection until it adds the
 * customers' contribution again: the two are then summed by key and only the sums that did not cancel
 * out are written. Written twice instead, every key of the touched customers' contacts took two
 * upserts (a third of the maintenance's time on PostgreSQL), where a stream of new contacts changes few.
 */
const AGENT_DAYS_TAKEN_BACK = 'rollup_agent_days_taken_back';

/** Type names both databases accept; SQLite stores the day as its epoch milliseconds, as in the rollup. */
const CREATE_TAKEN_BACK =
  `create temporary table if not exists ${AGENT_DAYS_TAKEN_BACK} (` +
  ['day timestamptz', 'agent text', ...AGENT_DAY_COLUMNS.map((column) => `${column} bigint`)].join(', ') +
  ')';

/** The statement of the agent days' contribution of `sign`, and the conditions to bind to it. */
function agentDayStatement(
  trx: Knex | Knex.Transaction,
  dialect: Dialect,
  sign: 1 | -1,
  where: CustomerCondition,
  window: ContactWindow | undefined,
): { sql: string; conditions: Knex.Raw[] } {
  const { sql, contactAliases } = agentDayContribution(dialect, sign);
  const conditions = contactAliases.map((alias) =>
    withinContactWindow(trx, dialect, where(`${alias}.customer_id`), alias, window),
  );
  return { sql, conditions };
}

async function takeBackAgentDays(
  trx: Knex | Knex.Transaction,
  dialect: Dialect,
  where: CustomerCondition,
  window: ContactWindow | undefined,
): Promise<void> {
  const { sql, conditions } = agentDayStatement(trx, dialect, -1, where, window);
  await trx.raw(CREATE_TAKEN_BACK);
  await trx.raw(
    `insert into ${AGENT_DAYS_TAKEN_BACK} (${[...AGENT_DAY_KEYS, ...AGENT_DAY_COLUMNS].join(', ')}) ${sql}`,
    conditions,
  );
}

/**
 * Adds the customers' contribution and what was taken back before, then drops the latter: a table left on
 * the connection would outlive the import (SQLite lists it with the schema's own tables). When nothing was
 * taken back (a rebuild, or a load whose customers had no facts yet) the contribution is added as it is:
 * every key there has a contact, so no sum of it is 0, and summing it again by key (a sort of every row,
 * 2.4 µs a contact of a bulk load on SQLite) would change nothing.
 */
async function addAgentDays(
  trx: Knex | Knex.Transaction,
  dialect: Dialect,
  where: CustomerCondition,
  window: ContactWindow | undefined,
): Promise<void> {
  const { sql, conditions } = agentDayStatement(trx, dialect, 1, where, window);
  await trx.raw(CREATE_TAKEN_BACK);
  if (await isEmpty(trx, dialect, AGENT_DAYS_TAKEN_BACK)) {
    await trx.raw(agentDaysInsert(dialect), conditions);
    await trx.raw(`drop table ${AGENT_DAYS_TAKEN_BACK}`);
    return;
  }
  const sums = AGENT_DAY_COLUMNS.map((column) => `sum(${column})`);
  // The table first: it names the union's columns.
  const net =
    `select ${[...AGENT_DAY_KEYS, ...sums].join(', ')} from (` +
    `select ${[...AGENT_DAY_KEYS, ...AGENT_DAY_COLUMNS].join(', ')} from ${AGENT_DAYS_TAKEN_BACK} ` +
    `union all ${sql}) d ` +
    `${groupBy(AGENT_DAY_KEYS.length)} having ${sums.map((total) => `${total} <> 0`).join(' or ')}`;
  await trx.raw(insertOrAdd(AGENT_DAYS, AGENT_DAY_KEYS, AGENT_DAY_COLUMNS, net), conditions);
  await trx.raw(`drop table ${AGENT_DAYS_TAKEN_BACK}`);
}

export const DERIVED_ROLLUPS: readonly DerivedRollup[] = [
  // Per customer and day, for customers with a detractor nps ever: their detractor answers and their uses
  // of the social channel (contacts, surveys about it), so that womReach counts distinct customers per
  // window from this table.
  perCustomer(
    WOM_CUSTOMER_DAYS,
    ['customers', 'surveys', 'contacts'],
    {
      columns: ['customer_id', 'day', ...SEGMENT, 'detractor_responses', 'social_uses'],
      keys: ['customer_id', 'day'],
      windowed: true,
    },
    (dialect) =>
      `select u.customer_id, u.day, c.generation, c.region, c.tier, sum(u.detractor), sum(u.social) from (` +
      `select f.customer_id, ${day(dialect, 'f.responded_at')} as day, ` +
      `case when ${isDetractor('f')} then 1 else 0 end as detractor, ` +
      `case when f.channel = 'social' then 1 else 0 end as social ` +
      `from survey_responses f where (${isDetractor('f')} or f.channel = 'social') and ? ` +
      `union all select f.customer_id, ${day(dialect, 'f.started_at')}, 0, 1 from contacts f ` +
      `where f.channel = 'social' and ?) u join customers c on c.id = u.customer_id ` +
      `where ? and exists (select 1 from survey_responses r where r.customer_id = u.customer_id and ${isDetractor('r')}) ` +
      'group by u.customer_id, u.day, c.generation, c.region, c.tier',
    ['f.customer_id', 'f.customer_id', 'c.id'],
  ),
  // Each survey response that followed an escalated self-service session of its customer within
  // BACKFIRE_SECONDS, once per day and entry point of such sessions: the funnel's satisfaction after
  // escalation counts a response once per group, which distinct rows of this table reproduce.
  perCustomer(
    ESCALATION_FOLLOW_UPS,
    ['customers', 'surveys', 'selfservice'],
    {
      columns: ['response_id', 'day', 'entry', 'customer_id', ...SEGMENT, 'type', 'score'],
      keys: ['response_id', 'day', 'entry'],
      windowed: false,
    },
    (dialect) =>
      `select distinct r.id, ${day(dialect, 'f.started_at')}, f.entry, f.customer_id, c.generation, c.region, ` +
      'c.tier, r.type, r.score from self_service_sessions f join survey_responses r ' +
      'on r.customer_id = f.customer_id and r.responded_at > f.started_at ' +
      `and r.responded_at <= ${plusSeconds(dialect, 'f.started_at', BACKFIRE_SECONDS)} ` +
      `join customers c on c.id = f.customer_id where ${isEscalatedSession('f')} and ? and ?`,
    ['f.customer_id', 'c.id'],
  ),
  // Per customer and day with a session or a contact: how many of each, and the customer's previous day
  // with any (with a session): the customers interacting in a window are its rows whose previous day falls
  // before the window, so a window is counted by one pass over its rows, without grouping by customer.
  perCustomer(
    CUSTOMER_MIX_DAYS,
    ['customers', 'contacts', 'selfservice'],
    {
      columns: [
        'customer_id',
        'day',
        ...SEGMENT,
        'sessions',
        'contacts',
        'previous_day',
        'previous_session_day',
      ],
      keys: ['customer_id', 'day'],
      windowed: true,
    },
    (dialect) =>
      'select customer_id, day, generation, region, tier, sessions, contacts, ' +
      'lag(day) over (partition by customer_id order by day), ' +
      'max(case when sessions > 0 then day end) over (partition by customer_id order by day ' +
      'rows between unbounded preceding and 1 preceding) from (' +
      'select u.customer_id, u.day, c.generation, c.region, c.tier, sum(u.is_session) as sessions, ' +
      'count(*) - sum(u.is_session) as contacts from (' +
      `select f.customer_id, ${day(dialect, 'f.started_at')} as day, 1 as is_session from self_service_sessions f where ? ` +
      `union all select f.customer_id, ${day(dialect, 'f.started_at')}, 0 from contacts f where ?` +
      ') u join customers c on c.id = u.customer_id where ? ' +
      'group by u.customer_id, u.day, c.generation, c.region, c.tier) d',
    ['f.customer_id', 'f.customer_id', 'c.id'],
  ),
  // Scored active customers per segment and score ('' for an unknown segment value), with their lifetime
  // value: churnRisk's totalCount, whether a segment has scores and revenue at risk read this instead of
  // every score.
  {
    table: RISK_SCORES,
    changedBy: ['customers'],
    definition: () => riskScoresInsert(1),
    async add(trx, _dialect, sign, where) {
      await trx.raw(riskScoresInsert(sign), [where('r.customer_id')]);
    },
  },
  // Recoveries per day, generation and group, with how many of their customers churned within
  // RECOVERY_CHURN_DAYS (recoveryEffectiveness's rule): the risk page's next step compares apologies with
  // perks alone per generation over a year from a few thousand of these rows, not a year of contacts
  // (1.1 s a page at 1M contacts on SQLite). A churn date arriving later changes earlier days' counts.
  {
    table: RECOVERY_DAYS,
    changedBy: ['customers', 'contacts'],
    definition: (dialect) => recoveryDaysInsert(dialect, 1),
    windowed: true,
    async add(trx, dialect, sign, where, window) {
      await trx.raw(recoveryDaysInsert(dialect, sign), [
        withinContactWindow(trx, dialect, where('k.customer_id'), 'k', window),
        where('c.id'),
      ]);
    },
  },
  // The agent views' daily sums (agent-days.ts): a session, a response or a churn date arriving later
  // changes what the customer's earlier contacts count as, so every fact import can change them.
  {
    table: AGENT_DAYS,
    changedBy: ['customers', 'surveys', 'contacts', 'selfservice'],
    definition: agentDaysInsert,
    windowed: true,
    add: (trx, dialect, sign, where, window) =>
      sign === -1
        ? takeBackAgentDays(trx, dialect, where, window)
        : addAgentDays(trx, dialect, where, window),
  },
];

/**
 * Adds (1) or takes back (-1) what `where`'s customers contribute to the derived rollups an import of `kind`
 * changes; the windowed ones within `window` when given.
 */
export async function maintainDerivedRollups(
  trx: Knex.Transaction,
  dialect: Dialect,
  kind: RecordKind,
  sign: 1 | -1,
  where: CustomerCondition,
  window?: ContactWindow,
): Promise<void> {
  for (const rollup of DERIVED_ROLLUPS) {
    if (rollup.changedBy.includes(kind)) await rollup.add(trx, dialect, sign, where, window);
  }
}

/**
 * Takes back what `where`'s customers contribute within `window` to the windowed derived rollups: when a
 * later batch of a contacts import widens the window the earlier ones were taken back within.
 */
export async function takeBackWindow(
  trx: Knex.Transaction,
  dialect: Dialect,
  where: CustomerCondition,
  window: ContactWindow,
): Promise<void> {
  for (const rollup of DERIVED_ROLLUPS) {
    if (rollup.windowed && rollup.changedBy.includes('contacts'))
      await rollup.add(trx, dialect, -1, where, window);
  }
}

/** Adds (1) or takes back (-1) what `where`'s customers contribute to the churn-risk counts, around a rescoring. */
export function maintainRiskScores(
  trx: Knex.Transaction,
  dialect: Dialect,
  sign: 1 | -1,
  where: CustomerCondition,
): Promise<void> {
  return DERIVED_ROLLUPS.find((rollup) => rollup.table === RISK_SCORES)!.add(trx, dialect, sign, where);
}

/**
 * Rebuilds the churn-risk counts from the scores as they are, in one grouped pass: after a full rescoring,
 * instead of taking back and adding each chunk's customers (on PostgreSQL every chunk rewrote the same few
 * thousand rows twice, and a million customers left hundreds of thousands of dead versions in one transaction).
 */
export async function rebuildRiskScores(trx: Knex.Transaction, dialect: Dialect): Promise<void> {
  await trx.raw(`delete from ${RISK_SCORES}`);
  await maintainRiskScores(trx, dialect, 1, () => trx.raw('1 = 1'));
}

/** Rebuilds every derived rollup from the facts; returns the rows of each. */
export async function rebuildDerivedRollups(
  trx: Knex.Transaction,
  dialect: Dialect,
): Promise<Record<string, number>> {
  const rowsByTable: Record<string, number> = {};
  const everyone: CustomerCondition = () => trx.raw('1 = 1');
  for (const rollup of DERIVED_ROLLUPS) {
    await trx.raw(`delete from ${rollup.table}`);
    await rollup.add(trx, dialect, 1, everyone);
    const [row] = await selectRows(dialect, trx.raw(`select count(*) as n from ${rollup.table}`));
    rowsByTable[rollup.table] = Number(row!.n);
  }
  return rowsByTable;
}

const key = (type: string) => ({ type, primary: true });
const count = { type: 'bigint', default: 0 };

/** Entities of the derived rollups, so that migrations follow them; each is read by day or by segment. */
export const DERIVED_ROLLUP_ENTITIES = [
  new EntitySchema<Record<string, unknown>>({
    name: WOM_CUSTOMER_DAYS,
    tableName: WOM_CUSTOMER_DAYS,
    properties: {
      customer_id: key('integer'),
      day: key('datetime'),
      ...segmentProperties,
      detractor_responses: count,
      social_uses: count,
    },
    // Covering: a window's rows are read from the index alone (at 10M contacts a month's 69,000 rows took
    // 207 ms through table lookups).
    indexes: [{ properties: ['day', 'customer_id', 'detractor_responses', 'social_uses', ...SEGMENT] }],
  }),
  new EntitySchema<Record<string, unknown>>({
    name: ESCALATION_FOLLOW_UPS,
    tableName: ESCALATION_FOLLOW_UPS,
    properties: {
      response_id: key('integer'),
      day: key('datetime'),
      entry: key('text'),
      customer_id: { type: 'integer' },
      ...segmentProperties,
      type: { type: 'text' },
      score: { type: 'integer' },
    },
    // Covering for a window's reads, as above (a month's 57,000 rows at 10M contacts: 295 ms by lookups).
    indexes: [
      { properties: ['day', 'entry', 'response_id', 'type', 'score', ...SEGMENT] },
      { properties: ['customer_id'] },
    ],
  }),
  new EntitySchema<Record<string, unknown>>({
    name: CUSTOMER_MIX_DAYS,
    tableName: CUSTOMER_MIX_DAYS,
    properties: {
      customer_id: key('integer'),
      day: key('datetime'),
      ...segmentProperties,
      sessions: count,
      contacts: count,
      previous_day: { type: 'datetime', nullable: true },
      previous_session_day: { type: 'datetime', nullable: true },
    },
    indexes: [{ properties: ['day', 'generation', 'previous_day', 'sessions', 'previous_session_day'] }],
  }),
  new EntitySchema<Record<string, unknown>>({
    name: RISK_SCORES,
    tableName: RISK_SCORES,
    properties: {
      ...Object.fromEntries(SEGMENT.map((column) => [column, key('text')])),
      score: key('integer'),
      customers: count,
      // Their lifetime value in whole cents, summed: revenue at risk from a few thousand rows, in the same
      // digits however the sums were added up (integers, unlike floating-point sums, do not depend on order).
      value_cents: { type: 'bigint', default: 0 },
    },
  }),
  new EntitySchema<Record<string, unknown>>({
    name: RECOVERY_DAYS,
    tableName: RECOVERY_DAYS,
    // Read by day: the primary key's first column.
    properties: {
      day: key('datetime'),
      generation: key('text'),
      recovery: key('text'),
      contacts: count,
      churned: count,
    },
  }),
  new EntitySchema<Record<string, unknown>>({
    name: AGENT_DAYS,
    tableName: AGENT_DAYS,
    // Read by day: the primary key's first column.
    properties: {
      day: key('datetime'),
      agent: key('text'),
      ...Object.fromEntries(AGENT_DAY_SUMS.map(({ name }) => [aggregateColumn(name), count])),
    },
  }),
];
