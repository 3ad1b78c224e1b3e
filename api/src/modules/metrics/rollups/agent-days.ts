import { countWhere, groupBy, isApology, isFailedSession, isRecovery } from '../../../core/conditions.js';
import { DAY_SECONDS } from '../../../core/time.js';
import { plusSeconds, timeBucket, type Dialect } from '../../../database/dialect.js';
import { AFTER_SELF_SERVICE_HOURS } from '../../agents/dto/super-agents.type.js';
import { CONTACTS, SURVEYS } from '../aggregates.js';
import { RECOVERY_CHURN_DAYS, RECOVERY_SURVEY_DAYS } from '../dto/recovery-effectiveness.type.js';
import { TimeGrain } from '../time-grain.js';
import { aggregateColumn } from './rollup-tables.js';

/**
 * The agent views' daily sums (scorecards, super agents, the exception report): per UTC day of the contact's
 * start, agent, queue, channel and three flags of the contact, the counts and sums those views derive from.
 * Several depend on the customer's other facts (a failed session before the contact, the churn date, the
 * responses about the contact or after it), so the rollup is maintained like the derived rollups: an import
 * takes back what its touched customers contributed and adds it again from the facts as they are.
 */
export const AGENT_DAYS = 'rollup_agent_days';

/** The key columns: unknown agent and queue are stored as '' (keys cannot be null), the flags as 0 or 1. */
export const AGENT_DAY_KEYS = [
  'day',
  'agent',
  'queue',
  'channel',
  'after_self_service',
  'out_of_policy',
  'recovery',
] as const;

/** `time` falls after the start of the contact `k`, within `days`. */
export const withinDaysAfter = (dialect: Dialect, k: string, time: string, days: number) =>
  `${time} > ${k}.started_at and ${time} <= ${plusSeconds(dialect, `${k}.started_at`, days * DAY_SECONDS)}`;

/**
 * The contact `k` arrived after self-service: it names the session it escalated from, or it started within
 * AFTER_SELF_SERVICE_HOURS after an escalated or abandoned session of the same customer. Both bounds are
 * on the session's start, so that the (customer, started_at) index holds the whole range.
 */
export const arrivedAfterSelfService = (dialect: Dialect, k: string) =>
  `(${k}.self_service_session_id is not null or exists (select 1 from self_service_sessions s ` +
  `where s.customer_id = ${k}.customer_id and ${isFailedSession('s')} and s.started_at < ${k}.started_at ` +
  `and s.started_at >= ${plusSeconds(dialect, `${k}.started_at`, -AFTER_SELF_SERVICE_HOURS * 3_600)}))`;

/**
 * The recompense of the contact `k` in whole cents (0 without): integer sums give the same digits whatever
 * the order they are added in, which floating-point sums of the amounts do not.
 */
export const recompenseCents = (k: string) =>
  `coalesce(cast(round(${k}.recompense_value * 100) as bigint), 0)`;

/**
 * Which rows a sum is over: `contacts` the contact f (its customer c); `about` the responses f about the
 * contact k (their contact_id); `recovery` the responses f its customer gave within RECOVERY_SURVEY_DAYS
 * after the recovery k (a response after two recoveries counts for both, as in recoveryEffectiveness).
 */
type Rows = 'contacts' | 'about' | 'recovery';

interface AgentDaySum {
  /** Its name in a view's sums; snake-cased, its column. */
  name: string;
  rows: Rows;
  sql: (dialect: Dialect) => string;
}

const sum = (name: string, rows: Rows, sql: string | ((dialect: Dialect) => string)): AgentDaySum => ({
  name,
  rows,
  sql: typeof sql === 'string' ? () => sql : sql,
});

/** The responses' survey sums under `prefix`, from the catalogue's survey aggregates. */
const surveySums = (prefix: 'about' | 'recovery', names: (keyof typeof SURVEYS)[]) =>
  names.map((name) => sum(`${prefix}${name[0]!.toUpperCase()}${name.slice(1)}`, prefix, SURVEYS[name].sql));

/** The contact aggregates of the catalogue the scorecard derives its contact measures from (beside the count). */
export const SCORECARD_CONTACT_AGGREGATES = [
  CONTACTS.handleSum,
  CONTACTS.handleCount,
  CONTACTS.waitSum,
  CONTACTS.waitCount,
  CONTACTS.firstContactResolved,
  CONTACTS.escalatedContacts,
  CONTACTS.repeatedContacts,
];

export const AGENT_DAY_SUMS: readonly AgentDaySum[] = [
  ...[CONTACTS.contacts, ...SCORECARD_CONTACT_AGGREGATES].map((aggregate) =>
    sum(aggregate.name, 'contacts', aggregate.sql),
  ),
  sum('resolved', 'contacts', countWhere('f.resolved = true')),
  // One horizon for the three views (recoveries, super agents and exceptions all look 90 days ahead).
  sum('churned', 'contacts', (dialect) =>
    countWhere(withinDaysAfter(dialect, 'f', 'c.churned_at', RECOVERY_CHURN_DAYS)),
  ),
  sum('apologies', 'contacts', countWhere(isApology('f'))),
  sum('recompenseCents', 'contacts', `sum(${recompenseCents('f')})`),
  sum('recompensed', 'contacts', 'count(f.recompense_value)'),
  sum('peerApproved', 'contacts', countWhere('f.peer_approved = true')),
  ...surveySums('about', ['npsResponses', 'promoters', 'detractors', 'csatResponses', 'csatSum']),
  ...surveySums('recovery', ['npsResponses', 'promoters', 'detractors']),
];

/** The column of a sum: npsResponses → nps_responses. */
export const agentDayColumn = (name: string) =>
  name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** The key values of the contact `k`, in the order of AGENT_DAY_KEYS. */
const keyValues = (dialect: Dialect, k: string) => [
  `${timeBucket(dialect, `${k}.started_at`, TimeGrain.DAY)} as day`,
  `coalesce(${k}.agent_id, '') as agent`,
  `coalesce(${k}.queue, '') as queue`,
  `${k}.channel as channel`,
  `case when ${arrivedAfterSelfService(dialect, k)} then 1 else 0 end as after_self_service`,
  `case when ${k}.out_of_policy = true then 1 else 0 end as out_of_policy`,
  `case when ${isRecovery(k)} then 1 else 0 end as recovery`,
];

const FROM: Record<Rows, { contact: string; from: string }> = {
  contacts: { contact: 'f', from: 'contacts f join customers c on c.id = f.customer_id' },
  about: { contact: 'k', from: 'survey_responses f join contacts k on k.external_id = f.contact_id' },
  recovery: {
    contact: 'k',
    from: 'contacts k join survey_responses f on f.customer_id = k.customer_id',
  },
};

/**
 * The select of `sign` times what the contacts of some customers contribute, by key (its columns:
 * AGENT_DAY_KEYS, then AGENT_DAY_SUMS), and the customer id column of each of its conditions (a `?` each, to
 * bind with the condition on the customers). Everything is attributed to the contact's customer, so that
 * taking back and adding a customer's contribution moves all of it. One grouped select per kind of rows,
 * added up by key.
 */
export function agentDayContribution(
  dialect: Dialect,
  sign: 1 | -1,
): { sql: string; customerColumns: string[] } {
  const keys = AGENT_DAY_KEYS.length;
  const branches = (Object.keys(FROM) as Rows[]).map((rows) => {
    const { contact, from } = FROM[rows];
    const sums = AGENT_DAY_SUMS.map(
      (column) => `${column.rows === rows ? column.sql(dialect) : '0'} as ${aggregateColumn(column.name)}`,
    );
    const conditions =
      rows === 'recovery'
        ? `${isRecovery('k')} and ${withinDaysAfter(dialect, 'k', 'f.responded_at', RECOVERY_SURVEY_DAYS)} and ?`
        : '?';
    return `select ${[...keyValues(dialect, contact), ...sums].join(', ')} from ${from} where ${conditions} ${groupBy(keys)}`;
  });
  const totals = AGENT_DAY_SUMS.map(({ name }) => `${sign} * coalesce(sum(u.${aggregateColumn(name)}), 0)`);
  return {
    sql:
      `select ${[...AGENT_DAY_KEYS, ...totals].join(', ')} from (${branches.join(' union all ')}) u ` +
      groupBy(keys),
    customerColumns: (Object.keys(FROM) as Rows[]).map((rows) => `${FROM[rows].contact}.customer_id`),
  };
}
