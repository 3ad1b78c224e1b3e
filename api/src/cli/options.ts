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
