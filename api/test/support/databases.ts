import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseConfig } from '../../src/config.js';
import { initOrm, type Orm } from '../../src/app/orm.js';
import { createScratchPostgres } from './postgres.js';

/** PostgreSQL runs when CX_TEST_POSTGRES_URL names a server; `.ci/run` always sets it. */
export const POSTGRES_ADMIN_URL = process.env.CX_TEST_POSTGRES_URL || undefined;

export type Dialect = DatabaseConfig['dialect'];
export const DIALECTS: Dialect[] = POSTGRES_ADMIN_URL ? ['sqlite', 'postgresql'] : ['sqlite'];

export interface TestDatabase {
  config: DatabaseConfig;
  drop(): Promise<void>;
}

/** A fresh, empty database of the given dialect, not yet migrated. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'cx-test-'));
    const path = join(dir, 'cx.sqlite');
    return {
      config: { dialect, path, url: `sqlite:${path}` },
      drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  }
  if (!POSTGRES_ADMIN_URL) throw new Error('CX_TEST_POSTGRES_URL is not set');
  const scratch = await createScratchPostgres(POSTGRES_ADMIN_URL);
  return { config: { dialect, url: scratch.url }, drop: () => scratch.drop() };
}

export interface MigratedDatabase extends TestDatabase {
  orm: Orm;
}

/** A fresh database with every migration applied; `drop()` closes the ORM and removes the database. */
export async function createMigratedDatabase(dialect: Dialect): Promise<MigratedDatabase> {
  const database = await createTestDatabase(dialect);
  const orm = await initOrm(database.config);
  return {
    ...database,
    orm,
    drop: async () => {
      await orm.close(true);
      await database.drop();
    },
  };
}
