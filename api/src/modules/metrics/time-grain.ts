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

/** Most buckets a statement names one by one (timeBucketAmong); a longer window is bucketed per row. */
const MOST_LISTED_BUCKETS = 40;

/**
 * The starts of the buckets of `grain` that the window [from, to) touches, in order; empty for an open
 * window or one of more than MOST_LISTED_BUCKETS buckets.
 */
export function bucketStartsIn(window: { from?: Date | null; to?: Date | null }, grain: TimeGrain): Date[] {
  if (!window.from || !window.to) return [];
  const starts: Date[] = [];
  for (let start = bucketStart(window.from, grain); start < window.to; start = nextBucket(start, grain)) {
    if (starts.length === MOST_LISTED_BUCKETS) return [];
    starts.push(start);
  }
  return starts;
}

/** Longest window, in days, whose default trend is daily; then weekly up to six months. */
const DAILY_UP_TO_DAYS = 31;
const WEEKLY_UP_TO_DAYS = 184;

/**
 * The trend grain that follows a window's length, as the dashboard's trends choose it: daily up to 31 days,
 * weekly up to six months (184 days), monthly beyond or when the window has no start. `to` defaults to `now`.
 */
export function defaultTrendGrain(
  { from, to }: { from?: Date | null; to?: Date | null },
  now: Date = new Date(),
): TimeGrain {
  if (!from) return TimeGrain.MONTH;
  const days = ((to ?? now).getTime() - from.getTime()) / DAY_MS;
  return days <= DAILY_UP_TO_DAYS
    ? TimeGrain.DAY
    : days <= WEEKLY_UP_TO_DAYS
      ? TimeGrain.WEEK
      : TimeGrain.MONTH;
}

/**
 * The bucket of `grain` starting at `start`, cut to the window: its first and last instant (end exclusive) and
 * whether the window covers only part of it. A window without an end runs to `now`: the bucket holding now is
 * partial too (its end stays the bucket's).
 */
export function clippedBucket(
  start: Date,
  grain: TimeGrain,
  { from, to }: { from?: Date | null; to?: Date | null },
  now: Date = new Date(),
): { start: Date; end: Date; partial: boolean } {
  const end = nextBucket(start, grain);
  const startsEarly = !!from && start < from;
  const endsLate = end > (to ?? now);
  return {
    start: startsEarly ? from : start,
    end: to && end > to ? to : end,
    partial: startsEarly || endsLate,
  };
}
