import { isUtf8 } from 'node:buffer';
import { Transform } from 'node:stream';
import type { NumberedRow } from '../record-kind.js';
import { EXPECTED, rowProblem } from '../row-problem.js';

/** Where the input stops being UTF-8: `line` holds the first invalid byte, `text` that line as best decoded. */
export interface EncodingError {
  line: number;
  text: string;
}

const NEWLINE = 0x0a;

/** A byte stream checked to be UTF-8; after invalid bytes it ends early and `encodingError` says where. */
export interface Utf8Stream extends Transform {
  encodingError?: EncodingError;
}

/** Longest run without a line break held back; beyond it bytes are passed on mid-line. */
const MAX_HELD_BYTES = 4 * 1024 * 1024;

/**
 * Passes bytes through unchanged after checking that they are UTF-8. Node's own decoding would turn
 * undecodable bytes into U+FFFD, so a Latin-1 or UTF-16 export would import garbled names silently.
 * Bytes are passed on by whole lines, so that at the first invalid byte every line before it has been
 * read and none after: the stream then ends and records an EncodingError for the reader to report.
 */
export function strictUtf8(): Utf8Stream {
  /** Number of the line `held` starts on. */
  let line = 1;
  /** Bytes after the last line break passed on. */
  let held: Buffer = Buffer.alloc(0);
  const stream: Utf8Stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (stream.encodingError) return done();
      const data = held.length ? Buffer.concat([held, chunk]) : chunk;
      const end = data.length > MAX_HELD_BYTES ? characterBoundary(data) : data.lastIndexOf(NEWLINE) + 1;
      const lines = data.subarray(0, end);
      if (!isUtf8(lines)) {
        const { error, validBytes } = locateInvalidByte(line, lines);
        stream.encodingError = error;
        this.push(lines.subarray(0, validBytes));
        this.push(null);
        return done();
      }
      for (let at = lines.indexOf(NEWLINE); at !== -1; at = lines.indexOf(NEWLINE, at + 1)) line++;
      held = data.subarray(end);
      done(null, lines);
    },
    flush(done) {
      if (stream.encodingError || isUtf8(held)) return done(null, stream.encodingError ? undefined : held);
      stream.encodingError = locateInvalidByte(line, held).error;
      done();
    },
  });
  return stream;
}

/** The end of the last whole character of `data`: UTF-8 continuation bytes look like 10xxxxxx. */
function characterBoundary(data: Buffer): number {
  let end = data.length;
  while (end > data.length - 4 && end > 0 && (data[end - 1]! & 0xc0) === 0x80) end--;
  return end > 0 && data[end - 1]! >= 0xc0 ? end - 1 : data.length;
}

/**
 * The problem a reader reports for an EncodingError, at record `row` (its line when not given); nothing
 * after it can be read reliably.
 */
export function encodingProblem({ line, text }: EncodingError, row = line): NumberedRow {
  const at = { row, line };
  return { ...at, values: {}, problems: [{ ...rowProblem(at, '', text, EXPECTED.utf8), header: true }] };
}

/**
 * Finds the line of the first invalid byte of `chunk` (where lenient decoding puts U+FFFD) and how many
 * bytes precede that line: those were valid and are passed on.
 */
function locateInvalidByte(firstLine: number, chunk: Buffer): { error: EncodingError; validBytes: number } {
  const lenient = new TextDecoder('utf-8').decode(chunk);
  const invalid = Math.max(lenient.indexOf('\uFFFD'), 0);
  const lineStart = lenient.lastIndexOf('\n', invalid) + 1;
  const lineEnd = lenient.indexOf('\n', invalid);
  const line = firstLine + lenient.slice(0, lineStart).split('\n').length - 1;
  const text = lenient.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).replace(/\r$/, '');
  return { error: { line, text }, validBytes: Buffer.byteLength(lenient.slice(0, lineStart)) };
}
