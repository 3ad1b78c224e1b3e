import { countWhere, groupBy, isApology, isFailedSession, isRecovery } from '../../../core/conditions.js';
import { DAY_SECONDS } from '../../../core/time.js';
import { plusSeconds, timeBucket, type Dialect } from '../../../database/dialect.js';
import { AFTER_SELF_SERVICE_HOURS } from '../../agents/dto/super-agents.type.js';
import { CONTACTS, SURVEYS } from '../aggregates.js';
import { RECOVERY_CHURN_DAYS, RECOVERY_SURVEY_DAYS } from '../dto/recovery-effectiveness.type.js';
import { TimeGrain } from '../time-grain.js';
import { Channel } from '../../contacts/channel.js';
import { aggregateColumn } from './rollup-tables.js';

/**
 * The agent views' daily sums (scorecards, super agents, the exception report): per UTC day of the contact's
 * start and agent, the counts and sums those views derive from, with the channel and three flags of the
 * contact as sums of their own (the contacts per channel, the sums of the recoveries, of the out-of-policy
 * contacts and of the contacts after self-service).
 * Several depend on the customer's other facts (a failed session before the contact, the churn date, the
 * responses about the contact or after it), so the rollup is maintained like the derived rollups: an import
 * takes back what its touched customers contributed and adds it again from the facts as they are.
 */
export const AGENT_DAYS = 'rollup_agent_days';

/** The key columns: an unknown agent is stored as '' (keys cannot be null). */
export const AGENT_DAY_KEYS = ['day', 'agent'] as const;

/**
 * What each contact's sums are first grouped by, before they are summed per day and agent: the channel and the
 * flags some sums are counted under (stored as sums of their own, so that the key is only day and agent: at
 * 2.57M contacts the finer key held 2,085,032 rows, about 1.2 contacts a row).
 */
const CONTACT_KEYS = [
  ...AGENT_DAY_KEYS,
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

const capitalized = (name: string) => `${name[0]!.toUpperCase()}${name.slice(1)}`;

/** The responses' survey sums under `prefix`, from the catalogue's survey aggregates. */
const surveySums = (prefix: 'about' | 'recovery', names: (keyof typeof SURVEYS)[]) =>
  names.map((name) => sum(`${prefix}${capitalized(name)}`, prefix, SURVEYS[name].sql));

const ABOUT_SURVEYS: (keyof typeof SURVEYS)[] = [
  'npsResponses',
  'promoters',
  'detractors',
  'csatResponses',
  'csatSum',
];

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

/** What each contact contributes, summed by CONTACT_KEYS. */
const CONTACT_SUMS: readonly AgentDaySum[] = [
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
  ...surveySums('about', ABOUT_SURVEYS),
  ...surveySums('recovery', ['npsResponses', 'promoters', 'detractors']),
];

/** The outcomes of a group of recoveries or exceptions, as the exception report compares them. */
const OUTCOMES = [
  'contacts',
  'resolved',
  'repeatedContacts',
  'churned',
  'recompenseCents',
  'recompensed',
  'peerApproved',
];

/**
 * The sums counted under a flag of the contact: `recoveries…` of the recoveries, `exceptions…` of the
 * out-of-policy contacts, `withinPolicy…` of the recoveries within policy, `afterSelfService…` of the contacts
 * after self-service; each a condition on the contacts' sums u.
 */
const FLAGGED: Record<string, { condition: string; sums: string[] }> = {
  recoveries: { condition: 'u.recovery = 1', sums: ['contacts', 'resolved', 'churned'] },
  exceptions: { condition: 'u.out_of_policy = 1', sums: OUTCOMES },
  withinPolicy: { condition: 'u.out_of_policy = 0 and u.recovery = 1', sums: OUTCOMES },
  afterSelfService: {
    condition: 'u.after_self_service = 1',
    sums: ['contacts', 'resolved', 'churned', ...surveySums('about', ABOUT_SURVEYS).map(({ name }) => name)],
  },
};

/** The name of a flagged sum: `recoveries` + `resolved` → recoveriesResolved (the contacts: the flag alone). */
export const flaggedSum = (flag: keyof typeof FLAGGED, name: string) =>
  name === 'contacts' ? flag : `${flag}${capitalized(name)}`;

/** The name of the contacts of a channel: in_person → inPersonContacts. */
export const channelContacts = (channel: Channel) =>
  `${channel.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase())}Contacts`;

/**
 * The rollup's columns beside the key, each an expression over the contacts' sums u: each sum of CONTACT_SUMS,
 * the contacts of each channel, and the flagged sums.
 */
export const AGENT_DAY_SUMS: readonly { name: string; sql: string }[] = [
  ...CONTACT_SUMS.map(({ name }) => ({
    name,
    sql: `sum(u.${aggregateColumn(name)})`,
  })),
  ...Object.values(Channel).map((channel) => ({
    name: channelContacts(channel),
    sql: `sum(case when u.channel = '${channel}' then u.contacts else 0 end)`,
  })),
  ...Object.entries(FLAGGED).flatMap(([flag, { condition, sums }]) =>
    sums.map((name) => ({
      name: flaggedSum(flag, name),
      sql: `sum(case when ${condition} then u.${aggregateColumn(name)} else 0 end)`,
    })),
  ),
];

/** The contact key values of the contact `k`, in the order of CONTACT_KEYS. */
const keyValues = (dialect: Dialect, k: string) => [
  `${timeBucket(dialect, `${k}.started_at`, TimeGrain.DAY)} as day`,
  `coalesce(${k}.agent_id, '') as agent`,
  `${k}.channel as channel`,
  `case when ${arrivedAfterSelfService(dialect, k)} then 1 else 0 end as after_self_service`,
  `case when ${k}.out_of_policy = true then 1 else 0 end as out_of_policy`,
  `case when ${isRecovery(k)} then 1 else 0 end as recovery`,
];

const FROM: Record<Rows, { contact: string; from: string }> = {
  contacts: {
    contact: 'f',
    from: 'contacts f join customers c on c.id = f.customer_id',
  },
  about: {
    contact: 'k',
    from: 'survey_responses f join contacts k on k.external_id = f.contact_id',
  },
  recovery: {
    contact: 'k',
    from: 'contacts k join survey_responses f on f.customer_id = k.customer_id',
  },
};

/**
 * The select of `sign` times what the contacts of some customers contribute, by key (its columns:
 * AGENT_DAY_KEYS, then AGENT_DAY_SUMS), and the alias of the contact each of its conditions is about (a `?`
 * each, to bind with the condition on the contact's customer, and on its start when a window is given).
 * Everything is attributed to the contact's customer, so that taking back and adding a customer's
 * contribution moves all of it. One grouped select per kind of rows, added up by key.
 */
export function agentDayContribution(
  dialect: Dialect,
  sign: 1 | -1,
): { sql: string; contactAliases: string[] } {
  const branches = (Object.keys(FROM) as Rows[]).map((rows) => {
    const { contact, from } = FROM[rows];
    const sums = CONTACT_SUMS.map(
      (column) => `${column.rows === rows ? column.sql(dialect) : '0'} as ${aggregateColumn(column.name)}`,
    );
    const conditions =
      rows === 'recovery'
        ? `${isRecovery('k')} and ${withinDaysAfter(dialect, 'k', 'f.responded_at', RECOVERY_SURVEY_DAYS)} and ?`
        : '?';
    return `select ${[...keyValues(dialect, contact), ...sums].join(', ')} from ${from} where ${conditions} ${groupBy(CONTACT_KEYS.length)}`;
  });
  const totals = AGENT_DAY_SUMS.map(({ sql }) => `${sign} * coalesce(${sql}, 0)`);
  return {
    sql:
      `select ${[...AGENT_DAY_KEYS, ...totals].join(', ')} from (${branches.join(' union all ')}) u ` +
      groupBy(AGENT_DAY_KEYS.length),
    contactAliases: (Object.keys(FROM) as Rows[]).map((rows) => FROM[rows].contact),
  };
}
