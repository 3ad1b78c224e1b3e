import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoTimestamp, parseTimestamp } from '../src/modules/ingest/parse-timestamp.js';

const digits = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
const twoDigits = fc.oneof(
  digits(2),
  fc.constantFrom('00', '12', '13', '23', '24', '28', '29', '30', '31', '59', '60', '99'),
);
/** Texts of the form parseTimestamp reads without the regular expression, impossible ones included. */
const utcSeconds = fc
  .tuple(
    fc.oneof(digits(4), fc.constantFrom('0000', '0099', '0100', '1900', '2000', '2024', '2100')),
    twoDigits,
    twoDigits,
  )
  .chain(([year, month, day]) =>
    fc
      .tuple(twoDigits, twoDigits, twoDigits)
      .map(([hour, minute, second]) => `${year}-${month}-${day}T${hour}:${minute}:${second}Z`),
  );

describe('timestamps read without the regular expression', () => {
  it('read as the general way reads them, impossible dates and times included', () => {
    fc.assert(
      fc.property(utcSeconds, (text) => {
        // Twice: the second time the date's midnight comes from the cache.
        for (let time = 0; time < 2; time++)
          expect(parseTimestamp(text)?.getTime()).toBe(parseIsoTimestamp(text)?.getTime());
      }),
      { numRuns: 20_000 },
    );
    expect(parseTimestamp('2024-02-29T23:59:59Z')?.toISOString()).toBe('2024-02-29T23:59:59.000Z');
    expect(parseTimestamp('2025-02-29T00:00:00Z')).toBeUndefined();
  });
});
