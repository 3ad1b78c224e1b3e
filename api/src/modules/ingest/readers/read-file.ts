import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import type { Readable } from 'node:stream';
import type { NumberedRow } from '../record-kind.js';
import type { RecordSpec } from '../record-specs.js';
import { readCsv } from './csv-reader.js';
import { readNdjson } from './ndjson-reader.js';

type Reader = (input: Readable, spec: RecordSpec) => AsyncIterable<NumberedRow>;

/** Import files are told apart by their extension. */
export const READERS: Record<string, Reader> = {
  '.csv': readCsv,
  '.ndjson': readNdjson,
  '.jsonl': readNdjson,
};

export function readerFor(path: string): Reader | undefined {
  return READERS[extname(path).toLowerCase()];
}

export interface RecordFile {
  rows: AsyncIterable<NumberedRow>;
  /** Bytes read from the file so far, for progress. */
  bytesRead(): number;
}

/**
 * Streams a file's rows; memory stays flat whatever the file size. Chunks stay at the default 64 KiB:
 * the parser emits all records of a chunk at once, and with larger chunks so many are alive at each
 * garbage collection that importing gets about 20% slower.
 */
export function openRecordFile(path: string, spec: RecordSpec, reader: Reader): RecordFile {
  const stream = createReadStream(path);
  return { rows: reader(stream, spec), bytesRead: () => stream.bytesRead };
}
