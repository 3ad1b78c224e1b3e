import type { Knex } from '@mikro-orm/knex';
import { fromDbTime, toDbValue, type Dialect } from '../../database/dialect.js';
import { UNRESOLVED } from './alert.service.js';

/** The next due time of each connection's alerts, as of one data version. */
const known = new WeakMap<Knex, { version: number; next: Date | null }>();

/**
 * When the next unresolved alert becomes overdue, after `now`; null when none will without a change
 * of the data. Until then every `overdue` flag and count stays as it is, so answers that show them may
 * be cached until that moment. Alerts change only with the data version (imports, risk refreshes,
 * mutations), so the answer is kept per connection and version and looked up again only once the
 * moment has passed.
 */
export async function nextAlertDue(
  knex: Knex,
  dialect: Dialect,
  version: number,
  now = new Date(),
): Promise<Date | null> {
  const memo = known.get(knex);
  if (memo?.version === version && (memo.next === null || memo.next > now)) return memo.next;
  const row = (await knex('alerts')
    .whereIn('status', UNRESOLVED)
    .where('due_at', '>', toDbValue(dialect, now) as Date)
    .min({ next: 'due_at' })
    .first()) as { next: unknown } | undefined;
  const next = row?.next == null ? null : fromDbTime(row.next);
  known.set(knex, { version, next });
  return next;
}
