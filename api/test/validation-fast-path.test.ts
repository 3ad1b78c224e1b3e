import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Channel } from '../src/modules/contacts/channel.js';
import { Tier } from '../src/modules/customers/tier.js';
import { REJECTED, type CellRow } from '../src/modules/ingest/cells.js';
import { RECORD_KINDS } from '../src/modules/ingest/record-kind.js';
import { RECORD_SPECS } from '../src/modules/ingest/record-specs.js';
import { SelfServiceEntry, SelfServiceOutcome } from '../src/modules/selfservice/entry.js';
import { SurveyType } from '../src/modules/surveys/survey-type.js';

/**
 * Cells near every column's edges, offered to every column (a year where an id goes, too): what one
 * column accepts, another rejects.
 */
const EDGES = [
  ...[Channel, Tier, SurveyType, SelfServiceEntry, SelfServiceOutcome].flatMap((values) =>
    Object.values(values),
  ),
  ...['C1', ' C1', 'C1 ', 'a'.repeat(255), 'a'.repeat(256), 'x\0y', 'PHONE', 'bogus'],
  ...['true', 'false', 'TRUE', '1', 'yes'],
  ...['0', '-0', '+7', '007', '-1', '5', '9', '10', '11', '-100', '100', '2147483647', '2147483648'],
  ...['1e3', '12.50', '.5', '5.', '1e400', '-0.01', 'NaN', 'Infinity', '0x10', ' 5', '1_000'],
  ...['1899', '1900', '1980', String(new Date().getUTCFullYear()), String(new Date().getUTCFullYear() + 1)],
  ...['2026-03-01', '2026-02-30', '2026-03-01T09:30:00Z', '2026-03-01T09:30:00+03:00', '2026-03-01 09:30'],
  ...['2026-03-01T24:00', '2026-03-01T09:30:00+15:00', '2026-03-01T09:30:00,123456-0530', '2026-3-1'],
  ...['2020-01-01', '2030-01-01', 'phone; chat', 'phone;chat;phone', 'phone;;chat', 'fax'],
];

const cellText = fc.oneof(fc.constantFrom(...EDGES), fc.string({ maxLength: 12 }));

describe('the validation fast path (RecordSpec.read)', () => {
  // zod stays the one source of problems: the fast path must accept exactly the rows zod accepts, with
  // the same record (values, Dates and key order alike), and pass every other row on to zod.
  for (const kind of RECORD_KINDS) {
    it(`accepts exactly what the zod schema accepts, with the same record: ${kind}`, () => {
      const spec = RECORD_SPECS[kind];
      // Mostly edges the column takes, so that many whole rows pass (and the row rules get to run).
      const column = (name: string) => {
        const taken = EDGES.filter((text) => spec.columns[name]!.read(text) !== REJECTED);
        const text = fc.oneof(
          { weight: 15, arbitrary: fc.constantFrom(...taken) },
          { weight: 1, arbitrary: cellText },
        );
        return fc.option(text, { nil: null, freq: 8 });
      };
      const cells: fc.Arbitrary<CellRow> = fc.record(
        Object.fromEntries(spec.columnNames.map((name) => [name, column(name)])),
      );
      const outcomes = { accepted: 0, rejected: 0 };
      fc.assert(
        fc.property(cells, (row) => {
          const parsed = spec.schema.safeParse({ ...row });
          const read = spec.read({ ...row });
          outcomes[parsed.success ? 'accepted' : 'rejected']++;
          if (!parsed.success) return read === undefined;
          expect(read).toStrictEqual(parsed.data);
          expect(Object.keys(read!)).toEqual(Object.keys(parsed.data));
          return true;
        }),
        { numRuns: 3_000 },
      );
      expect(outcomes.accepted).toBeGreaterThan(100);
      expect(outcomes.rejected).toBeGreaterThan(100);
    });
  }

  it('passes a row that breaks a row rule on to zod', () => {
    const spec = RECORD_SPECS.contacts;
    const row = Object.fromEntries(spec.columnNames.map((name) => [name, null])) as CellRow;
    Object.assign(row, {
      contact_id: 'K1',
      customer_id: 'C1',
      channel: 'phone',
      started_at: '2026-03-01T09:30:00Z',
      resolved: 'true',
      first_contact_resolution: 'true',
    });
    expect(spec.read(row)).toStrictEqual(spec.schema.parse(row));
    expect(spec.read({ ...row, resolved: 'false' })).toBeUndefined();
    expect(spec.schema.safeParse({ ...row, resolved: 'false' }).success).toBe(false);
  });
});
