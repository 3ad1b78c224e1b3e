import { createReadStream } from 'node:fs';
import type { RecordKind } from '../record-kind.js';
import { RECORD_SPECS } from '../record-specs.js';
import { openRecordFile, readerFor, type RecordFile } from '../readers/read-file.js';
import { readMappedCsv, type ColumnMapping } from './column-mapping.js';
import { readQualtrics } from './qualtrics.js';
import type { SourceRows } from './source-rows.js';
import type { VendorSettings } from './vendor-settings.js';
import { readZendesk } from './zendesk.js';

/** What a file to import holds: a canonical format, a vendor's export, or any CSV with a column mapping. */
export type SourceFormat =
  | { format: 'canonical' }
  | { format: 'qualtrics'; settings?: VendorSettings }
  | { format: 'zendesk'; settings?: VendorSettings; usersPath?: string }
  | { format: 'mapping'; mapping: ColumnMapping };

export const VENDOR_FORMATS = ['qualtrics', 'zendesk'] as const;

/** The kinds each vendor format imports into, and the file extension it comes with. */
export const VENDOR_FORMAT_FILES: Record<
  (typeof VENDOR_FORMATS)[number],
  { kinds: RecordKind[]; extension: string }
> = {
  qualtrics: { kinds: ['surveys'], extension: '.csv' },
  // Tickets as contacts; their satisfaction ratings as CSAT survey responses.
  zendesk: { kinds: ['contacts', 'surveys'], extension: '.json' },
};

export type SourceFile = RecordFile & Pick<SourceRows, 'labels'>;

/** Streams a file's rows in canonical columns, with the file's names for them. */
export function openSourceFile(path: string, kind: RecordKind, source: SourceFormat): SourceFile {
  if (source.format === 'canonical') {
    return { ...openRecordFile(path, RECORD_SPECS[kind], readerFor(path)!), labels: {} };
  }
  if (source.format === 'zendesk') {
    const files = { path, ...(source.usersPath && { usersPath: source.usersPath }) };
    return { ...readZendesk(files, kind, source.settings?.zendesk), bytesRead: () => 0 };
  }
  const stream = createReadStream(path);
  const rows =
    source.format === 'qualtrics'
      ? readQualtrics(stream, source.settings?.qualtrics)
      : readMappedCsv(stream, source.mapping, RECORD_SPECS[kind]);
  return { ...rows, bytesRead: () => stream.bytesRead };
}
