import { afterEach, describe, expect, it } from 'vitest';
import { initOrm } from '../src/database/orm.js';
import { schemaDrift } from './support/schema-drift.js';
import {
  createMigratedDatabase,
  createTestDatabase,
  DIALECTS,
  type TestDatabase,
} from './support/databases.js';

describe.each(DIALECTS)('migrations on %s', (dialect) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  it('leave the schema exactly as the entities describe it', async () => {
    const migrated = await createMigratedDatabase(dialect);
    database = migrated;
    expect(await schemaDrift(migrated.orm)).toEqual([]);
  });

  it('run again on an up-to-date database without touching its data', async () => {
    const migrated = await createMigratedDatabase(dialect);
    database = migrated;
    const knex = migrated.orm.em.getConnection().getKnex();
    await knex('customers').insert({
      external_id: 'C1',
      created_at: new Date(0),
      updated_at: new Date(0),
      birth_year: 1960,
      generation: 'boomer',
      signup_date: new Date(0),
    });
    await migrated.orm.close();
    const reopened = await initOrm(migrated.config);
    try {
      const rows = await reopened.em.getConnection().getKnex()('customers').select('external_id');
      expect(rows).toEqual([{ external_id: 'C1' }]);
    } finally {
      await reopened.close();
    }
  });
});

describe.each(DIALECTS)('an older %s database', (dialect) => {
  it('is upgraded migration by migration, keeping rows written under each earlier schema', async () => {
    const database = await createTestDatabase(dialect);
    const orm = await initOrm(database.config, { migrate: false });
    try {
      const migrator = orm.getMigrator();
      const all = await migrator.getPendingMigrations();
      expect(all.length).toBeGreaterThan(0);
      await migrator.up({ to: all[0]!.name });
      await orm.em
        .getConnection()
        .getKnex()('customers')
        .insert({
          external_id: 'OLD',
          created_at: new Date(0),
          updated_at: new Date(0),
          birth_year: 1990,
          generation: 'millennial',
          signup_date: new Date(0),
        });
      await migrator.up();
      expect(await migrator.getPendingMigrations()).toEqual([]);
      const kept = await orm.em.getConnection().getKnex()('customers').where({ external_id: 'OLD' }).first();
      expect(kept).toMatchObject({ birth_year: 1990, generation: 'millennial' });
    } finally {
      await orm.close();
      await database.drop();
    }
  });
});
