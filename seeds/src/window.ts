export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const YEAR_MS = 365.25 * DAY_MS;

/** Longest history the generator produces, in months. */
export const MAX_MONTHS = 120;
/**
 * Earliest and latest end of a history: customers are drawn from every generation, down to Gen Z
 * adults, so the window must lie well after 1946 (and a sane calendar keeps it before 2100).
 */
export const UNTIL_YEARS = { min: 2000, max: 2099 } as const;
/** Seeds are unsigned 32-bit integers: they key the PRNG streams. */
export const MAX_SEED = 2 ** 32 - 1;

/**
 * What a generated history depends on, besides the customer index: the same options give the same
 * rows, whatever machine, database or chunking.
 */
export interface GeneratorOptions {
  seed: number;
  /** Length of the history in calendar months. */
  months: number;
  /** End of the history (exclusive): activity happens before 00:00 UTC of this day. */
  until: Date;
}

/** The simulated period [start, end) in epoch milliseconds. */
export interface Window {
  start: number;
  end: number;
}

export function windowOf({ months, until }: GeneratorOptions): Window {
  const year = until.getUTCFullYear();
  const month = until.getUTCMonth();
  const day = until.getUTCDate();
  const end = Date.UTC(year, month, day);
  // Same day of month `months` earlier, clamped to that month's length (31 March − 1 month = 28/29 Feb).
  const lastDayOfStartMonth = new Date(Date.UTC(year, month - months + 1, 0)).getUTCDate();
  const start = Date.UTC(year, month - months, Math.min(day, lastDayOfStartMonth));
  return { start, end };
}

/** Throws a RangeError naming the first invalid option. */
export function assertGeneratorOptions({ seed, months, until }: GeneratorOptions): void {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new RangeError(`seed: expected a whole number 0-${MAX_SEED}, got ${seed}`);
  }
  if (!Number.isInteger(months) || months < 1 || months > MAX_MONTHS) {
    throw new RangeError(`months: expected a whole number 1-${MAX_MONTHS}, got ${months}`);
  }
  const year = until instanceof Date ? until.getUTCFullYear() : NaN;
  if (!(year >= UNTIL_YEARS.min && year <= UNTIL_YEARS.max)) {
    throw new RangeError(
      `until: expected a date in the years ${UNTIL_YEARS.min}-${UNTIL_YEARS.max}, got ${String(until)}`,
    );
  }
}
