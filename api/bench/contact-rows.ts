import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../src/config.js';

/** loadtest/k6/lib/contact-rows.js: the contacts the k6 ingest scenarios push, as IngestContacts rows. */
export type ContactBatch = (spec: {
  run: string;
  batch: number;
  size: number;
  customers: number;
  now: number;
  random?: () => number;
}) => Record<string, unknown>[];

/** The k6 scenarios' contact generator (plain JavaScript shared with k6, the benchmark and the tests). */
export async function loadContactBatch(): Promise<ContactBatch> {
  const file = pathToFileURL(join(REPO_ROOT, 'loadtest', 'k6', 'lib', 'contact-rows.js'));
  return ((await import(file.href)) as { contactBatch: ContactBatch }).contactBatch;
}
