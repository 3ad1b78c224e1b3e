import type { Knex } from '@mikro-orm/knex';
import { countWhere, isEscalatedSession, isLowScore, REPEAT_CONTACT_SECONDS } from '../../core/conditions.js';
import { DAY_MS } from '../../core/time.js';
import { fromDbTime, inList, listParameter, plusSeconds } from '../../database/dialect.js';
import { Channel } from '../contacts/channel.js';
import { Tier } from '../customers/tier.js';
import type { SqlBuilder } from '../metrics/sql-builder.js';
import { backfiringResponse } from '../selfservice/backfire.js';

/**
 * The churn-risk model's inputs: what the CX literature names as early warnings (scores, repeat contacts,
 * waits, unresolved and escalated contacts, failed self-service), the recovery the customer received, and
 * who the customer is (tenure, tier, value). Each is computed per customer as of one instant from the
 * facts before it, so a model trained on an earlier instant never sees what happened after it.
 */

/** How far back the latest survey scores are looked for. */
export const SURVEY_LOOKBACK_DAYS = 180;
/** The window of the counted signals. */
export const RECENT_DAYS = 90;
export const SHORT_DAYS = 30;

/**
 * The wait each channel's customers tolerate before it counts as long (seconds): minutes on the phone,
 * a day by e-mail. A single threshold would flag every e-mail and no chat.
 */
export const LONG_WAIT_SECONDS: Record<Channel, number> = {
  [Channel.PHONE]: 300,
  [Channel.CHAT]: 120,
  [Channel.EMAIL]: 86_400,
  [Channel.SOCIAL]: 7_200,
  [Channel.VIDEO]: 240,
  [Channel.IN_PERSON]: 900,
};

/** One customer's raw inputs, as the feature query returns them. */
export type FeatureRow = Record<string, unknown>;

export interface FeatureDefinition {
  name: string;
  description: string;
  /** The value for a customer as of `asOf`; null when unknown (the model then uses the training average). */
  value(row: FeatureRow, asOf: Date): number | null;
  /** The value in words, for drivers: "3 contacts in 30 days". */
  label(value: number): string;
}

const count = (row: FeatureRow, column: string) => Number(row[column] ?? 0);
const orNull = (value: unknown) => (value == null ? null : Number(value));
const counted = (n: number, noun: string, nouns = `${noun}s`) => `${n} ${n === 1 ? noun : nouns}`;
const signed = (n: number) => (n > 0 ? `up ${n}` : n < 0 ? `down ${-n}` : 'unchanged');

/** A count of the facts of RECENT_DAYS (or another window), labelled "N nouns in D days". */
function recentCount(
  name: string,
  noun: string | [string, string],
  description: string,
  days = RECENT_DAYS,
): FeatureDefinition {
  const [singular, plural] = typeof noun === 'string' ? [noun, `${noun}s`] : noun;
  return {
    name,
    description: `${description} in the ${days} days before.`,
    value: (row) => count(row, name),
    label: (value) => `${counted(value, singular, plural)} in ${days} days`,
  };
}

/** Latest score and its change since the previous one, for one survey type. */
function surveyFeatures(type: 'nps' | 'csat', title: string, range: string): FeatureDefinition[] {
  return [
    {
      name: `${type}Latest`,
      description: `Latest ${title} score (${range}) in the ${SURVEY_LOOKBACK_DAYS} days before; unknown without one.`,
      value: (row) => orNull(row[`${type}Latest`]),
      label: (value) => `latest ${title} ${value}`,
    },
    {
      name: `${type}Change`,
      description: `Latest ${title} score minus the one before it (same ${SURVEY_LOOKBACK_DAYS} days); unknown under two.`,
      value: (row) => {
        const [latest, previous] = [orNull(row[`${type}Latest`]), orNull(row[`${type}Previous`])];
        return latest === null || previous === null ? null : latest - previous;
      },
      label: (value) => `${title} ${signed(value)} since the previous score`,
    },
  ];
}

export const FEATURES: readonly FeatureDefinition[] = [
  ...surveyFeatures('nps', 'NPS', '0-10'),
  ...surveyFeatures('csat', 'CSAT', '1-5'),
  recentCount('lowScores90', 'low survey score', 'Low survey scores (NPS 0-6, CSAT 1-2, CES 1-2)'),
  recentCount('contacts30', 'contact', 'Assisted contacts', SHORT_DAYS),
  recentCount('contacts90', 'contact', 'Assisted contacts'),
  recentCount(
    'repeatContacts90',
    'repeat contact',
    'Contacts that came within 7 days of the previous contact (repeat contacts)',
  ),
  recentCount('unresolved90', 'unresolved contact', 'Contacts recorded as not resolved'),
  recentCount('escalated90', 'escalated contact', 'Contacts escalated to a supervisor or tier 2'),
  recentCount('longWaits90', 'long wait', "Contacts whose wait exceeded the channel's tolerance"),
  recentCount(
    'escalatedSessions90',
    'escalated self-service session',
    'Self-service sessions that ended escalated',
  ),
  recentCount(
    'backfiredSessions90',
    'backfired self-service session',
    'Escalated self-service sessions followed within 7 days by a detractor NPS or a CSAT of 1-2',
  ),
  recentCount('abandonedSessions90', 'abandoned self-service session', 'Self-service sessions abandoned'),
  recentCount('apologies90', ['apology', 'apologies'], 'Contacts on which the agent apologised'),
  recentCount('recompenses90', 'recompense', 'Contacts on which a recompense was given'),
  {
    name: 'tenureYears',
    description: 'Years since signup.',
    value: (row, asOf) => (asOf.getTime() - fromDbTime(row.signupDate).getTime()) / (365.25 * DAY_MS),
    label: (value) => `customer for ${value.toFixed(1)} years`,
  },
  {
    name: 'vip',
    description: '1 for the VIP tier, 0 otherwise.',
    value: (row) => (row.tier === Tier.VIP ? 1 : 0),
    label: (value) => (value === 1 ? 'VIP tier' : 'not VIP'),
  },
  {
    name: 'lifetimeValueLog',
    description: 'Natural logarithm of 1 + lifetime value; unknown without a lifetime value.',
    value: (row) => (row.lifetimeValue == null ? null : Math.log1p(Math.max(0, Number(row.lifetimeValue)))),
    label: (value) => `lifetime value ${Math.round(Math.expm1(value)).toLocaleString('en')}`,
  },
];

/** The customers a feature query covers, as a condition on a customer-id column. */
export type CustomerScope = (builder: SqlBuilder, column: string) => Knex.Raw;

/** Customers per feature query: bounds the rows one query returns, whatever the customer count. */
export const CUSTOMERS_PER_CHUNK = 10_000;

/** Every customer, as ranges of CUSTOMERS_PER_CHUNK internal ids (each a range seek on the fact indexes). */
export async function customerChunks(builder: SqlBuilder): Promise<CustomerScope[]> {
  const [bounds] = await builder.rows(builder.raw('select min(id) as low, max(id) as high from customers'));
  const low = Number(bounds?.low ?? 1);
  const high = Number(bounds?.high ?? 0);
  const chunks: CustomerScope[] = [];
  for (let start = low; start <= high; start += CUSTOMERS_PER_CHUNK) {
    const end = start + CUSTOMERS_PER_CHUNK - 1;
    chunks.push((chunkBuilder, column) => chunkBuilder.raw(`${column} between ? and ?`, [start, end]));
  }
  return chunks;
}

/**
 * The given customers, CUSTOMERS_PER_CHUNK internal ids at a time, each chunk bound as one list parameter
 * (a key lookup per id on the fact indexes, however few or many the ids).
 */
export function listedCustomerChunks(ids: readonly number[]): CustomerScope[] {
  const chunks: CustomerScope[] = [];
  for (let start = 0; start < ids.length; start += CUSTOMERS_PER_CHUNK) {
    const chunk = ids.slice(start, start + CUSTOMERS_PER_CHUNK);
    chunks.push((builder, column) =>
      builder.raw(inList(builder.dialect, column, 'integer'), [listParameter(builder.dialect, chunk)]),
    );
  }
  return chunks;
}

export interface CustomerFeatures {
  id: number;
  externalId: string;
  churnedAt: Date | null;
  /** One value per FEATURES entry, in order; null when unknown. */
  values: (number | null)[];
}

const flagged = countWhere;

/**
 * The features of the customers in `scope` who were active at `asOf` (signed up before it, not churned
 * before it), ordered by internal id: one grouped query per fact table over the windows before `asOf`,
 * joined to the customers in the database. Only facts strictly before `asOf` are read.
 */
export async function customerFeatures(
  builder: SqlBuilder,
  asOf: Date,
  scope: CustomerScope,
): Promise<CustomerFeatures[]> {
  const { dialect } = builder;
  const daysBefore = (days: number) => new Date(asOf.getTime() - days * DAY_MS);
  const recentStart = daysBefore(RECENT_DAYS);
  const surveys = builder.raw(
    `select r.customer_id, ` +
      `max(case when r.type = 'nps' and r.position = 1 then r.score end) as "npsLatest", ` +
      `max(case when r.type = 'nps' and r.position = 2 then r.score end) as "npsPrevious", ` +
      `max(case when r.type = 'csat' and r.position = 1 then r.score end) as "csatLatest", ` +
      `max(case when r.type = 'csat' and r.position = 2 then r.score end) as "csatPrevious", ` +
      `${flagged(`r.responded_at >= ? and (${isLowScore('r')})`)} as "lowScores90" ` +
      `from (select customer_id, type, score, responded_at, row_number() over ` +
      `(partition by customer_id, type order by responded_at desc, id desc) as position ` +
      `from survey_responses where responded_at >= ? and responded_at < ? and ?) r group by r.customer_id`,
    [recentStart, daysBefore(SURVEY_LOOKBACK_DAYS), asOf, scope(builder, 'customer_id')],
  );
  const longWait = `k.wait_seconds > case k.channel ${Object.entries(LONG_WAIT_SECONDS)
    .map(([channel, seconds]) => `when '${channel}' then ${seconds}`)
    .join(' ')} end`;
  // Contacts from 7 days before the window are read too, so that the first one in it can be a repeat.
  const contacts = builder.raw(
    `select k.customer_id, ${flagged('k.started_at >= ?')} as "contacts30", count(*) as "contacts90", ` +
      `${flagged(`k.previous_at is not null and k.started_at <= ${plusSeconds(dialect, 'k.previous_at', REPEAT_CONTACT_SECONDS)}`)} as "repeatContacts90", ` +
      `${flagged('k.resolved = false')} as "unresolved90", ${flagged('k.escalated = true')} as "escalated90", ` +
      `${flagged(longWait)} as "longWaits90", ${flagged('k.apology = true')} as "apologies90", ` +
      `${flagged('k.recompense_type is not null')} as "recompenses90" ` +
      `from (select customer_id, started_at, channel, wait_seconds, resolved, escalated, apology, recompense_type, ` +
      `lag(started_at) over (partition by customer_id order by started_at, id) as previous_at ` +
      `from contacts where started_at >= ? and started_at < ? and ?) k where k.started_at >= ? group by k.customer_id`,
    [
      daysBefore(SHORT_DAYS),
      new Date(recentStart.getTime() - REPEAT_CONTACT_SECONDS * 1000),
      asOf,
      scope(builder, 'customer_id'),
      recentStart,
    ],
  );
  const sessions = builder.raw(
    `select s.customer_id, ${flagged(isEscalatedSession('s'))} as "escalatedSessions90", ` +
      `${flagged(
        `${isEscalatedSession('s')} and exists (select 1 from survey_responses r where ` +
          `${backfiringResponse(dialect, 's', 'r')} and r.responded_at < ?)`,
      )} as "backfiredSessions90", ${flagged(`s.outcome = 'abandoned'`)} as "abandonedSessions90" ` +
      `from self_service_sessions s where s.started_at >= ? and s.started_at < ? and ? group by s.customer_id`,
    [asOf, recentStart, asOf, scope(builder, 's.customer_id')],
  );
  const columns = FEATURE_COLUMNS.map((column) => `"${column}"`).join(', ');
  const sql = builder.raw(
    `select c.id, c.external_id as "externalId", c.churned_at as "churnedAt", c.signup_date as "signupDate", ` +
      `c.tier, c.lifetime_value as "lifetimeValue", ${columns} from customers c ` +
      `left join (?) sv on sv.customer_id = c.id left join (?) kc on kc.customer_id = c.id ` +
      `left join (?) ss on ss.customer_id = c.id ` +
      `where c.signup_date < ? and (c.churned_at is null or c.churned_at >= ?) and ? order by c.id`,
    [surveys, contacts, sessions, asOf, asOf, scope(builder, 'c.id')],
  );
  return (await builder.rows(sql)).map((row) => ({
    id: Number(row.id),
    externalId: String(row.externalId),
    churnedAt: row.churnedAt == null ? null : fromDbTime(row.churnedAt),
    values: FEATURES.map((feature) => feature.value(row, asOf)),
  }));
}

/** The aggregate columns of the fact subqueries (each named once, so the select list needs no alias). */
const FEATURE_COLUMNS = [
  'npsLatest',
  'npsPrevious',
  'csatLatest',
  'csatPrevious',
  'lowScores90',
  'contacts30',
  'contacts90',
  'repeatContacts90',
  'unresolved90',
  'escalated90',
  'longWaits90',
  'apologies90',
  'recompenses90',
  'escalatedSessions90',
  'backfiredSessions90',
  'abandonedSessions90',
];
