import type { Knex } from '@mikro-orm/knex';
import { REPEAT_CONTACT_SECONDS, TRUE_DEFLECTION_SECONDS } from '../../../core/conditions.js';
import { DAY_SECONDS } from '../../../core/time.js';
import { toDbValue, type Dialect } from '../../../database/dialect.js';

/**
 * The facts of the touched customers whose contribution a contacts import can change: the contacts it
 * writes (as they were and as they are) and the facts up to LOOKBACK_SECONDS before them, whose sequence
 * flags it can change (a contact's repeat flag, a session's true deflection); the rest of a customer's
 * history contributes the same before and after. The rollups whose rows depend on a contact only through
 * the contact itself, its repeat flag and facts a contacts import does not write (the contacts' daily sums,
 * the agent days, the recovery days; the customer mix and word-of-mouth days from the window's first day
 * on) take back and add only the contacts started from `from` and before `before` (no bound when absent),
 * both UTC midnights. A stream of new contacts for customers with a year of history then reads a week of it,
 * not the year (the agent days were the largest part of an apply round at 1M contacts).
 */
export interface ContactWindow {
  from: Date;
  before?: Date;
}

const DAY_MS = DAY_SECONDS * 1000;

/** The furthest a sequence flag of a fact looks ahead at the customer's contacts (sequence-flags.ts). */
const LOOKBACK_SECONDS = Math.max(REPEAT_CONTACT_SECONDS, TRUE_DEFLECTION_SECONDS);

/**
 * The start of the window covering contacts started at `earliest` or later: LOOKBACK_SECONDS before, down
 * to the UTC day, so that the later batches of an import rarely have to widen it.
 */
export function windowStart(earliest: Date): Date {
  const start = earliest.getTime() - LOOKBACK_SECONDS * 1000;
  return new Date(Math.floor(start / DAY_MS) * DAY_MS);
}

/** The window's bounds on `column` (a contact's start, or a day), as SQL to append to a condition, and their values. */
export function windowBounds(
  dialect: Dialect,
  column: string,
  window: ContactWindow | undefined,
): { sql: string; bindings: Knex.Value[] } {
  if (!window) return { sql: '', bindings: [] };
  const bounds = [window.from, ...(window.before ? [window.before] : [])];
  return {
    sql: ` and ${column} >= ?${window.before ? ` and ${column} < ?` : ''}`,
    bindings: bounds.map((bound) => toDbValue(dialect, bound) as Knex.Value),
  };
}

/** `condition` (a customer condition) and the window's bounds on the start of the contact `alias`. */
export function withinContactWindow(
  knex: Knex,
  dialect: Dialect,
  condition: Knex.Raw,
  alias: string,
  window: ContactWindow | undefined,
): Knex.Raw {
  if (!window) return condition;
  const { sql, bindings } = windowBounds(dialect, `${alias}.started_at`, window);
  return knex.raw(`?${sql}`, [condition, ...bindings]);
}
