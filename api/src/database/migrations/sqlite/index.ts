import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123094007 } from './Migration20261123094007.js';
import { Migration20261123105810 } from './Migration20261123105810.js';
import { Migration20261123134956 } from './Migration20261123134956.js';
import { Migration20261123135019 } from './Migration20261123135019.js';
import { Migration20261123135202 } from './Migration20261123135202.js';
import { Migration20261123140203 } from './Migration20261123140203.js';
import { Migration20261123163922 } from './Migration20261123163922.js';
import { Migration20261123164010 } from './Migration20261123164010.js';
import { Migration20261123170739 } from './Migration20261123170739.js';
import { Migration20261206193331 } from './Migration20261206193331.js';
import { Migration20261206210632 } from './Migration20261206210632.js';
import { Migration20261207040922 } from './Migration20261207040922.js';

export const sqliteMigrations: MigrationObject[] = [
  { name: 'Migration20261123094007', class: Migration20261123094007 },
  { name: 'Migration20261123105810', class: Migration20261123105810 },
  { name: 'Migration20261123134956', class: Migration20261123134956 },
  { name: 'Migration20261123135019', class: Migration20261123135019 },
  { name: 'Migration20261123135202', class: Migration20261123135202 },
  { name: 'Migration20261123140203', class: Migration20261123140203 },
  { name: 'Migration20261123163922', class: Migration20261123163922 },
  { name: 'Migration20261123164010', class: Migration20261123164010 },
  { name: 'Migration20261123170739', class: Migration20261123170739 },
  { name: 'Migration20261206193331', class: Migration20261206193331 },
  { name: 'Migration20261206210632', class: Migration20261206210632 },
  { name: 'Migration20261207040922', class: Migration20261207040922 },
];
