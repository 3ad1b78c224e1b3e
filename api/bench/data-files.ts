import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { generateCustomers } from '@cx-pulse/seeds';
import { csvLine, type CsvValue } from '../src/modules/export/csv.js';
import type { RecordKind } from '../src/modules/ingest/record-kind.js';
import { RECORD_SPECS } from '../src/modules/ingest/record-specs.js';
import { SEED_CHUNK_CUSTOMERS, type SeedOptions } from '../src/seed/seed.service.js';

/** The kinds the generator gives per customer, in import order (contacts before the surveys about them). */
export const GENERATED_KINDS = ['customers', 'contacts', 'surveys', 'selfservice'] as const;
export type GeneratedKind = (typeof GENERATED_KINDS)[number];

/** The canonical CSV file of each generated kind, as `cx import <kind> <file>` reads it. */
export type DataFiles = Record<GeneratedKind, { path: string; rows: number }>;

/**
 * Writes the demo generator's rows for `options.customers` customers as canonical CSV files in `dir`
 * (one per kind), a chunk of customers at a time: memory stays flat however many rows are written.
 */
export async function writeDataFiles(dir: string, options: SeedOptions): Promise<DataFiles> {
  const files = {} as DataFiles;
  const streams = {} as Record<GeneratedKind, WriteStream>;
  for (const kind of GENERATED_KINDS) {
    const path = join(dir, `${kind}.csv`);
    files[kind] = { path, rows: 0 };
    streams[kind] = createWriteStream(path);
    streams[kind].write(`${RECORD_SPECS[kind].columnNames.join(',')}\n`);
  }
  const first = options.firstCustomer ?? 0;
  const end = first + options.customers;
  for (let from = first; from < end; from += SEED_CHUNK_CUSTOMERS) {
    const batch = generateCustomers(options, from, Math.min(SEED_CHUNK_CUSTOMERS, end - from));
    const rows: Record<GeneratedKind, Record<string, unknown>[]> = {
      customers: batch.customers,
      contacts: batch.contacts,
      surveys: batch.surveys,
      selfservice: batch.sessions,
    };
    for (const kind of GENERATED_KINDS) {
      const columns = RECORD_SPECS[kind as RecordKind].columnNames;
      const text = rows[kind].map((row) => csvLine(columns.map((c) => row[c] as CsvValue))).join('\n');
      files[kind].rows += rows[kind].length;
      if (text && !streams[kind].write(`${text}\n`)) await once(streams[kind], 'drain');
    }
  }
  for (const kind of GENERATED_KINDS) {
    streams[kind].end();
    await once(streams[kind], 'finish');
  }
  return files;
}
