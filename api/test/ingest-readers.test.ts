import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../src/modules/ingest/readers/csv-reader.js';
import { readNdjson } from '../src/modules/ingest/readers/ndjson-reader.js';
import { readerFor } from '../src/modules/ingest/readers/read-file.js';
import type { NumberedRow } from '../src/modules/ingest/record-kind.js';
import { RECORD_SPECS } from '../src/modules/ingest/record-specs.js';
import { EXPECTED } from '../src/modules/ingest/row-problem.js';

const SESSIONS = RECORD_SPECS.selfservice;
const HEADER = 'session_id,customer_id,entry,started_at,steps,outcome,escalated_contact_id';

async function read(reader: AsyncIterable<NumberedRow>) {
  const rows: NumberedRow[] = [];
  for await (const row of reader) rows.push(row);
  return rows;
}

/** Feeds the text in small chunks, so records and quotes straddle chunk boundaries. */
function stream(text: string): Readable {
  const bytes = Buffer.from(text);
  const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) =>
    bytes.subarray(i * 7, i * 7 + 7),
  );
  return Readable.from(chunks);
}

const csv = (text: string) => read(readCsv(stream(text), SESSIONS));
const summary = (rows: NumberedRow[]) =>
  rows.map(({ row, values, problems, header }) =>
    problems
      ? { row, header, problems: problems.map((problem) => problem.message) }
      : { row, id: values.session_id },
  );

describe('CSV reader', () => {
  it('numbers each row by its record, with the line it starts on once they differ (BOM, CRLF, blank lines, quoted line breaks)', async () => {
    const text =
      `\ufeff${HEADER}\r\n` +
      'S1,C1,faq,2026-03-01,1,resolved,\r\n' +
      '\r\n' +
      'S2,C1,faq,2026-03-01,,"abandoned\r\non two lines",\r\n' +
      'S3,C1,faq,2026-03-01,,"a ""quoted""\nvalue\nover three",\r\n' +
      'S4,C1,faq,2026-03-01,,resolved,\r\n';
    const rows = await csv(text);
    // Records: header 1, S1 2, the blank line 3, S2 4 (two lines), S3 5 (from line 6, three lines), S4 6 (line 9).
    expect(summary(rows)).toEqual([
      { row: 2, id: 'S1' },
      { row: 4, id: 'S2' },
      { row: 5, id: 'S3' },
      { row: 6, id: 'S4' },
    ]);
    expect(rows.map((entry) => entry.line)).toEqual([undefined, undefined, 6, 9]);
    expect(rows[1]!.values.outcome).toBe('abandoned\r\non two lines');
    expect(rows[2]!.values.outcome).toBe('a "quoted"\nvalue\nover three');
  });

  it('reports unknown header columns once, as row 1, and still reads the known columns', async () => {
    const rows = await csv(
      `${HEADER},mood\nS1,C1,faq,2026-03-01,,resolved,,happy\nS2,C1,faq,2026-03-01,,resolved,,sad\n`,
    );
    expect(summary(rows)).toEqual([
      {
        row: 1,
        header: true,
        problems: [`row 1, column mood: got "mood", expected ${EXPECTED.knownColumn(SESSIONS.columnNames)}`],
      },
      { row: 2, id: 'S1' },
      { row: 3, id: 'S2' },
    ]);
    expect(rows[1]!.values).not.toHaveProperty('mood');
  });

  it('reports missing required and repeated columns once and reads no rows under such a header', async () => {
    const rows = await csv('session_id,entry,entry,started_at,outcome\nS1,faq,faq,2026-03-01,resolved\n');
    expect(summary(rows)).toEqual([
      {
        row: 1,
        header: true,
        problems: [
          `row 1, column entry: got "entry", expected ${EXPECTED.columnOnce}`,
          `row 1, column customer_id: got nothing, expected ${EXPECTED.headerColumn}`,
        ],
      },
    ]);
  });

  it('asks for a header row when the file is empty', async () => {
    const rows = await csv('\ufeff');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.problems!.map((problem) => problem.column)).toEqual([
      'session_id',
      'customer_id',
      'entry',
      'started_at',
      'outcome',
    ]);
  });

  it('turns a row with the wrong number of values into a problem and goes on', async () => {
    const rows = await csv(
      `${HEADER}\nS1,C1,faq\nS2,C1,faq,2026-03-01,,resolved,,extra\nS3,C1,faq,2026-03-01,,resolved,\n`,
    );
    expect(summary(rows)).toEqual([
      {
        row: 2,
        header: undefined,
        problems: [`row 2: got "S1,C1,faq", expected ${EXPECTED.valuesPerLine(7)}`],
      },
      {
        row: 3,
        header: undefined,
        problems: [
          `row 3: got "S2,C1,faq,2026-03-01,,resolved,,extra", expected ${EXPECTED.valuesPerLine(7)}`,
        ],
      },
      { row: 4, id: 'S3' },
    ]);
  });

  it('stops at a quote left open, reporting the line its record starts on', async () => {
    const rows = await csv(
      `${HEADER}\nS1,C1,faq,2026-03-01,,resolved,\n\nS2,"C1,faq,2026-03-01,,resolved,\nS3,C1,faq,2026-03-01,,resolved,\n`,
    );
    expect(summary(rows)).toEqual([
      { row: 2, id: 'S1' },
      {
        row: 4,
        header: undefined,
        problems: [
          `row 4, column customer_id: got nothing, expected ${EXPECTED.csvSyntax.CSV_QUOTE_NOT_CLOSED}`,
        ],
      },
    ]);
  });

  it('stops at text after a closing quote', async () => {
    const rows = await csv(
      `${HEADER}\nS1,"C1"x,faq,2026-03-01,,resolved,\nS2,C1,faq,2026-03-01,,resolved,\n`,
    );
    expect(summary(rows)).toEqual([
      {
        row: 2,
        header: undefined,
        problems: [
          `row 2, column customer_id: got "x", expected ${EXPECTED.csvSyntax.CSV_INVALID_CLOSING_QUOTE}`,
        ],
      },
    ]);
  });
});

describe('NDJSON reader', () => {
  it('numbers rows by line and reports lines that are not objects of single values', async () => {
    const text = [
      '\ufeff{"session_id":"S1","steps":3,"outcome":"resolved"}',
      '',
      '[1,2]',
      '{"session_id":"S2",',
      '"S3"',
      '{"session_id":"S4","steps":{"n":3}}',
      '{"session_id":"S5","steps":null}',
    ].join('\r\n');
    const rows = await read(readNdjson(stream(text)));
    expect(summary(rows)).toEqual([
      { row: 1, id: 'S1' },
      { row: 3, header: undefined, problems: [`row 3: got "[1,2]", expected ${EXPECTED.jsonObject}`] },
      {
        row: 4,
        header: undefined,
        problems: [`row 4: got "{\\"session_id\\":\\"S2\\",", expected ${EXPECTED.jsonObject}`],
      },
      { row: 5, header: undefined, problems: [`row 5: got "\\"S3\\"", expected ${EXPECTED.jsonObject}`] },
      {
        row: 6,
        header: undefined,
        problems: [`row 6, column steps: got "{\\"n\\":3}", expected ${EXPECTED.scalar}`],
      },
      { row: 7, id: 'S5' },
    ]);
    expect(rows[0]!.values).toEqual({ session_id: 'S1', steps: 3, outcome: 'resolved' });
  });
});

describe('file formats', () => {
  it('are told apart by extension', () => {
    expect(readerFor('/data/contacts.CSV')).toBe(readCsv);
    expect(readerFor('contacts.ndjson')).toBe(readNdjson);
    expect(readerFor('contacts.jsonl')).toBe(readNdjson);
    expect(readerFor('contacts.xlsx')).toBeUndefined();
  });
});

describe('files that are not UTF-8', () => {
  // "René" as Latin-1: é is the single byte 0xE9, which UTF-8 never uses on its own.
  const latin1 = (text: string, chunkBytes = Infinity) => {
    const bytes = Buffer.from(text, 'latin1');
    const size = Math.min(chunkBytes, bytes.length);
    return Readable.from(
      Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) =>
        bytes.subarray(i * size, (i + 1) * size),
      ),
    );
  };
  const got = 'K2,C1,faq,2026-03-01,1,resolved,Ren\uFFFD';

  it.each([Infinity, 7])(
    'end a CSV with one problem on the line of the first invalid byte (chunks of %s bytes)',
    async (chunkBytes) => {
      const lines = [
        HEADER,
        'K1,C1,faq,2026-03-01,1,resolved,',
        'K2,C1,faq,2026-03-01,1,resolved,René',
        'K3,C1,faq,2026-03-01,1,resolved,',
      ];
      const rows = await read(readCsv(latin1(`${lines.join('\n')}\n`, chunkBytes), SESSIONS));
      expect(rows.map(({ row, problems }) => [row, problems?.map(({ message }) => message)])).toEqual([
        [2, undefined],
        [
          3,
          [
            `row 3: got ${JSON.stringify(got)}, expected text encoded as UTF-8 (export or save the file as UTF-8)`,
          ],
        ],
      ]);
    },
  );

  it('end NDJSON the same way', async () => {
    const rows = await read(readNdjson(latin1('{"session_id":"K1"}\n{"session_id":"K2","entry":"René"}\n')));
    expect(rows.map(({ row, problems }) => [row, problems?.[0]?.expected])).toEqual([
      [1, undefined],
      [2, EXPECTED.utf8],
    ]);
  });

  it('pass valid multi-byte characters split across chunks', async () => {
    const bytes = Buffer.from(`${HEADER}\nK1,C1,faq,2026-03-01,1,resolved,Zoë 🙂\n`);
    const chunks = Array.from(bytes, (_, i) => bytes.subarray(i, i + 1));
    const rows = await read(readCsv(Readable.from(chunks), SESSIONS));
    expect(rows).toEqual([{ row: 2, values: expect.objectContaining({ escalated_contact_id: 'Zoë 🙂' }) }]);
  });
});
