import 'reflect-metadata';
import { MikroORM, type Options } from '@mikro-orm/core';
import type { AbstractSqlDriver, EntityManager } from '@mikro-orm/knex';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { DatabaseConfig } from '../config.js';
import { migrationsFor } from './migrations/index.js';

/** Both supported databases use MikroORM's SQL (knex) driver family. */
export type Orm = MikroORM<AbstractSqlDriver, EntityManager>;

type SqlOptions = Options<AbstractSqlDriver, EntityManager>;

export function ormOptions(database: DatabaseConfig, entities: SqlOptions['entities']): SqlOptions {
  const common = {
    entities,
    discovery: { requireEntitiesArray: true },
    extensions: [Migrator],
    migrations: {
      migrationsList: migrationsFor(database.dialect),
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    // Entities are registered explicitly and typed in their decorators, so no metadata cache is needed.
    metadataCache: { enabled: false },
    forceUtcTimezone: true,
    // Reads go to the primary unless a request opts its readers into a replica (read-routing.ts): a
    // credential created, or a row written, a moment ago must be found by the next statement.
    preferReadReplicas: false,
    debug: false,
  } satisfies SqlOptions;

  if (database.dialect === 'sqlite') {
    return {
      ...common,
      driver: BetterSqliteDriver,
      dbName: database.path,
      pool: {
        afterCreate: (
          connection: SqliteHandle,
          done: (error: Error | null, connection: SqliteHandle) => void,
        ) => {
          // WAL lets readers proceed while an import writes; NORMAL is durable across application crashes.
          connection.pragma('journal_mode = WAL');
          connection.pragma('synchronous = NORMAL');
          connection.pragma('busy_timeout = 5000');
          connection.pragma('foreign_keys = ON');
          // Sorts, unions and the temporary tables of an import stay in memory rather than in temp files.
          connection.pragma('temp_store = MEMORY');
          done(null, connection);
        },
      },
    };
  }
  return {
    ...common,
    driver: PostgreSqlDriver,
    clientUrl: database.url,
    pool: { min: 0, max: 10 },
    replicas: (database.replicaUrls ?? []).map((url, index) => ({
      name: `replica-${index + 1}`,
      clientUrl: url,
    })),
  };
}

interface SqliteHandle {
  pragma(sql: string): unknown;
}

/**
 * Opens the database with the given entities and, unless told otherwise, brings its schema up to date
 * and then runs `afterMigrate` (the application builds its rollups there: app/orm.ts). Never drops
 * anything.
 */
export async function openOrm(
  database: DatabaseConfig,
  {
    entities,
    migrate = true,
    afterMigrate,
  }: { entities: SqlOptions['entities']; migrate?: boolean; afterMigrate?: (orm: Orm) => Promise<unknown> },
): Promise<Orm> {
  const orm = await MikroORM.init<AbstractSqlDriver, EntityManager>(ormOptions(database, entities));
  if (migrate) {
    await orm.getMigrator().up();
    await afterMigrate?.(orm);
  }
  return orm;
}
