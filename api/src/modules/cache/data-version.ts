import type { Knex } from '@mikro-orm/knex';
import { toDbValue, type Dialect } from '../../database/dialect.js';
import { FreshReads } from '../../database/fresh-reads.js';

/** The data_version row (the migration inserts it). */
const ROW = { id: 1 };

/**
 * The data version: `version` counts every change; `awaited` is the latest version a writer waits to
 * see (data-version.entity.ts), so an answer computed at `awaited` or later misses only changes applied
 * in the background.
 */
export interface DataVersions {
  version: number;
  awaited: number;
}

/** How a change is seen: at once by every later request, or, for background applies, within a bound. */
export type DataChange = 'awaited' | 'background';

/** The current data version: one primary-key lookup, on the given connection (a request's reader). */
export async function readDataVersion(knex: Knex): Promise<DataVersions> {
  const row = await knex<{ id: number; version: number; awaited_version: number }>('data_version')
    .where(ROW)
    .first('version', 'awaited_version');
  return { version: Number(row?.version ?? 0), awaited: Number(row?.awaited_version ?? 0) };
}

const sharedReads = new FreshReads<Knex, DataVersions>(readDataVersion);

/**
 * The current data version for a request, on its reader connection: concurrent requests share one
 * lookup per connection (fresh-reads.ts), and each still sees every version committed before it asked.
 */
export function currentDataVersion(knex: Knex): Promise<DataVersions> {
  return sharedReads.read(knex);
}

/**
 * Counts a change of the data. Inside the writing transaction when there is one, so the new version
 * commits (and replicates) with the rows it stands for. An awaited change also moves `awaited_version`
 * (both right-hand sides read the row as it was before the update, on both databases).
 */
export async function bumpDataVersion(
  knex: Knex,
  dialect: Dialect,
  change: DataChange = 'awaited',
): Promise<void> {
  await knex('data_version')
    .where(ROW)
    .update({
      version: knex.raw('version + 1'),
      ...(change === 'awaited' && { awaited_version: knex.raw('version + 1') }),
      changed_at: toDbValue(dialect, new Date()) as Date,
    });
}

/**
 * The extension (type-graphql `@Extensions`) of a root mutation field that counts its own changes: it
 * bumps the data version where it writes, and only when it writes, so the mutation plugin leaves it be.
 */
export const OWN_DATA_VERSION_EXTENSION = 'countsOwnDataVersion';
