import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../../src/config.js';

/** loadtest/k6/lib/contact-rows.js: the contacts the k6 ingest scenarios push, as IngestContacts rows. */
export type ContactBatch = (spec: {
  run: string;
  batch: number;
  size: number;
  customers: number;
  now: number;
  random?: () => number;
}) => Record<string, unknown>[];

/** The k6 scenarios' contact generator (plain JavaScript shared with k6 and `pnpm bench`). */
export async function loadContactBatch(): Promise<ContactBatch> {
  const file = pathToFileURL(join(REPO_ROOT, 'loadtest', 'k6', 'lib', 'contact-rows.js'));
  return ((await import(file.href)) as { contactBatch: ContactBatch }).contactBatch;
}

/** A seeded generator (mulberry32) for the batches: a failure repeats, and two databases get the same rows. */
export function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
