import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { CsvError, parse } from 'csv-parse';

/** Longer records are malformed (usually a quote left open); stop before buffering the rest of the file. */
export const MAX_RECORD_CHARACTERS = 1_000_000;

/**
 * Longest record the tokenizer reads itself, in UTF-16 units: whatever csv-parse counts (bytes of the
 * field being read, characters of those before), a record this long is far from MAX_RECORD_CHARACTERS,
 * so the tokenizer never has to tell where that limit falls.
 */
const MAX_TOKENIZED_RECORD = 100_000;

/** csv-parse's first syntax error; `atEnd` when no record follows it. */
export interface CsvSyntaxError {
  error: CsvError;
  atEnd: boolean;
}

/** The options the import formats are read with: comma-separated, quoted with ", lines ending in LF or CRLF. */
function csvParser(bom: boolean) {
  return parse({
    bom,
    record_delimiter: ['\r\n', '\n'],
    relax_column_count: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_CHARACTERS,
  });
}

/**
 * The records csv-parse reads from `input`, each as it reads it, then its first syntax error, if any.
 * Empty lines are records of one empty value. After the first syntax error nothing is read: it ends
 * the records, as nothing after it can be trusted (csv-parse skips only the record it was in).
 */
export async function* parsedRecords(input: Readable, bom = true): AsyncGenerator<string[] | CsvSyntaxError> {
  const errors: { error: CsvError; records: number }[] = [];
  const parser = csvParser(bom);
  parser.on('skip', (error: unknown) => {
    if (error instanceof CsvError) errors.push({ error, records: parser.info.records });
  });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  let records = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    const first = errors[0];
    if (first && first.records <= records) {
      yield { error: first.error, atEnd: false };
      return;
    }
    records++;
    yield record;
  }
  if (errors[0]) yield { error: errors[0].error, atEnd: true };
}

/**
 * The records of a CSV file's bytes (UTF-8), exactly as parsedRecords gives them, read several times
 * faster: the tokenizer below reads well-formed records itself, and hands the rest of the text to
 * csv-parse from the start of the first record it cannot read (a quote out of place, a quote still open
 * at the end, a record of MAX_TOKENIZED_RECORD or more), so that every error and everything after it
 * is csv-parse's own. A property test holds the two to the same records and errors.
 */
export async function* csvRecords(
  chunks: AsyncIterable<Buffer>,
): AsyncGenerator<string[][] | CsvSyntaxError> {
  const decoder = new StringDecoder('utf8');
  const tokenizer = new CsvTokenizer();
  const iterator = chunks[Symbol.asyncIterator]();
  for (;;) {
    const next = await iterator.next();
    const records: string[][] = [];
    const rest = next.done
      ? tokenizer.end(decoder.end(), records)
      : tokenizer.push(decoder.write(next.value), records);
    if (records.length) yield records;
    if (rest !== undefined) {
      const remaining = Readable.from(restOf(rest, next.done ? undefined : iterator, decoder), {
        objectMode: false,
      });
      // Records one at a time from here on: after a syntax error csv-parse has nothing fast to give.
      for await (const parsed of parsedRecords(remaining, false))
        yield Array.isArray(parsed) ? [parsed] : parsed;
      return;
    }
    if (next.done) return;
  }
}

async function* restOf(
  rest: string,
  iterator: AsyncIterator<Buffer> | undefined,
  decoder: StringDecoder,
): AsyncGenerator<string> {
  yield rest;
  if (!iterator) return;
  for (let next = await iterator.next(); !next.done; next = await iterator.next())
    yield decoder.write(next.value);
  yield decoder.end();
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const BOM = 0xfeff;

/** quotedRecord's answers besides the end of the record it read. */
const NEED_MORE = -1;
const GIVE_UP = -2;

/**
 * Splits CSV text into records as csv-parse does with csvParser's options, for well-formed records.
 * A line without a quote is split at its commas (a CR before its LF is the CRLF line end); a record with
 * quotes is read value by value. Text after the last whole record waits for the next chunk.
 */
class CsvTokenizer {
  private carry = '';
  private started = false;

  /**
   * Appends the records that end in `text` to `records`; returns the text from the start of the first
   * record it cannot read on (the tokenizer is done then), else undefined.
   */
  push(text: string, records: string[][]): string | undefined {
    let data = this.carry ? this.carry + text : text;
    if (!this.started && data.length) {
      this.started = true;
      if (data.charCodeAt(0) === BOM) data = data.slice(1);
    }
    const end = data.length;
    let at = 0;
    let quote = data.indexOf('"');
    while (at < end) {
      const lineEnd = data.indexOf('\n', at);
      if (lineEnd === -1) break;
      if (quote === -1 || quote > lineEnd) {
        if (lineEnd - at >= MAX_TOKENIZED_RECORD) return data.slice(at);
        const valuesEnd = lineEnd > at && data.charCodeAt(lineEnd - 1) === CR ? lineEnd - 1 : lineEnd;
        records.push(data.slice(at, valuesEnd).split(','));
        at = lineEnd + 1;
        continue;
      }
      const next = quotedRecord(data, at, records);
      if (next === GIVE_UP) return data.slice(at);
      if (next === NEED_MORE) break;
      at = next;
      if (quote < at) quote = data.indexOf('"', at);
    }
    this.carry = at < end ? data.slice(at) : '';
    return this.carry.length >= MAX_TOKENIZED_RECORD ? this.carry : undefined;
  }

  /** At the end of the text: a last record without a line end is left to csv-parse, whose rules end it. */
  end(text: string, records: string[][]): string | undefined {
    const rest = this.push(text, records);
    return rest ?? (this.carry || undefined);
  }
}

/**
 * Reads the record from `start`, which has a quote before its line end, and appends it to `records`;
 * returns where the next record starts, NEED_MORE when the text ends first, GIVE_UP at anything
 * csv-parse reports as an error (a quote inside an unquoted value, anything but a comma or line end
 * after a closing quote) or at a record of MAX_TOKENIZED_RECORD or more.
 */
function quotedRecord(data: string, start: number, records: string[][]): number {
  const end = data.length;
  const values: string[] = [];
  let at = start;
  for (;;) {
    if (at - start >= MAX_TOKENIZED_RECORD) return GIVE_UP;
    if (data.charCodeAt(at) === QUOTE) {
      // A quoted value: "" is a quote; the closing quote is followed by a comma or the line end.
      let value = '';
      let from = at + 1;
      for (;;) {
        const close = data.indexOf('"', from);
        if (close === -1 || close + 1 >= end) return NEED_MORE;
        const after = data.charCodeAt(close + 1);
        if (after === QUOTE) {
          value += data.slice(from, close + 1);
          from = close + 2;
          continue;
        }
        value += data.slice(from, close);
        values.push(value);
        if (after === COMMA) {
          at = close + 2;
          break;
        }
        if (after === LF) return endRecord(records, values, close + 2, start);
        if (after !== CR) return GIVE_UP;
        if (close + 2 >= end) return NEED_MORE;
        if (data.charCodeAt(close + 2) !== LF) return GIVE_UP;
        return endRecord(records, values, close + 3, start);
      }
      continue;
    }
    let stop = at;
    let code = 0;
    for (; stop < end; stop++) {
      code = data.charCodeAt(stop);
      if (code === COMMA || code === LF) break;
      if (code === QUOTE) return GIVE_UP;
    }
    if (stop === end) return NEED_MORE;
    if (code === COMMA) {
      values.push(data.slice(at, stop));
      at = stop + 1;
      continue;
    }
    values.push(data.slice(at, stop > at && data.charCodeAt(stop - 1) === CR ? stop - 1 : stop));
    return endRecord(records, values, stop + 1, start);
  }
}

function endRecord(records: string[][], values: string[], next: number, start: number): number {
  if (next - start >= MAX_TOKENIZED_RECORD) return GIVE_UP;
  records.push(values);
  return next;
}
