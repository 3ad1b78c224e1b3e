import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123094007 } from './Migration20261123094007.js';
import { Migration20261123105810 } from './Migration20261123105810.js';
import { Migration20261123135019 } from './Migration20261123135019.js';

export const sqliteMigrations: MigrationObject[] = [
  { name: 'Migration20261123094007', class: Migration20261123094007 },
  { name: 'Migration20261123105810', class: Migration20261123105810 },
  { name: 'Migration20261123135019', class: Migration20261123135019 },
];
