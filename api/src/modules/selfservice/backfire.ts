import { plusSeconds, type Dialect } from '../../database/dialect.js';

/** How long after an escalated session a low score still counts as its backfire (docs/concepts.md). */
export const BACKFIRE_SECONDS = 7 * 86_400;

/**
 * SQL condition: the survey response aliased `response` backfires the escalated session aliased
 * `session`: same customer, a detractor NPS (0-6) or a CSAT of 1-2, within BACKFIRE_SECONDS after the
 * session started. The one definition the backfire rate and the backfire alert share.
 */
export function backfiringResponse(dialect: Dialect, session: string, response: string): string {
  return (
    `${response}.customer_id = ${session}.customer_id and ${response}.responded_at > ${session}.started_at ` +
    `and ${response}.responded_at <= ${plusSeconds(dialect, `${session}.started_at`, BACKFIRE_SECONDS)} ` +
    `and ((${response}.type = 'nps' and ${response}.score <= 6) or (${response}.type = 'csat' and ${response}.score <= 2))`
  );
}
