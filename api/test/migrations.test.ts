import { afterEach, describe, expect, it } from 'vitest';
import { initOrm } from '../src/app/orm.js';
import { migrateSchema } from '../src/database/orm.js';
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
  it('is upgraded to the latest migration keeping every row written under the first schema', async () => {
    const database = await createTestDatabase(dialect);
    const orm = await initOrm(database.config, { migrate: false });
    try {
      const migrator = orm.getMigrator();
      const [first, ...later] = await migrator.getPendingMigrations();
      expect(later.length).toBeGreaterThan(0);
      await migrator.up({ to: first!.name });
      const knex = orm.em.getConnection().getKnex();
      const at = dialect === 'sqlite' ? 0 : new Date(0);
      const stamps = { created_at: at, updated_at: at };
      const [customer] = await knex('customers')
        .insert({
          external_id: 'OLD',
          ...stamps,
          birth_year: 1990,
          generation: 'millennial',
          signup_date: at,
        })
        .returning('id');
      const customerId = (customer as { id: number }).id;
      await knex('contacts').insert({
        external_id: 'X1',
        ...stamps,
        customer_id: customerId,
        channel: 'chat',
        started_at: at,
      });
      await knex('survey_responses').insert({
        external_id: 'S1',
        ...stamps,
        customer_id: customerId,
        type: 'nps',
        score: 3,
        responded_at: at,
      });
      await knex('self_service_sessions').insert({
        external_id: 'K1',
        ...stamps,
        customer_id: customerId,
        entry: 'faq',
        outcome: 'resolved',
        started_at: at,
      });

      await migrateSchema(orm);

      expect(await migrator.getPendingMigrations()).toEqual([]);
      expect(await schemaDrift(orm)).toEqual([]);
      for (const [table, externalId] of [
        ['customers', 'OLD'],
        ['contacts', 'X1'],
        ['survey_responses', 'S1'],
        ['self_service_sessions', 'K1'],
      ]) {
        expect(await knex(table!).pluck('external_id')).toEqual([externalId]);
      }
    } finally {
      await orm.close();
      await database.drop();
    }
  });
});

describe('an older sqlite database migrated with foreign keys on', () => {
  it('is refused by the migration that rebuilds customers, which would otherwise cascade-delete every fact', async () => {
    const database = await createTestDatabase('sqlite');
    const orm = await initOrm(database.config, { migrate: false });
    try {
      const migrator = orm.getMigrator();
      const pending = await migrator.getPendingMigrations();
      const rebuild = pending.findIndex(({ name }) => name === 'Migration20261207042500');
      await migrateSchema(orm, pending[rebuild - 1]!.name);
      const knex = orm.em.getConnection().getKnex();
      const [customer] = await knex('customers')
        .insert({
          external_id: 'OLD',
          created_at: 0,
          updated_at: 0,
          birth_year: 1990,
          generation: 'millennial',
          signup_date: 0,
        })
        .returning('id');
      await knex('contacts').insert({
        external_id: 'X1',
        created_at: 0,
        updated_at: 0,
        customer_id: (customer as { id: number }).id,
        channel: 'chat',
        started_at: 0,
      });
      // The plain migrator keeps the connection's foreign keys on.
      await expect(migrator.up()).rejects.toThrow(/must run with foreign keys off: run `cx migrate`/);
      expect(await knex('contacts').pluck('external_id')).toEqual(['X1']);
      await migrateSchema(orm);
      expect(await knex('contacts').pluck('external_id')).toEqual(['X1']);
      expect(await knex('customers').select('external_id', 'birth_year')).toEqual([
        { external_id: 'OLD', birth_year: 1990 },
      ]);
    } finally {
      await orm.close();
      await database.drop();
    }
  });
});

describe.each(DIALECTS)('the SUPERVISOR role on an older %s database', (dialect) => {
  it('is admitted by the role checks, keeping every key, user and session', async () => {
    const database = await createTestDatabase(dialect);
    const orm = await initOrm(database.config, { migrate: false });
    try {
      await migrateSchema(orm, 'Migration20261207080000');
      const knex = orm.em.getConnection().getKnex();
      const at = dialect === 'sqlite' ? 0 : new Date(0);
      const key = { name: 'bi tool', token_hash: 'h1', token_start: 'cxk_1', created_at: at };
      await knex('api_keys').insert({ ...key, role: 'bi' });
      const [user] = await knex('users')
        .insert({ email: 'a@x.test', name: 'A', role: 'admin', password_hash: 'p', created_at: at })
        .returning('id');
      const userId = (user as { id: number }).id;
      await knex('sessions').insert({ user_id: userId, token_hash: 's1', created_at: at, expires_at: at });
      await expect(
        knex('api_keys').insert({ ...key, token_hash: 'h2', role: 'supervisor' }),
      ).rejects.toThrow();

      await migrateSchema(orm);

      expect(await schemaDrift(orm)).toEqual([]);
      expect(await knex('api_keys').select('id', 'role', 'token_hash')).toEqual([
        { id: 1, role: 'bi', token_hash: 'h1' },
      ]);
      expect(await knex('users').pluck('email')).toEqual(['a@x.test']);
      expect(await knex('sessions').select('user_id', 'token_hash')).toEqual([
        { user_id: userId, token_hash: 's1' },
      ]);
      await knex('api_keys').insert({ ...key, token_hash: 'h2', role: 'supervisor' });
      await knex('users').insert({
        email: 's@x.test',
        name: 'S',
        role: 'supervisor',
        password_hash: 'p',
        created_at: at,
      });
      await expect(
        knex('users').insert({
          email: 'b@x.test',
          name: 'B',
          role: 'boss',
          password_hash: 'p',
          created_at: at,
        }),
      ).rejects.toThrow();
    } finally {
      await orm.close();
      await database.drop();
    }
  });
});
