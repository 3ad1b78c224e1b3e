import { registerEnumType } from 'type-graphql';
import { DAY_MS } from '../../core/time.js';

import { TimeGrain } from '../../core/time-grain.js';

export { TimeGrain };

registerEnumType(TimeGrain, {
  name: 'TimeGrain',
  description: 'Length of the time buckets a measure is split into. Buckets are UTC calendar periods.',
  valuesConfig: {
    DAY: { description: 'Calendar day, from 00:00 UTC.' },
    WEEK: { description: 'ISO week, from Monday 00:00 UTC.' },
    MONTH: { description: 'Calendar month, from the 1st 00:00 UTC.' },
    QUARTER: { description: 'Calendar quarter, from January, April, July or October 1st 00:00 UTC.' },
    YEAR: { description: 'Calendar year, from January 1st 00:00 UTC.' },
  },
});

/** Start of the UTC bucket holding `instant` (the database computes the same in SQL: see dialect.ts). */
export function bucketStart(instant: Date, grain: TimeGrain): Date {
  const year = instant.getUTCFullYear();
  const month = instant.getUTCMonth();
  switch (grain) {
    case TimeGrain.DAY:
      return new Date(Math.floor(instant.getTime() / DAY_MS) * DAY_MS);
    case TimeGrain.WEEK: {
      const day = Math.floor(instant.getTime() / DAY_MS);
      // Day 0 (1970-01-01) was a Thursday; shifting by 3 makes weeks start on Monday.
      return new Date((Math.floor((day + 3) / 7) * 7 - 3) * DAY_MS);
    }
    case TimeGrain.MONTH:
      return new Date(Date.UTC(year, month, 1));
    case TimeGrain.QUARTER:
      return new Date(Date.UTC(year, month - (month % 3), 1));
    case TimeGrain.YEAR:
      return new Date(Date.UTC(year, 0, 1));
  }
}

/** Start of the bucket after the one starting at `start`. */
export function nextBucket(start: Date, grain: TimeGrain): Date {
  const year = start.getUTCFullYear();
  const month = start.getUTCMonth();
  switch (grain) {
    case TimeGrain.DAY:
      return new Date(start.getTime() + DAY_MS);
    case TimeGrain.WEEK:
      return new Date(start.getTime() + 7 * DAY_MS);
    case TimeGrain.MONTH:
      return new Date(Date.UTC(year, month + 1, 1));
    case TimeGrain.QUARTER:
      return new Date(Date.UTC(year, month + 3, 1));
    case TimeGrain.YEAR:
      return new Date(Date.UTC(year + 1, 0, 1));
  }
}
