import type { EntityManager } from '@mikro-orm/knex';
import type { DatabaseConfig } from '../config.js';

/**
 * Every difference between SQLite and PostgreSQL that code outside MikroORM has to know about lives
 * here, so services stay dialect-free.
 */
export type Dialect = DatabaseConfig['dialect'];

export function dialectOf(em: EntityManager): Dialect {
  return em.getPlatform().constructor.name.toLowerCase().includes('sqlite') ? 'sqlite' : 'postgresql';
}

/** How a value is bound in raw SQL: MikroORM keeps SQLite datetimes as epoch milliseconds, booleans as 0/1. */
export function toDbValue(dialect: Dialect, value: unknown): unknown {
  if (dialect === 'sqlite') {
    if (value instanceof Date) return value.getTime();
    if (typeof value === 'boolean') return value ? 1 : 0;
  }
  return value;
}

/** Null-safe "differs" comparison between two SQL expressions. */
export function isDistinctFrom(dialect: Dialect, left: string, right: string): string {
  return dialect === 'sqlite' ? `${left} IS NOT ${right}` : `${left} IS DISTINCT FROM ${right}`;
}

/** Most bind parameters one statement may carry (SQLite's compile-time limit is the lower one). */
export function maxBindParameters(dialect: Dialect): number {
  return dialect === 'sqlite' ? 32_000 : 65_000;
}
