/*
 * The risk-jump rule reads customer_risk, which the risk module (issue 4, part A) creates: this file
 * passes once that module is merged, and fails before (no such table).
 */
import type { Knex } from '@mikro-orm/knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDbValue } from '../src/database/dialect.js';
import { raiseRiskAlerts } from '../src/modules/alerts/alert-rules.follow-up.js';
import { Tier } from '../src/modules/customers/tier.js';
import { alertsOf, HOUR_MS } from './support/alert-fixtures.js';
import { createMigratedDatabase, DIALECTS, type MigratedDatabase } from './support/databases.js';
import { makeCustomer } from './support/factories.js';

describe.each(DIALECTS)('risk-jump alert rule on %s', (dialect) => {
  let database: MigratedDatabase;
  let knex: Knex;

  beforeAll(async () => {
    database = await createMigratedDatabase(dialect);
    knex = database.orm.em.getConnection().getKnex();
  });
  afterAll(async () => {
    await database?.drop();
  });

  /**
   * Stores one risk refresh at `writtenAt` as the risk follow-up would (scores with their previous
   * value; `refreshed: false` rows keep an older scored_at), then runs the rule as the import would.
   */
  async function refresh(
    writtenAt: Date,
    scores: { customerId: number; score: number; previous: number | null; refreshed?: boolean }[],
  ): Promise<void> {
    const em = database.orm.em.fork();
    // The callback form rolls back when the rule fails, so a failure does not hold the database.
    await knex.transaction(async (trx) => {
      for (const { customerId, score, previous, refreshed = true } of scores) {
        const scoredAt = refreshed ? writtenAt : new Date(writtenAt.getTime() - HOUR_MS);
        await trx('customer_risk')
          .insert({
            customer_id: customerId,
            score,
            previous_score: previous,
            drivers: '[]',
            scored_at: toDbValue(dialect, scoredAt),
            model_version: 'test',
          })
          .onConflict('customer_id')
          .merge();
      }
      await raiseRiskAlerts({
        kind: 'surveys',
        em,
        dialect,
        trx,
        writtenAt,
        rowsWritten: scores.length,
        change: 'awaited',
      });
    });
  }

  it('fires when a refresh takes a score from below 70 or none to 70 or more, once per refresh', async () => {
    const em = database.orm.em.fork();
    const [crossed, fromNone, stayedHigh, stayedLow, older, vip] = [
      makeCustomer(em),
      makeCustomer(em),
      makeCustomer(em),
      makeCustomer(em),
      makeCustomer(em),
      makeCustomer(em, { tier: Tier.VIP }),
    ];
    await em.flush();
    const first = new Date('2026-06-01T10:00:00Z');
    await refresh(first, [
      { customerId: crossed.id, score: 70, previous: 69 },
      { customerId: fromNone.id, score: 85, previous: null },
      { customerId: stayedHigh.id, score: 90, previous: 70 },
      { customerId: stayedLow.id, score: 69, previous: 50 },
      { customerId: older.id, score: 80, previous: 10, refreshed: false },
      { customerId: vip.id, score: 71, previous: 3 },
    ]);
    // The same refresh run again raises nothing new; a later one that crosses again raises a second alert.
    await refresh(first, [{ customerId: crossed.id, score: 70, previous: 69 }]);
    const second = new Date('2026-06-08T10:00:00Z');
    await refresh(second, [{ customerId: crossed.id, score: 75, previous: 40 }]);

    expect(await alertsOf(knex, crossed.externalId)).toMatchObject([
      {
        rule: 'risk_jump',
        triggerKey: `${crossed.externalId}@${first.toISOString()}`,
        value: 70,
        tier: 'standard',
      },
      { rule: 'risk_jump', triggerKey: `${crossed.externalId}@${second.toISOString()}`, value: 75 },
    ]);
    expect(await alertsOf(knex, fromNone.externalId)).toMatchObject([
      { rule: 'risk_jump', value: 85, triggeredAt: first.toISOString() },
    ]);
    for (const quiet of [stayedHigh, stayedLow, older])
      expect(await alertsOf(knex, quiet.externalId)).toEqual([]);
    const [vipAlert] = await alertsOf(knex, vip.externalId);
    expect(vipAlert).toMatchObject({ rule: 'risk_jump', value: 71, tier: 'vip' });
    expect((vipAlert!.dueAt.getTime() - vipAlert!.openedAt.getTime()) / HOUR_MS).toBe(24);
  });
});
