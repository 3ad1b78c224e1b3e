import { DatabaseSchema, SchemaComparator } from '@mikro-orm/knex';
import type { Orm } from '../../src/database/orm.js';

/**
 * Differences between the migrated database and the entities, one line each. MikroORM 6 cannot read
 * enum items back from SQLite CHECK constraints, so for those columns the constraint text is checked
 * against the entity's items directly instead of being reported as drift; and as SQLite keeps no
 * constraint names, its foreign keys are matched by their columns. SQLite's statistics tables (written by
 * ANALYZE after a rollup build) are not the project's, and their untyped columns would stop MikroORM's reader.
 */
const SQLITE_STATISTICS_TABLES = ['sqlite_stat1', 'sqlite_stat4'];

export async function schemaDrift(orm: Orm): Promise<string[]> {
  const platform = orm.em.getPlatform();
  const connection = orm.em.getConnection();
  const entities = Object.values(orm.getMetadata().getAll()).filter((meta) => !meta.abstract);
  const expected = DatabaseSchema.fromMetadata(entities, platform, orm.config);
  const actual = await DatabaseSchema.create(
    connection,
    platform,
    orm.config,
    undefined,
    undefined,
    undefined,
    SQLITE_STATISTICS_TABLES,
  );
  const diff = new SchemaComparator(platform).compare(actual, expected);
  const drift = [
    ...Object.keys(diff.newTables).map((table) => `missing table ${table}`),
    ...Object.keys(diff.removedTables).map((table) => `unexpected table ${table}`),
  ];
  const isSqlite = platform.constructor.name.includes('Sqlite');
  for (const [table, change] of Object.entries(diff.changedTables)) {
    const ddl = isSqlite
      ? String((await connection.execute(`select sql from sqlite_master where name = ?`, [table]))[0]?.sql)
      : '';
    for (const [column, columnDiff] of Object.entries(change.changedColumns)) {
      const properties = [...columnDiff.changedProperties];
      const items = columnDiff.column.enumItems ?? [];
      const enumCheck = `check (\`${column}\` in (${items.map((item) => `'${item}'`).join(', ')}))`;
      if (isSqlite && properties.join() === 'enumItems' && ddl.includes(enumCheck)) continue;
      drift.push(`${table}.${column}: ${properties.join(', ')}`);
    }
    const counted = [
      'addedColumns',
      'removedColumns',
      'addedIndexes',
      'removedIndexes',
      'changedIndexes',
    ] as const;
    for (const kind of counted) {
      for (const name of Object.keys(change[kind] ?? {})) drift.push(`${table} ${kind}: ${name}`);
    }
    const expectedKeys = Object.values(expected.getTable(table)?.getForeignKeys() ?? {}).map((fk) =>
      fk.columnNames.join(),
    );
    for (const [name, fk] of Object.entries(change.removedForeignKeys ?? {})) {
      if (isSqlite && expectedKeys.includes(fk.columnNames.join())) continue;
      drift.push(`${table} removedForeignKeys: ${name}`);
    }
    for (const name of Object.keys(change.addedForeignKeys ?? {}))
      drift.push(`${table} addedForeignKeys: ${name}`);
    for (const name of Object.keys(change.changedForeignKeys ?? {}))
      drift.push(`${table} changedForeignKeys: ${name}`);
  }
  return drift;
}
