import type { Knex } from '@mikro-orm/knex';
import { inList, listParameter, plusSeconds, type Dialect } from '../../../database/dialect.js';
import type { RecordKind } from '../../ingest/record-kind.js';
import {
  isResolvedSession,
  isEscalatedSession,
  REPEAT_CONTACT_SECONDS,
  TRUE_DEFLECTION_SECONDS,
} from '../../../core/conditions.js';
import { backfiringResponse } from '../../selfservice/backfire.js';
import { windowBounds, type ContactWindow } from './contact-window.js';

/**
 * A boolean stored on a fact row that depends on the same customer's other facts (docs/concepts.md's repeat
 * contact, true deflection, backfire). Stored so that the measures built on them aggregate like any
 * column and roll up; imports recompute them for the customers they touch.
 */
interface SequenceFlag {
  table: string;
  column: string;
  /** The definition, over the row aliased `f`. */
  condition: (dialect: Dialect) => string;
  /** Imports of these kinds can change it. */
  changedBy: readonly RecordKind[];
  /**
   * A contacts import changes it only on facts started within its contact window (contact-window.ts): it
   * looks at the customer's contacts a bounded time after the fact, within the window's lookback.
   */
  windowed?: boolean;
}

export const SEQUENCE_FLAGS: readonly SequenceFlag[] = [
  {
    table: 'contacts',
    column: 'repeated',
    condition: (dialect) =>
      `exists (select 1 from contacts n where n.customer_id = f.customer_id and n.started_at > f.started_at ` +
      `and n.started_at <= ${plusSeconds(dialect, 'f.started_at', REPEAT_CONTACT_SECONDS)})`,
    changedBy: ['contacts'],
    windowed: true,
  },
  {
    table: 'self_service_sessions',
    column: 'truly_deflected',
    condition: (dialect) =>
      `(${isResolvedSession('f')} and not exists (select 1 from contacts k where k.customer_id = f.customer_id ` +
      `and k.started_at > f.started_at ` +
      `and k.started_at <= ${plusSeconds(dialect, 'f.started_at', TRUE_DEFLECTION_SECONDS)}))`,
    changedBy: ['contacts', 'selfservice'],
    windowed: true,
  },
  {
    table: 'self_service_sessions',
    column: 'escalation_resolved',
    condition: () =>
      `(${isEscalatedSession('f')} and exists (select 1 from contacts k where k.customer_id = f.customer_id ` +
      `and (k.external_id = f.escalated_contact_id or k.self_service_session_id = f.external_id) ` +
      `and k.resolved = true))`,
    changedBy: ['contacts', 'selfservice'],
  },
  {
    table: 'self_service_sessions',
    column: 'backfired',
    condition: (dialect) =>
      `(${isEscalatedSession('f')} and exists (select 1 from survey_responses r where ${backfiringResponse(dialect, 'f', 'r')}))`,
    changedBy: ['surveys', 'selfservice'],
  },
];

/**
 * Recomputes the flags an import of `kind` can change, for the facts of `customers` (all when null); the
 * windowed ones within a contacts import's `window` when given. Only rows whose flag differs are written:
 * a bulk load rewrites the few new rows that are flagged, not all of them.
 */
export async function recomputeSequenceFlags(
  trx: Knex.Transaction | Knex,
  dialect: Dialect,
  kind: RecordKind | null,
  customers: readonly number[] | null,
  window?: ContactWindow,
): Promise<void> {
  if (customers?.length === 0) return;
  for (const flag of SEQUENCE_FLAGS) {
    if (kind && !flag.changedBy.includes(kind)) continue;
    const scope = customers ? inList(dialect, 'f.customer_id', 'integer') : '1 = 1';
    const within = windowBounds(dialect, 'f.started_at', flag.windowed ? window : undefined);
    await trx.raw(
      `update ${flag.table} as f set ${flag.column} = not f.${flag.column} ` +
        `where ${scope}${within.sql} and f.${flag.column} <> ${flag.condition(dialect)}`,
      [...(customers ? [listParameter(dialect, customers)] : []), ...within.bindings],
    );
  }
}
