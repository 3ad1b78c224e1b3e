import type { Knex } from '@mikro-orm/knex';
import { toDbValue, type Dialect } from '../../database/dialect.js';
import { FreshReads } from '../../database/fresh-reads.js';

/** The data_version row (the migration inserts it). */
const ROW = { id: 1 };

/** The current data version: one primary-key lookup, on the given connection (a request's reader). */
export async function readDataVersion(knex: Knex): Promise<number> {
  const row = await knex<{ id: number; version: number }>('data_version').where(ROW).first('version');
  return Number(row?.version ?? 0);
}

const sharedReads = new FreshReads<Knex, number>(readDataVersion);

/**
 * The current data version for a request, on its reader connection: concurrent requests share one
 * lookup per connection (fresh-reads.ts), and each still sees every version committed before it asked.
 */
export function currentDataVersion(knex: Knex): Promise<number> {
  return sharedReads.read(knex);
}

/**
 * Counts a change of the data. Inside the writing transaction when there is one, so the new version
 * commits (and replicates) with the rows it stands for.
 */
export async function bumpDataVersion(knex: Knex, dialect: Dialect, now = new Date()): Promise<void> {
  await knex('data_version')
    .where(ROW)
    .update({ version: knex.raw('version + 1'), changed_at: toDbValue(dialect, now) as Date });
}

/**
 * The extension (type-graphql `@Extensions`) of a root mutation field that counts its own changes: it
 * bumps the data version where it writes, and only when it writes, so the mutation plugin leaves it be.
 */
export const OWN_DATA_VERSION_EXTENSION = 'countsOwnDataVersion';
