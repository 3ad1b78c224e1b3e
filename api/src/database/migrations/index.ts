import type { MigrationObject } from '@mikro-orm/core';
import type { DatabaseConfig } from '../../config.js';
import { postgresqlMigrations } from './postgresql/index.js';
import { sqliteMigrations } from './sqlite/index.js';

/**
 * Migrations are generated per dialect from the entities (`pnpm migration:create`) and listed here
 * explicitly, so they load the same way under tsx, vitest and any bundler.
 */
export function migrationsFor(dialect: DatabaseConfig['dialect']): MigrationObject[] {
  return dialect === 'sqlite' ? sqliteMigrations : postgresqlMigrations;
}
