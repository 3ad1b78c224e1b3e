import 'reflect-metadata';
import { MikroORM, type Options } from '@mikro-orm/core';
import type { AbstractSqlDriver, EntityManager } from '@mikro-orm/knex';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { DatabaseConfig } from '../config.js';
import { ENTITIES } from './entities.js';
import { migrationsFor } from './migrations/index.js';
import { buildRollupsIfStale } from '../modules/metrics/rollups/rollup-maintenance.js';

/** Both supported databases use MikroORM's SQL (knex) driver family. */
export type Orm = MikroORM<AbstractSqlDriver, EntityManager>;

type SqlOptions = Options<AbstractSqlDriver, EntityManager>;

export function ormOptions(database: DatabaseConfig): SqlOptions {
  const common = {
    entities: ENTITIES,
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
 * Opens the database and, unless told otherwise, brings its schema up to date and builds the rollups
 * when they are missing or stale (built from other definitions). Never drops anything.
 */
export async function initOrm(database: DatabaseConfig, { migrate = true } = {}): Promise<Orm> {
  const orm = await MikroORM.init<AbstractSqlDriver, EntityManager>(ormOptions(database));
  if (migrate) {
    await orm.getMigrator().up();
    await buildRollupsIfStale(orm.em);
  }
  return orm;
}
