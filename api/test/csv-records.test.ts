import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRecords, parsedRecords, type CsvSyntaxError } from '../src/modules/ingest/readers/csv-records.js';

/**
 * What a reader of records gets: the records in order, then the first syntax error. The error is
 * compared by what the CSV reader uses of it (code, column, and the message, whose line number is not
 * used: the reader counts lines itself, and csv-parse counts them from where it took over).
 */
async function outcome(read: AsyncIterable<string[][] | string[] | CsvSyntaxError>) {
  const records: string[][] = [];
  let error: { code: string; column: unknown; message: string; atEnd: boolean } | undefined;
  for await (const item of read) {
    if (!Array.isArray(item)) {
      const { code, column, message } = item.error;
      error = { code, column, message: message.replace(/at line \d+/g, 'at line N'), atEnd: item.atEnd };
    } else if (item.length && Array.isArray(item[0])) records.push(...(item as string[][]));
    else records.push(item as string[]);
  }
  return { records, error };
}

/** The reference: csv-parse over the whole text at once. */
const byCsvParse = (bytes: Buffer) => outcome(parsedRecords(Readable.from([bytes])));
const byTokenizer = (chunks: Buffer[]) => outcome(csvRecords(Readable.from(chunks)));

function splitAt(bytes: Buffer, cuts: number[]): Buffer[] {
  const at = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const cut of [...at, bytes.length]) {
    if (cut > from) chunks.push(bytes.subarray(from, cut));
    from = Math.max(from, cut);
  }
  return chunks;
}

const CHARACTERS = ['a', 'b', ' ', 'é', '🙂', ',', '"', '\r', '\n', '\uFEFF'];
const plainValue = fc.string({
  unit: fc.constantFrom('a', 'b', ' ', 'é', '🙂', '\r', '\uFEFF'),
  maxLength: 6,
});
const quotedValue = fc
  .string({ unit: fc.constantFrom(...CHARACTERS, '""', '\r\n'), maxLength: 8 })
  .map((text) => `"${text.replace(/"(?!")/g, '""')}"`);
const record = fc.array(
  fc.oneof({ weight: 3, arbitrary: plainValue }, { weight: 1, arbitrary: quotedValue }),
  {
    minLength: 1,
    maxLength: 5,
  },
);
/** Mostly well-formed CSV (so that the tokenizer reads far into it), now and then with stray characters. */
const csvText = fc
  .record({
    bom: fc.boolean(),
    lines: fc.array(fc.tuple(record, fc.constantFrom('\n', '\r\n')), { maxLength: 12 }),
    lastLineEnd: fc.boolean(),
    strays: fc.array(fc.tuple(fc.nat(), fc.constantFrom(...CHARACTERS, '"\r', '\r\r\n')), { maxLength: 2 }),
  })
  .map(({ bom, lines, lastLineEnd, strays }) => {
    let text = lines.map(([values, end]) => `${values.join(',')}${end}`).join('');
    if (!lastLineEnd) text = text.replace(/\r?\n$/, '');
    for (const [at, stray] of strays) {
      const position = at % (text.length + 1);
      text = text.slice(0, position) + stray + text.slice(position);
    }
    return (bom ? '\uFEFF' : '') + text;
  });
const anyText = fc.string({ unit: fc.constantFrom(...CHARACTERS), maxLength: 40 });

describe('CSV records: the tokenizer against csv-parse', () => {
  it('gives the same records and the same first error for any text, however it is cut into chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ weight: 3, arbitrary: csvText }, { weight: 1, arbitrary: anyText }),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (text, cuts) => {
          // Cut anywhere, mid-character too: a reader's chunks may end anywhere.
          const bytes = Buffer.from(text);
          expect(await byTokenizer(splitAt(bytes, cuts))).toEqual(await byCsvParse(bytes));
        },
      ),
      { numRuns: 3_000 },
    );
  });

  it.each([
    ['a record of 150,000 characters', `a,b\n"${'x\n'.repeat(75_000)}",c\nd,e\n`, undefined],
    ['an unquoted one', `a,b\n${'x'.repeat(150_000)},c\nd,e\n`, undefined],
    [
      'a quote left open over 1,000,000 characters',
      `a,b\n"${'xy,\n'.repeat(300_000)}\nd,e\n`,
      'CSV_MAX_RECORD_SIZE',
    ],
    ['a record over 1,000,000 characters', `a,b\n${'abcd,'.repeat(250_001)}\nd,e\n`, 'CSV_MAX_RECORD_SIZE'],
  ])('leaves the long records to csv-parse: %s', async (_name, text, code) => {
    const bytes = Buffer.from(text);
    const reference = await byCsvParse(bytes);
    expect(await byTokenizer(splitAt(bytes, [1_000, 65_536, 70_000, 500_000]))).toEqual(reference);
    expect(reference.records[0]).toEqual(['a', 'b']);
    expect(reference.error?.code).toBe(code);
  });
});
