import 'reflect-metadata';
import { MikroORM, type Options } from '@mikro-orm/core';
import type { AbstractSqlDriver, EntityManager } from '@mikro-orm/knex';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { isInMemory, type DatabaseConfig } from '../config.js';
import { migrationsFor } from './migrations/index.js';
import { DEFAULT_SQLITE_BUSY_WAIT_MS, waitForLocksAsynchronously } from './sqlite-busy.js';

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
      // A second connection for the readers of GraphQL queries and exports (read-routing.ts): in WAL mode
      // it reads the last committed state while an import's transaction holds the writing connection,
      // instead of queueing behind that transaction for the one connection.
      replicas: isInMemory(database) ? [] : [{ name: 'sqlite-reader' }],
      pool: {
        // Two connections (WAL lets them read side by side): while one waits for another process's
        // write lock, reads go on through the other. An in-memory database exists once per connection.
        min: 1,
        max: isInMemory(database) ? 1 : 2,
        afterCreate: (
          connection: SqliteHandle,
          done: (error: Error | null, connection: SqliteHandle) => void,
        ) => {
          prepareSqliteConnection(connection, database.busyWaitMs);
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

type SqliteHandle = Parameters<typeof waitForLocksAsynchronously>[0] & {
  pragma(sql: string): unknown;
};

/** The settings of every SQLite connection CX Pulse opens (the database's, and the ingest queue's). */
export function prepareSqliteConnection(connection: SqliteHandle, busyWaitMs?: number): void {
  // WAL lets readers proceed while an import writes; NORMAL is durable across application crashes.
  connection.pragma('journal_mode = WAL');
  connection.pragma('synchronous = NORMAL');
  // Another connection's write lock is waited for from timers, never inside the synchronous driver,
  // which would freeze the event loop meanwhile (sqlite-busy.ts).
  connection.pragma('busy_timeout = 0');
  waitForLocksAsynchronously(connection, busyWaitMs ?? DEFAULT_SQLITE_BUSY_WAIT_MS);
  connection.pragma('foreign_keys = ON');
  // Temporary tables, sorts and unions beyond the temp cache go to a temporary file (through the OS page
  // cache), not to this process's memory: an import's staging and rollup-delta tables grow with its input
  // (in memory, about 145 MB more peak RSS for a 1M-contact file).
  connection.pragma('temp_store = FILE');
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
    await migrateSchema(orm);
    await afterMigrate?.(orm);
  }
  return orm;
}

/**
 * Applies the pending migrations (up to `to`, when given). On SQLite, foreign keys are off meanwhile and
 * checked after: SQLite changes a column's constraints only by rebuilding the table, and its documented
 * procedure turns foreign keys off first (outside the migration's transaction, where the pragma has no
 * effect) so that replacing a table others reference neither cascades deletes nor rewrites their
 * references. A migration that rebuilds such a table refuses to run with them on.
 */
export async function migrateSchema(orm: Orm, to?: string): Promise<{ name: string }[]> {
  const sqlite = orm.config.get('driver') === BetterSqliteDriver;
  const connection = orm.em.getConnection();
  if (!sqlite) return orm.getMigrator().up(to === undefined ? undefined : { to });
  await connection.execute('pragma foreign_keys = off');
  let applied: { name: string }[];
  try {
    applied = await orm.getMigrator().up(to === undefined ? undefined : { to });
  } finally {
    await connection.execute('pragma foreign_keys = on');
  }
  const violations = await connection.execute('pragma foreign_key_check');
  if (violations.length)
    throw new Error(`the migrated database has ${violations.length} broken foreign keys`);
  return applied;
}
