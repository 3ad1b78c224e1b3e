import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnBuffers, fromColumns, toColumns } from '../src/modules/ingest/readers/object-columns.js';

/** Columns as a validated record or a customer reference has them: times, numbers, a few values, anything. */
const column = fc.constantFrom(
  fc.date({ noInvalidDate: false }),
  fc.oneof(fc.constantFrom(0, -0, 7, Number.NaN), fc.double()),
  fc.constantFrom('phone', 'chat', '', true, false, null, undefined),
  fc.constantFrom(0, -0, 'phone', null),
  fc.oneof(
    fc.constantFrom('phone', 'C1', true, null, undefined, -0, Number.NaN),
    fc.string({ maxLength: 4 }),
    fc.double(),
    fc.date(),
  ),
);

/** What the receiving thread gets: a structured clone, the typed arrays moved. */
const posted = <T extends object>(objects: T[]) => {
  const columns = toColumns(objects);
  return columns && fromColumns<T>(structuredClone(columns, { transfer: columnBuffers(columns) }));
};

describe('objects posted as columns', () => {
  it('come back equal: the same keys in the same order, the same values', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom('a', 'b', 'customer_id', 'started_at', 'x'), { minLength: 1 }),
        fc.nat({ max: 40 }),
        fc
          .array(column, { minLength: 5, maxLength: 5 })
          .chain((columns) => fc.tuple(...columns.map((values) => fc.infiniteStream(values)))),
        (keys, length, columns) => {
          const objects = Array.from({ length }, () =>
            Object.fromEntries(keys.map((key, at) => [key, columns[at]!.next().value])),
          );
          const received = posted(objects);
          if (length === 0) return received === undefined;
          expect(received).toStrictEqual(objects);
          received!.forEach((object, at) => expect(Object.keys(object)).toEqual(Object.keys(objects[at]!)));
          // -0 stays -0, and a Date keeps its time (toStrictEqual tells neither).
          const same = (a: unknown, b: unknown) =>
            a instanceof Date && b instanceof Date ? Object.is(a.getTime(), b.getTime()) : Object.is(a, b);
          received!.forEach((object, at) =>
            keys.forEach((key) => expect(same(object[key], objects[at]![key])).toBe(true)),
          );
          return true;
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('are left as they are when their keys differ', () => {
    expect(
      toColumns([
        { a: 1, b: 2 },
        { b: 2, a: 1 },
      ]),
    ).toBeUndefined();
    expect(toColumns([{ a: 1 }, { a: 1, b: 2 }])).toBeUndefined();
    expect(toColumns([{ a: 1, b: 2 }, { a: 1 }])).toBeUndefined();
  });
});
