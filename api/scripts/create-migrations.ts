/**
 * Generates the next migration for both dialects from the difference between the entities and a
 * database migrated to the latest existing migration. Run from the api package: `pnpm migration:create`.
 * Needs PostgreSQL: CX_MIGRATION_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 *
 * Review the SQLite file before committing: MikroORM 6 cannot read enum CHECK constraints back from
 * SQLite, so its diff also rebuilds every table with an enum column (`…__temp_alter`). Delete those
 * statements: they change nothing, and a rebuild of customers inside the migration's transaction
 * (where `pragma foreign_keys = off` has no effect) would cascade-delete the facts. The migration
 * tests check both that the schema matches the entities and that data survives the upgrade.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseConfig } from '../src/config.js';
import { initOrm } from '../src/app/orm.js';
import { migrateSchema } from '../src/database/orm.js';
import { createScratchPostgres } from '../test/support/postgres.js';

const migrationsRoot = fileURLToPath(new URL('../src/database/migrations/', import.meta.url));

async function createFor(database: DatabaseConfig): Promise<void> {
  // Migrated only: the rollups that initOrm builds may need the tables this migration creates.
  const orm = await initOrm(database, { migrate: false });
  await migrateSchema(orm);
  try {
    const folder = join(migrationsRoot, database.dialect);
    const result = await orm.getMigrator().createMigration(folder, false, false);
    if (!result.fileName) {
      console.log(`${database.dialect}: no changes`);
      return;
    }
    registerInIndex(folder, result.fileName.replace(/\.ts$/, ''));
    console.log(`${database.dialect}: created ${result.fileName}`);
  } finally {
    await orm.close();
  }
}

function registerInIndex(folder: string, name: string): void {
  const indexPath = join(folder, 'index.ts');
  const names = readdirSync(folder)
    .filter((file) => file.startsWith('Migration') && file.endsWith('.ts'))
    .map((file) => file.replace(/\.ts$/, ''))
    .sort();
  if (!names.includes(name)) names.push(name);
  const exportName = readFileSync(indexPath, 'utf8').match(/export const (\w+)/)?.[1];
  const lines = [
    "import type { MigrationObject } from '@mikro-orm/core';",
    ...names.map((n) => `import { ${n} } from './${n}.js';`),
    '',
    `export const ${exportName}: MigrationObject[] = [`,
    ...names.map((n) => `  { name: '${n}', class: ${n} },`),
    '];',
    '',
  ];
  writeFileSync(indexPath, lines.join('\n'));
}

const sqlitePath = join(mkdtempSync(join(tmpdir(), 'cx-migrations-')), 'scratch.sqlite');
await createFor({ dialect: 'sqlite', path: sqlitePath, url: `sqlite:${sqlitePath}` });
const postgres = await createScratchPostgres(
  process.env.CX_MIGRATION_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
);
try {
  await createFor({ dialect: 'postgresql', url: postgres.url });
} finally {
  await postgres.drop();
}
