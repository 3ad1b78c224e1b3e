import { BACKFIRE_SECONDS, isBackfireScore } from '../../core/conditions.js';
import { plusSeconds, type Dialect } from '../../database/dialect.js';

/**
 * SQL condition: the survey response aliased `response` backfires the escalated session aliased
 * `session`: same customer, a detractor NPS (0-6) or a CSAT of 1-2, within BACKFIRE_SECONDS after the
 * session started (core/conditions.ts). The one definition the backfire flag, alert and risk feature share.
 */
export function backfiringResponse(dialect: Dialect, session: string, response: string): string {
  return (
    `${response}.customer_id = ${session}.customer_id and ${response}.responded_at > ${session}.started_at ` +
    `and ${response}.responded_at <= ${plusSeconds(dialect, `${session}.started_at`, BACKFIRE_SECONDS)} ` +
    `and (${isBackfireScore(response)})`
  );
}
