import { DAY_MS } from '../../core/time.js';
import { isComplaint, isFailedSession, isLowScore, isUnresolvedContact } from '../../core/conditions.js';
import type { EntityManager } from '@mikro-orm/knex';
import { fromDbTime, inList, listParameter } from '../../database/dialect.js';
import { RecoveryGroup } from '../metrics/dto/recovery-effectiveness.type.js';
import { queryRecoveryChurn, queryRecoveryChurnRollup } from '../metrics/recovery-churn.js';
import { SqlBuilder } from '../metrics/sql-builder.js';
import type { Generation } from '../customers/generation.js';
import { LONG_WAIT_SECONDS, RECENT_DAYS } from './risk-features.js';
import { NextStepAction, type NextStep, type RiskEvent } from './dto/risk-actions.types.js';

/** At most this many events explain "why now". */
export const WHY_NOW_EVENTS = 3;
/** Fewest recovered complaints on each side before apologies and perks are compared for a segment. */
export const MIN_RECOVERY_CONTACTS = 30;

/** What a scored customer's "why now" and next step are computed from. */
export interface ScoredCustomer {
  customerId: number;
  scoredAt: Date;
  generation: Generation | null;
}

export interface RiskActions {
  whyNow: RiskEvent[];
  nextStep: NextStep;
}

interface BadEvent extends RiskEvent {
  customerId: number;
  unresolved: boolean;
  apology: boolean | null;
  reason: string | null;
}

/**
 * "Why now" and a suggested next step for a page of scored customers, in three queries whatever the page
 * size: their bad experiences of the RECENT_DAYS before each score (a low score, a contact left unresolved,
 * after a long wait or with a complaint, a self-service session abandoned or escalated), newest first; their
 * live-agent preferences; and, per generation on the page, whether apologies kept more complainers than
 * perks alone (recoveryEffectiveness over the year up to the scores, from its rollup).
 */
export async function riskActions(
  em: EntityManager,
  customers: readonly ScoredCustomer[],
): Promise<Map<number, RiskActions>> {
  const result = new Map<number, RiskActions>();
  if (customers.length === 0) return result;
  const builder = new SqlBuilder(em);
  const ids = customers.map(({ customerId }) => customerId);
  const latest = Math.max(...customers.map(({ scoredAt }) => scoredAt.getTime()));
  const from = new Date(
    Math.min(...customers.map(({ scoredAt }) => scoredAt.getTime())) - RECENT_DAYS * DAY_MS,
  );
  const [events, preferences, apologyWorks] = await Promise.all([
    badEvents(builder, ids, from, new Date(latest + 1)),
    livePreferences(builder, ids),
    apologyWorksBetter(em, new Set(customers.map(({ generation }) => generation)), new Date(latest)),
  ]);
  for (const { customerId, scoredAt, generation } of customers) {
    const mine = events
      .filter(
        (event) =>
          event.customerId === customerId &&
          event.at <= scoredAt &&
          event.at.getTime() >= scoredAt.getTime() - RECENT_DAYS * DAY_MS,
      )
      .sort((a, b) => b.at.getTime() - a.at.getTime());
    result.set(customerId, {
      whyNow: mine.slice(0, WHY_NOW_EVENTS).map(({ at, kind, label }) => ({ at, kind, label })),
      nextStep: nextStep(
        mine,
        preferences.get(customerId) ?? null,
        generation && apologyWorks.get(generation),
      ),
    });
  }
  return result;
}

/**
 * The rules, first match wins: a customer who wants a person gets one; an open problem (a complaint without
 * an apology, or a contact left unresolved) gets a call back, with an apology where the segment's data say
 * apologies keep more complainers than perks; a low score gets the loop closed; anyone else a check-in.
 */
export function nextStep(
  events: readonly BadEvent[],
  preference: string | null,
  apologyWorks: { apology: number; perks: number } | null | undefined,
): NextStep {
  if (preference !== null) {
    return {
      action: NextStepAction.ROUTE_TO_LIVE_AGENT,
      text: 'Route their next contact straight to a live agent, not through self-service.',
      reason: `Marked as preferring a live agent: ${preference}`,
    };
  }
  const open = events.find((event) => event.apology === false || event.unresolved);
  if (open) {
    const about = open.reason ? ` about ${open.reason.replaceAll('_', ' ')}` : '';
    const when = open.at.toISOString().slice(0, 10);
    if (apologyWorks) {
      return {
        action: NextStepAction.CALL_BACK_WITH_APOLOGY,
        text: `Call back with a personal apology and fix the problem${about} of ${when}.`,
        reason:
          `In this generation, ${apologyWorks.apology.toFixed(1)}% of complainers who got an apology left within ` +
          `90 days, against ${apologyWorks.perks.toFixed(1)}% of those given perks alone.`,
      };
    }
    return {
      action: NextStepAction.CALL_BACK,
      text: `Call back and fix the problem${about} of ${when}.`,
      reason:
        open.apology === false
          ? 'A complaint was recorded without an apology.'
          : 'The contact was left unresolved.',
    };
  }
  const low = events.find((event) => event.kind === 'low_score');
  if (low) {
    return {
      action: NextStepAction.CLOSE_THE_LOOP,
      text: `Close the loop on the ${low.label} of ${low.at.toISOString().slice(0, 10)}: ask what went wrong.`,
      reason: 'A low score is the earliest warning; a call back while it is fresh turns it round.',
    };
  }
  return {
    action: NextStepAction.CHECK_IN,
    text: 'Make a proactive check-in call.',
    reason: 'The score rests on the pattern of contacts and tenure rather than one recent event.',
  };
}

async function badEvents(builder: SqlBuilder, ids: number[], from: Date, to: Date): Promise<BadEvent[]> {
  const ofCustomers = (column: string) =>
    builder.raw(inList(builder.dialect, column, 'integer'), [listParameter(builder.dialect, ids)]);
  const longWait = `wait_seconds > case channel ${Object.entries(LONG_WAIT_SECONDS)
    .map(([channel, seconds]) => `when '${channel}' then ${seconds}`)
    .join(' ')} end`;
  const rows = await builder.rows(
    builder.raw(
      `select r.customer_id, r.responded_at as at, 'low_score' as kind, r.type as detail, r.score as number, ` +
        `r.channel, null as reason, 0 as unresolved, null as apology from survey_responses r ` +
        `where ? and r.responded_at >= ? and r.responded_at < ? and (${isLowScore('r')}) ` +
        `union all select customer_id, started_at, case when ${isComplaint('')} then 'complaint' ` +
        `when ${isUnresolvedContact('')} then 'unresolved_contact' else 'long_wait' end, null, wait_seconds, channel, ` +
        `reason, case when ${isUnresolvedContact('')} then 1 else 0 end, apology from contacts ` +
        `where ? and started_at >= ? and started_at < ? and ` +
        `(${isUnresolvedContact('')} or ${isComplaint('')} or ${longWait}) ` +
        `union all select customer_id, started_at, 'self_service', outcome, steps, entry, null, 0, null ` +
        `from self_service_sessions where ? and started_at >= ? and started_at < ? and ${isFailedSession('')}`,
      [
        ofCustomers('r.customer_id'),
        from,
        to,
        ofCustomers('customer_id'),
        from,
        to,
        ofCustomers('customer_id'),
        from,
        to,
      ],
    ),
  );
  return rows.map((row) => {
    const kind = String(row.kind);
    const apology = row.apology == null ? null : Boolean(row.apology);
    return {
      customerId: Number(row.customer_id),
      at: fromDbTime(row.at),
      kind,
      label: eventLabel(kind, row),
      unresolved: Number(row.unresolved) === 1,
      apology,
      reason: text(row.reason),
    };
  });
}

/** A text column's value; null for SQL null. */
const text = (value: unknown): string | null => (value == null ? null : (value as string));

function eventLabel(kind: string, row: Record<string, unknown>): string {
  const channel = (text(row.channel) ?? '').replaceAll('_', ' ');
  const reason = row.reason == null ? '' : ` about ${text(row.reason)!.replaceAll('_', ' ')}`;
  switch (kind) {
    case 'low_score':
      return `${String(row.detail).toUpperCase()} ${Number(row.number)}${channel ? ` on ${channel}` : ''}`;
    case 'complaint':
      return `complaint${reason} by ${channel}, ${row.apology ? 'with' : 'without'} an apology`;
    case 'unresolved_contact':
      return `${channel} contact${reason} left unresolved`;
    case 'long_wait':
      return `waited ${Math.round(Number(row.number) / 60)} min by ${channel}`;
    default:
      return `${channel} self-service session ${String(row.detail)}`;
  }
}

async function livePreferences(builder: SqlBuilder, ids: number[]): Promise<Map<number, string>> {
  const rows = await builder.rows(
    builder.raw(`select customer_id, reason from live_agent_preferences where ?`, [
      builder.raw(inList(builder.dialect, 'customer_id', 'integer'), [listParameter(builder.dialect, ids)]),
    ]),
  );
  return new Map(rows.map((row) => [Number(row.customer_id), String(row.reason)]));
}

/**
 * Per generation: the churn rates after recoveries answered with an apology and with perks alone over the
 * 365 days up to and including the day of `until`, when apologies did better on at least
 * MIN_RECOVERY_CONTACTS recoveries a side (recoveryEffectiveness's groups and rule), from the recovery
 * counts per day when the rollups are built.
 */
async function apologyWorksBetter(
  em: EntityManager,
  generations: Set<Generation | null>,
  until: Date,
): Promise<Map<Generation, { apology: number; perks: number }>> {
  const result = new Map<Generation, { apology: number; perks: number }>();
  const known = [...generations].filter((generation): generation is Generation => generation !== null);
  if (known.length === 0) return result;
  const lastDay = Math.floor(until.getTime() / DAY_MS) * DAY_MS;
  const filter = {
    from: new Date(lastDay - 364 * DAY_MS),
    to: new Date(lastDay + DAY_MS),
    generations: known,
  };
  const counts = (await queryRecoveryChurnRollup(em, filter)) ?? (await queryRecoveryChurn(em, filter));
  const outcome = (generation: Generation, group: RecoveryGroup) =>
    counts.find((count) => count.generation === generation && count.group === group) ?? {
      contacts: 0,
      churnRate: null,
    };
  for (const generation of known) {
    const apology = outcome(generation, RecoveryGroup.APOLOGY);
    const perks = outcome(generation, RecoveryGroup.PERKS_ONLY);
    if (
      apology.churnRate !== null &&
      perks.churnRate !== null &&
      apology.contacts >= MIN_RECOVERY_CONTACTS &&
      perks.contacts >= MIN_RECOVERY_CONTACTS &&
      apology.churnRate < perks.churnRate
    ) {
      result.set(generation, { apology: apology.churnRate, perks: perks.churnRate });
    }
  }
  return result;
}
