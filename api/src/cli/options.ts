import { CliError } from './cli-error.js';

/**
 * Reads a whole-number option given as text (undefined: the fallback). An invalid value stops the
 * command with one line naming the option and the range it takes.
 */
export function wholeNumber(
  option: string,
  value: string | undefined,
  fallback: number,
  min: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < min || parsed > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `${min}-${max}`;
    throw new CliError(`${option} expects a whole number ${range}, got "${value}"`);
  }
  return parsed;
}

/**
 * Reads a date option given as YYYY-MM-DD, as midnight UTC of that day, within the given years. A date
 * that does not exist (2025-02-30) or lies outside them stops the command with one line naming the option.
 */
export function utcDay(option: string, value: string, years: { min: number; max: number }): Date {
  const date = new Date(`${value}T00:00:00Z`);
  // Round-tripping rejects dates that do not exist, such as 2025-02-30.
  const exists =
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(date.getTime()) &&
    date.toISOString().slice(0, 10) === value;
  const year = date.getUTCFullYear();
  if (!exists || year < years.min || year > years.max) {
    throw new CliError(
      `${option} expects a date as YYYY-MM-DD in the years ${years.min}-${years.max}, got "${value}"`,
    );
  }
  return date;
}
