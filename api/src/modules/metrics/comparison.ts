import { registerEnumType } from 'type-graphql';
import { DAY_MS } from '../../core/time.js';

export enum Comparison {
  PREVIOUS_PERIOD = 'previous_period',
  PREVIOUS_YEAR = 'previous_year',
}

registerEnumType(Comparison, {
  name: 'Comparison',
  description: 'Which window the current one is compared with.',
  valuesConfig: {
    PREVIOUS_PERIOD: { description: 'The window of the same length that ends where the current one starts.' },
    PREVIOUS_YEAR: {
      description:
        'The same dates one calendar year earlier (a window starting on February 29 starts on March 1).',
    },
  },
});

/** A half-open time window [from, to). */
export interface TimeWindowValue {
  from: Date;
  to: Date;
}

/** The window headline views show when the client gives none: the last 30 days, today included. */
export const DEFAULT_WINDOW_DAYS = 30;

/**
 * The window of a headline view: the filter's bounds, a missing one filled in so that the window is the
 * last DEFAULT_WINDOW_DAYS days up to the end of today (UTC), or DEFAULT_WINDOW_DAYS long.
 */
export function resolveWindow(
  from: Date | null | undefined,
  to: Date | null | undefined,
  now: Date,
): TimeWindowValue {
  const endOfToday = new Date((Math.floor(now.getTime() / DAY_MS) + 1) * DAY_MS);
  const end = to ?? (from ? new Date(Math.max(endOfToday.getTime(), from.getTime())) : endOfToday);
  return { from: from ?? new Date(end.getTime() - DEFAULT_WINDOW_DAYS * DAY_MS), to: end };
}

export function comparisonWindow(window: TimeWindowValue, comparison: Comparison): TimeWindowValue {
  if (comparison === Comparison.PREVIOUS_PERIOD) {
    const length = window.to.getTime() - window.from.getTime();
    return { from: new Date(window.from.getTime() - length), to: window.from };
  }
  return { from: yearEarlier(window.from), to: yearEarlier(window.to) };
}

function yearEarlier(instant: Date): Date {
  const earlier = new Date(instant);
  earlier.setUTCFullYear(instant.getUTCFullYear() - 1);
  return earlier;
}
