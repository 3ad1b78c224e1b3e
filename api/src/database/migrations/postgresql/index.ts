import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123094007 } from './Migration20261123094007.js';

export const postgresqlMigrations: MigrationObject[] = [
  { name: 'Migration20261123094007', class: Migration20261123094007 },
];
