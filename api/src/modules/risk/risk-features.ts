import type { Knex } from '@mikro-orm/knex';
import {
  countWhere,
  isAbandonedSession,
  isApology,
  isComplaint,
  isCsat,
  isEscalatedContact,
  isEscalatedSession,
  isFailedSession,
  isLowScore,
  isNps,
  isPromoter,
  isUnresolvedContact,
  isWithoutApology,
  REPEAT_CONTACT_SECONDS,
} from '../../core/conditions.js';
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

/** The windows of the counted signals, shortest first: a trend shows as the short window's share of the long. */
export const WINDOWS = [30, 90, 180] as const;
export type WindowDays = (typeof WINDOWS)[number];
/** The longest window: how far back facts are read, and where the latest survey scores are looked for. */
export const LOOKBACK_DAYS = 180;
export const SURVEY_LOOKBACK_DAYS = LOOKBACK_DAYS;
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

/** A count of the facts of one window, labelled "N nouns in D days". */
function windowCount(
  name: string,
  noun: string | [string, string],
  description: string,
  days: number,
): FeatureDefinition {
  const [singular, plural] = typeof noun === 'string' ? [noun, `${noun}s`] : noun;
  return {
    name,
    description: `${description} in the ${days} days before.`,
    value: (row) => count(row, name),
    label: (value) => `${counted(value, singular, plural)} in ${days} days`,
  };
}

/** The same count over each of `windows` (named base + days: contacts30, contacts90, contacts180). */
function windowCounts(
  base: string,
  noun: string | [string, string],
  description: string,
  windows: readonly WindowDays[] = WINDOWS,
): FeatureDefinition[] {
  return windows.map((days) => windowCount(`${base}${days}`, noun, description, days));
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

/** Days from the latest bad experience to asOf; LOOKBACK_DAYS when none in the lookback. */
function daysSinceBad(row: FeatureRow, asOf: Date): number {
  const latest = ['lastBadSurvey', 'lastBadContact', 'lastBadSession']
    .map((column) => row[column])
    .filter((value) => value != null)
    .map((value) => fromDbTime(value).getTime());
  if (latest.length === 0) return LOOKBACK_DAYS;
  return Math.min(LOOKBACK_DAYS, (asOf.getTime() - Math.max(...latest)) / DAY_MS);
}

export const FEATURES: readonly FeatureDefinition[] = [
  ...surveyFeatures('nps', 'NPS', '0-10'),
  ...surveyFeatures('csat', 'CSAT', '1-5'),
  ...windowCounts('lowScores', 'low survey score', 'Low survey scores (NPS 0-6, CSAT 1-2, CES 1-2)'),
  windowCount('promoters180', 'promoter score', 'NPS responses of 9 or 10', 180),
  ...windowCounts('contacts', 'contact', 'Assisted contacts'),
  ...windowCounts(
    'repeatContacts',
    'repeat contact',
    'Contacts that came within 7 days of the previous contact (repeat contacts)',
  ),
  ...windowCounts('unresolved', 'unresolved contact', 'Contacts recorded as not resolved'),
  ...windowCounts('longWaits', 'long wait', "Contacts whose wait exceeded the channel's tolerance"),
  windowCount('escalated90', 'escalated contact', 'Contacts escalated to a supervisor or tier 2', 90),
  ...windowCounts('complaints', 'complaint', 'Complaints (contacts with recovery recorded)', [90, 180]),
  ...windowCounts(
    'apologies',
    ['apology', 'apologies'],
    'Complaints on which the agent apologised',
    [90, 180],
  ),
  windowCount(
    'perksWithoutApology180',
    'recompense without apology',
    'Complaints answered with a recompense but no apology',
    180,
  ),
  windowCount(
    'escalatedSessions90',
    'escalated self-service session',
    'Self-service sessions that ended escalated',
    90,
  ),
  windowCount(
    'backfiredSessions90',
    'backfired self-service session',
    'Escalated self-service sessions followed within 7 days by a detractor NPS or a CSAT of 1-2',
    90,
  ),
  ...windowCounts('abandonedSessions', 'abandoned self-service session', 'Self-service sessions abandoned'),
  {
    name: 'daysSinceBadExperience',
    description:
      `Days since the latest bad experience (a low score, a contact unresolved, after a long wait or with a ` +
      `complaint, a self-service session abandoned or escalated); ${LOOKBACK_DAYS} without one in the ${LOOKBACK_DAYS} days before.`,
    value: daysSinceBad,
    label: (value) =>
      value >= LOOKBACK_DAYS
        ? `no bad experience in ${LOOKBACK_DAYS} days`
        : `last bad experience ${Math.floor(value)} days ago`,
  },
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
  lifetimeValue: number | null;
  /** The customer's segment, '' for an unknown value (the keys of the risk history's segments). */
  segment: { generation: string; region: string; tier: string };
  /** One value per FEATURES entry, in order; null when unknown. */
  values: (number | null)[];
}

const flagged = countWhere;
const LOW_SCORE = `(${isLowScore('r')})`;

/** Select-list entries, their names and their parameters, built in order. */
class Columns {
  readonly names: string[] = [];
  readonly sql: string[] = [];
  readonly params: unknown[] = [];

  add(name: string, expression: string, ...params: unknown[]): this {
    this.names.push(name);
    this.sql.push(`${expression} as "${name}"`);
    this.params.push(...params);
    return this;
  }

  /** The columns as the alias `alias` of their query names them, for the select list of a join. */
  of(alias: string): string[] {
    return this.names.map((name) => `${alias}."${name}"`);
  }

  /** One count per window: rows at or after the window's start that meet `condition`. */
  windows(
    name: string,
    time: string,
    condition: string,
    since: (days: number) => Date,
    windows: readonly WindowDays[] = WINDOWS,
  ): this {
    for (const days of windows) {
      this.add(`${name}${days}`, flagged(`${time} >= ? and ${condition}`), since(days));
    }
    return this;
  }
}

/**
 * The features of the customers in `scope` who were active at `asOf` (signed up before it, not churned
 * before it), ordered by internal id: one statement, a grouped subquery per fact table over the windows before
 * `asOf`, joined to the customers in the database. Only facts strictly before `asOf` are read.
 */
export async function customerFeatures(
  builder: SqlBuilder,
  asOf: Date,
  scope: CustomerScope,
): Promise<CustomerFeatures[]> {
  const { dialect } = builder;
  const since = (days: number) => new Date(asOf.getTime() - days * DAY_MS);
  const start = since(LOOKBACK_DAYS);

  const surveyColumns = new Columns()
    .add('npsLatest', `max(case when ${isNps('r')} and r.position = 1 then r.score end)`)
    .add('npsPrevious', `max(case when ${isNps('r')} and r.position = 2 then r.score end)`)
    .add('csatLatest', `max(case when ${isCsat('r')} and r.position = 1 then r.score end)`)
    .add('csatPrevious', `max(case when ${isCsat('r')} and r.position = 2 then r.score end)`)
    .windows('lowScores', 'r.responded_at', LOW_SCORE, since)
    .add('promoters180', flagged(isPromoter('r')))
    .add('lastBadSurvey', `max(case when ${LOW_SCORE} then r.responded_at end)`);
  const surveys = builder.raw(
    `select r.customer_id, ${surveyColumns.sql.join(', ')} ` +
      `from (select customer_id, type, score, responded_at, row_number() over ` +
      `(partition by customer_id, type order by responded_at desc, id desc) as position ` +
      `from survey_responses where responded_at >= ? and responded_at < ? and ?) r group by r.customer_id`,
    [...surveyColumns.params, start, asOf, scope(builder, 'customer_id')],
  );

  const longWait = `k.wait_seconds > case k.channel ${Object.entries(LONG_WAIT_SECONDS)
    .map(([channel, seconds]) => `when '${channel}' then ${seconds}`)
    .join(' ')} end`;
  const repeat = `k.previous_at is not null and k.started_at <= ${plusSeconds(dialect, 'k.previous_at', REPEAT_CONTACT_SECONDS)}`;
  const contactColumns = new Columns()
    .windows('contacts', 'k.started_at', '1 = 1', since)
    .windows('repeatContacts', 'k.started_at', `(${repeat})`, since)
    .windows('unresolved', 'k.started_at', isUnresolvedContact('k'), since)
    .windows('longWaits', 'k.started_at', `(${longWait})`, since)
    .windows('escalated', 'k.started_at', isEscalatedContact('k'), since, [90])
    .windows('complaints', 'k.started_at', isComplaint('k'), since, [90, 180])
    .windows('apologies', 'k.started_at', isApology('k'), since, [90, 180])
    .windows(
      'perksWithoutApology',
      'k.started_at',
      `${isWithoutApology('k')} and k.recompense_type is not null`,
      since,
      [180],
    )
    .add(
      'lastBadContact',
      `max(case when ${isUnresolvedContact('k')} or ${isComplaint('k')} or (${longWait}) then k.started_at end)`,
    );
  // Contacts from 7 days before the lookback are read too, so that the first one in it can be a repeat.
  const contacts = builder.raw(
    `select k.customer_id, ${contactColumns.sql.join(', ')} ` +
      `from (select customer_id, started_at, channel, wait_seconds, resolved, escalated, apology, recompense_type, ` +
      `lag(started_at) over (partition by customer_id order by started_at, id) as previous_at ` +
      `from contacts where started_at >= ? and started_at < ? and ?) k where k.started_at >= ? group by k.customer_id`,
    [
      ...contactColumns.params,
      new Date(start.getTime() - REPEAT_CONTACT_SECONDS * 1000),
      asOf,
      scope(builder, 'customer_id'),
      start,
    ],
  );

  const backfired =
    `${isEscalatedSession('s')} and exists (select 1 from survey_responses r where ` +
    `${backfiringResponse(dialect, 's', 'r')} and r.responded_at < ?)`;
  const sessionColumns = new Columns()
    .windows('escalatedSessions', 's.started_at', isEscalatedSession('s'), since, [90])
    .add('backfiredSessions90', flagged(`s.started_at >= ? and ${backfired}`), since(90), asOf)
    .windows('abandonedSessions', 's.started_at', isAbandonedSession('s'), since)
    .add('lastBadSession', `max(case when ${isFailedSession('s')} then s.started_at end)`);
  const sessions = builder.raw(
    `select s.customer_id, ${sessionColumns.sql.join(', ')} ` +
      `from self_service_sessions s where s.started_at >= ? and s.started_at < ? and ? group by s.customer_id`,
    [...sessionColumns.params, start, asOf, scope(builder, 's.customer_id')],
  );

  // One statement: the three aggregates of the chunk joined to its active customers. (SQLite builds an
  // automatic index on each aggregate to join it; measured against four queries merged in JavaScript, it
  // costs no more, docs/benchmarks.md.)
  const customerRows = await builder.rows(
    builder.raw(
      'select c.id, c.external_id as "externalId", c.churned_at as "churnedAt", c.signup_date as "signupDate", ' +
        'c.generation, c.region, c.tier, c.lifetime_value as "lifetimeValue", ' +
        [...surveyColumns.of('s'), ...contactColumns.of('k'), ...sessionColumns.of('ss')].join(', ') +
        ' from customers c left join (?) s on s.customer_id = c.id left join (?) k on k.customer_id = c.id ' +
        'left join (?) ss on ss.customer_id = c.id ' +
        'where c.signup_date < ? and (c.churned_at is null or c.churned_at >= ?) and ? order by c.id',
      [surveys, contacts, sessions, asOf, asOf, scope(builder, 'c.id')],
    ),
  );
  return customerRows.map((row) => {
    const id = Number(row.id);
    return {
      id,
      externalId: String(row.externalId),
      churnedAt: row.churnedAt == null ? null : fromDbTime(row.churnedAt),
      lifetimeValue: row.lifetimeValue == null ? null : Number(row.lifetimeValue),
      segment: {
        generation: (row.generation as string | null) ?? '',
        region: (row.region as string | null) ?? '',
        tier: (row.tier as string | null) ?? '',
      },
      values: FEATURES.map((feature) => feature.value(row, asOf)),
    };
  });
}
