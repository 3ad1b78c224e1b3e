/**
 * Objects of one shape (the same keys in the same order), as columns, to post to another thread. A
 * structured clone of a batch of records copies every key, string and Date of every record, and the
 * writing thread pays for it again to rebuild them; as columns, times and numbers travel as typed arrays
 * that are moved rather than copied, and a column of few distinct values (a channel, a queue) as those
 * values once and an index per object, so the receiver allocates each such string once per batch.
 * fromColumns gives back objects equal to the originals: the same keys in the same order, the same
 * values (undefined, null, -0 and the time of each Date included).
 */
export interface ObjectColumns {
  keys: string[];
  length: number;
  columns: Column[];
}

type Column =
  | { kind: 'dates' | 'numbers'; values: Float64Array }
  | { kind: 'dictionary'; values: unknown[]; indexes: Uint32Array }
  | { kind: 'values'; values: unknown[] };

/** The columns of `objects`, or undefined when they are not all of one shape (they travel as they are then). */
export function toColumns(objects: readonly object[]): ObjectColumns | undefined {
  const first = objects[0];
  if (!first) return undefined;
  const keys = Object.keys(first);
  const columns = keys.map(() => new Array<unknown>(objects.length));
  for (let row = 0; row < objects.length; row++) {
    const object = objects[row] as Record<string, unknown>;
    let at = 0;
    // The keys checked and the values read in one pass (V8 reads a for-in key's value by its slot).
    for (const key in object) {
      if (key !== keys[at]) return undefined;
      columns[at++]![row] = object[key];
    }
    if (at !== keys.length) return undefined;
  }
  return { keys, length: objects.length, columns: columns.map(toColumn) };
}

function toColumn(values: unknown[]): Column {
  let dates = true;
  let numbers = true;
  let primitives = true;
  for (const value of values) {
    const type = typeof value;
    dates &&= value instanceof Date;
    numbers &&= type === 'number';
    // Numbers are left out: a Map would take -0 for 0.
    primitives &&= type === 'string' || type === 'boolean' || type === 'undefined' || value === null;
  }
  if (dates || numbers) {
    const numeric = new Float64Array(values.length);
    for (let at = 0; at < values.length; at++)
      numeric[at] = dates ? (values[at] as Date).getTime() : (values[at] as number);
    return { kind: dates ? 'dates' : 'numbers', values: numeric };
  }
  if (!primitives) return { kind: 'values', values };
  // A column of mostly distinct values (ids) is smaller, and as quick to rebuild, as it is.
  const most = values.length / 2;
  const distinct = new Map<unknown, number>();
  const indexes = new Uint32Array(values.length);
  for (let at = 0; at < values.length; at++) {
    let index = distinct.get(values[at]);
    if (index === undefined) {
      if (distinct.size >= most) return { kind: 'values', values };
      distinct.set(values[at], (index = distinct.size));
    }
    indexes[at] = index;
  }
  return { kind: 'dictionary', values: [...distinct.keys()], indexes };
}

/** The buffers of the typed arrays in `columns`, to move to the receiving thread rather than copy. */
export function columnBuffers(columns: ObjectColumns): ArrayBuffer[] {
  return columns.columns.flatMap((column) =>
    column.kind === 'values'
      ? []
      : [(column.kind === 'dictionary' ? column.indexes : column.values).buffer as ArrayBuffer],
  );
}

/** The objects `toColumns` took apart. */
export function fromColumns<T extends object>({ keys, length, columns }: ObjectColumns): T[] {
  // Each object starts as a copy of one with every key: one allocation of the final shape.
  const blank = Object.fromEntries(keys.map((key) => [key, undefined])) as Record<string, unknown>;
  const objects = new Array<T>(length);
  for (let row = 0; row < length; row++) {
    const object = { ...blank };
    for (let at = 0; at < keys.length; at++) {
      const column = columns[at]!;
      object[keys[at]!] =
        column.kind === 'dates'
          ? new Date(column.values[row]!)
          : column.kind === 'dictionary'
            ? column.values[column.indexes[row]!]
            : column.values[row];
    }
    objects[row] = object as T;
  }
  return objects;
}
