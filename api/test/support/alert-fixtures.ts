import type { Knex } from '@mikro-orm/knex';
import { fromDbTime } from '../../src/database/dialect.js';
import type { AlertRulesConfig } from '../../src/modules/alerts/alert-rules.config.js';
import { AlertRuleEvaluator } from '../../src/modules/alerts/alert-rules.follow-up.js';
import { IngestService } from '../../src/modules/ingest/ingest.service.js';
import type { RawRow, RecordKind } from '../../src/modules/ingest/record-kind.js';
import type { MigratedDatabase } from './databases.js';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** An instant `days` (may be fractional or negative) after `start`, as an ISO string for an import row. */
export function daysAfter(start: Date, days: number): string {
  return new Date(start.getTime() + days * DAY_MS).toISOString();
}

/**
 * Imports rows of one kind with only the fact alert rules of `rules` as follow-up (no risk refresh), so
 * that a test sees exactly what those rules raise; fails on any problem.
 */
export async function importWithRules(
  database: MigratedDatabase,
  kind: RecordKind,
  rows: RawRow[],
  rules: AlertRulesConfig,
) {
  const service = new IngestService(database.orm.em.fork(), [
    (written) => new AlertRuleEvaluator(written, rules).raiseFactAlerts(),
  ]);
  const summary = await service.importRows(
    kind,
    rows.map((values, index) => ({ row: index + 2, values })),
  );
  if (summary.problemCount) throw new Error(JSON.stringify(summary.problems));
  return summary;
}

export interface StoredAlert {
  rule: string;
  triggerKey: string;
  value: number;
  tier: string;
  status: string;
  triggeredAt: string;
  openedAt: Date;
  dueAt: Date;
}

/** The alerts of one customer (by customer_id), in the order raised. */
export async function alertsOf(knex: Knex, customerId: string): Promise<StoredAlert[]> {
  const rows: Record<string, unknown>[] = await knex('alerts as a')
    .join('customers as c', 'c.id', 'a.customer_id')
    .where('c.external_id', customerId)
    .orderBy('a.id')
    .select(
      'a.rule',
      'a.trigger_key',
      'a.value',
      'a.tier',
      'a.status',
      'a.triggered_at',
      'a.opened_at',
      'a.due_at',
    );
  return rows.map((row) => ({
    rule: row.rule as string,
    triggerKey: row.trigger_key as string,
    value: Number(row.value),
    tier: row.tier as string,
    status: row.status as string,
    triggeredAt: fromDbTime(row.triggered_at).toISOString(),
    openedAt: fromDbTime(row.opened_at),
    dueAt: fromDbTime(row.due_at),
  }));
}
