import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fromDbTime,
  selectRows,
  timeBucket,
  timeBucketAmong,
  timestampParameter,
  toDbValue,
} from '../src/database/dialect.js';
import { bucketStart, bucketStartsIn, nextBucket, TimeGrain } from '../src/modules/metrics/time-grain.js';
import { createMigratedDatabase, DIALECTS, type MigratedDatabase } from './support/databases.js';

/*
 * Fact measures are bucketed by the database (dialect.ts) and churn periods by TypeScript (time-grain.ts);
 * both must put every instant in the same UTC bucket, on both databases.
 */

const GRAINS = Object.values(TimeGrain);

/** Instants from 1971 to 2100 to the millisecond, with extra weight on the edges of days. */
const instants = fc.oneof(
  fc.date({
    min: new Date('1971-01-01T00:00:00Z'),
    max: new Date('2100-12-31T23:59:59.999Z'),
    noInvalidDate: true,
  }),
  fc
    .date({
      min: new Date('1971-01-01T00:00:00Z'),
      max: new Date('2100-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .chain((day) =>
      fc
        .constantFrom(0, 1, -1)
        .map((offset) => new Date(Math.floor(day.getTime() / 86_400_000) * 86_400_000 + offset)),
    ),
);

describe('time buckets in TypeScript', () => {
  it.each([
    [TimeGrain.DAY, '2026-03-01T23:59:59.999Z', '2026-03-01T00:00:00.000Z'],
    [TimeGrain.WEEK, '2026-03-01T23:59:59.999Z', '2026-02-23T00:00:00.000Z'],
    [TimeGrain.WEEK, '2026-03-02T00:00:00.000Z', '2026-03-02T00:00:00.000Z'],
    [TimeGrain.WEEK, '2027-01-01T12:00:00.000Z', '2026-12-28T00:00:00.000Z'],
    [TimeGrain.MONTH, '2028-02-29T12:00:00.000Z', '2028-02-01T00:00:00.000Z'],
    [TimeGrain.QUARTER, '2026-06-30T23:59:59.999Z', '2026-04-01T00:00:00.000Z'],
    [TimeGrain.YEAR, '2026-12-31T23:59:59.999Z', '2026-01-01T00:00:00.000Z'],
  ])('puts a %s bucket around %s at %s', (grain, instant, start) => {
    expect(bucketStart(new Date(instant), grain).toISOString()).toBe(start);
  });

  it('makes buckets that hold their instant and follow each other without gaps', () => {
    fc.assert(
      fc.property(instants, fc.constantFrom(...GRAINS), (instant, grain) => {
        const start = bucketStart(instant, grain);
        const next = nextBucket(start, grain);
        expect(start.getTime()).toBeLessThanOrEqual(instant.getTime());
        expect(next.getTime()).toBeGreaterThan(instant.getTime());
        expect(bucketStart(next, grain)).toEqual(next);
      }),
    );
  });
});

describe.each(DIALECTS)('time buckets in SQL on %s', (dialect) => {
  let database: MigratedDatabase;
  beforeAll(async () => {
    database = await createMigratedDatabase(dialect);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it.each(GRAINS)('agree with TypeScript for %s', async (grain) => {
    const knex = database.orm.em.getKnex();
    const sample = fc.sample(instants, { numRuns: 300, seed: 42 });
    const values = sample.map(() => `select ${timestampParameter(dialect)} as t`).join(' union all ');
    const rows = await selectRows(
      dialect,
      knex.raw(
        `select t, ${timeBucket(dialect, 't', grain)} as bucket from (${values}) instants`,
        sample.map((instant) => toDbValue(dialect, instant) as number | Date),
      ),
    );
    expect(rows).toHaveLength(sample.length);
    for (const row of rows) {
      expect(fromDbTime(row.bucket).toISOString()).toBe(bucketStart(fromDbTime(row.t), grain).toISOString());
    }
  });

  it.each(GRAINS)('agree with TypeScript for %s among a window’s buckets', async (grain) => {
    const knex = database.orm.em.getKnex();
    // Windows of whole days from 1 to 900 days, and instants inside each.
    const windows = fc.sample(
      fc.tuple(instants, fc.integer({ min: 1, max: 900 })).chain(([start, days]) => {
        const from = new Date(Math.floor(start.getTime() / 86_400_000) * 86_400_000);
        const to = new Date(from.getTime() + days * 86_400_000);
        return fc.tuple(
          fc.constant({ from, to }),
          fc.array(fc.date({ min: from, max: new Date(to.getTime() - 1), noInvalidDate: true }), {
            minLength: 1,
            maxLength: 10,
          }),
        );
      }),
      { numRuns: 40, seed: 7 },
    );
    for (const [window, inside] of windows) {
      const starts = bucketStartsIn(window, grain);
      const values = inside.map(() => `select ${timestampParameter(dialect)} as t`).join(' union all ');
      const rows = await selectRows(
        dialect,
        knex.raw(
          `select t, ${timeBucketAmong(dialect, 't', grain, starts)} as bucket from (${values}) instants`,
          inside.map((instant) => toDbValue(dialect, instant) as number | Date),
        ),
      );
      for (const row of rows) {
        expect(fromDbTime(row.bucket).toISOString()).toBe(
          bucketStart(fromDbTime(row.t), grain).toISOString(),
        );
      }
    }
  });
});
