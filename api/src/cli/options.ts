import { InvalidArgumentError } from 'commander';

/** A commander option parser for whole numbers ≥ 1 whose error names the option. */
export function positiveInteger(option: string): (value: string) => number {
  return (value) => {
    if (!/^\d+$/.test(value) || Number(value) < 1) {
      throw new InvalidArgumentError(`${option} expects a whole number of at least 1, got "${value}"`);
    }
    return Number(value);
  };
}
