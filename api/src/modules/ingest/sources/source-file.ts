import { createReadStream } from 'node:fs';
import type { RecordKind } from '../record-kind.js';
import { RECORD_SPECS } from '../record-specs.js';
import { openRecordFile, readerFor, type RecordFile } from '../readers/read-file.js';
import { readMappedCsv, type ColumnMapping } from './column-mapping.js';
import { readQualtrics } from './qualtrics.js';
import type { SourceRows } from './source-rows.js';
import { readZendesk } from './zendesk.js';

/** What a file to import holds: a canonical format, a vendor's export, or any CSV with a column mapping. */
export type SourceFormat =
  | { format: 'canonical' }
  | { format: 'qualtrics' }
  | { format: 'zendesk' }
  | { format: 'mapping'; mapping: ColumnMapping };

export const VENDOR_FORMATS = ['qualtrics', 'zendesk'] as const;

/** The kind each vendor format imports into, and the file extension it comes with. */
export const VENDOR_FORMAT_FILES: Record<
  (typeof VENDOR_FORMATS)[number],
  { kind: RecordKind; extension: string }
> = {
  qualtrics: { kind: 'surveys', extension: '.csv' },
  zendesk: { kind: 'contacts', extension: '.json' },
};

export type SourceFile = RecordFile & Pick<SourceRows, 'labels'>;

/** Streams a file's rows in canonical columns, with the file's names for them. */
export function openSourceFile(path: string, kind: RecordKind, source: SourceFormat): SourceFile {
  if (source.format === 'canonical') {
    return { ...openRecordFile(path, RECORD_SPECS[kind], readerFor(path)!), labels: {} };
  }
  if (source.format === 'zendesk') return { ...readZendesk(path), bytesRead: () => 0 };
  const stream = createReadStream(path);
  const rows = source.format === 'qualtrics' ? readQualtrics(stream) : readMappedCsv(stream, source.mapping);
  return { ...rows, bytesRead: () => stream.bytesRead };
}
