import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FreshReads } from '../src/database/fresh-reads.js';
import { bumpDataVersion, readDataVersion } from '../src/modules/cache/data-version.js';
import { createMigratedDatabase, DIALECTS, type MigratedDatabase } from './support/databases.js';

/** A promise and the function that resolves it. */
function gate(): { opened: Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe.each(DIALECTS)('fresh reads of the data version on %s', (dialect) => {
  let database: MigratedDatabase;
  const knex = () => database.orm.em.getKnex();
  /** The counter of every change (readDataVersion's `version`). */
  const versionNow = async () => (await readDataVersion(knex())).version;

  beforeAll(async () => {
    database = await createMigratedDatabase(dialect);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('shares lookups among concurrent callers: one running and one waiting, however many ask', async () => {
    let lookups = 0;
    const reads = new FreshReads(async () => {
      lookups++;
      return versionNow();
    });
    const versions = await Promise.all(Array.from({ length: 20 }, () => reads.read('version')));
    expect(new Set(versions)).toEqual(new Set([await versionNow()]));
    // The first caller's lookup, and the one the 19 callers who came while it ran share.
    expect(lookups).toBe(2);
    expect(reads.pending).toBe(0);
  });

  it('never answers a caller from a lookup begun before it asked', async () => {
    const held = gate();
    let lookups = 0;
    const reads = new FreshReads(async () => {
      const version = await versionNow();
      // The first lookup has read its version but not answered yet when the import below commits.
      if (++lookups === 1) await held.opened;
      return version;
    });
    const before = await versionNow();
    const early = reads.read('version');
    while (lookups === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    await bumpDataVersion(knex(), dialect);
    const late = reads.read('version');
    held.open();
    expect([await early, await late]).toEqual([before, before + 1]);
  });

  it('reuses an answer for a bounded time when asked to, then looks up again', async () => {
    let lookups = 0;
    const reuseForMs = 200;
    const reads = new FreshReads(async () => {
      lookups++;
      return versionNow();
    }, reuseForMs);
    const before = await reads.read('version');
    await bumpDataVersion(knex(), dialect);
    // Within the bound the kept answer may be older than the latest commit; past it, never.
    expect([await reads.read('version'), lookups]).toEqual([before, 1]);
    await new Promise((resolve) => setTimeout(resolve, reuseForMs + 10));
    expect([await reads.read('version'), lookups]).toEqual([before + 1, 2]);
    reads.forget();
    expect([await reads.read('version'), lookups]).toEqual([before + 1, 3]);
  });
});
