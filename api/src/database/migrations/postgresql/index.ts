import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123094007 } from './Migration20261123094007.js';
import { Migration20261123105811 } from './Migration20261123105811.js';
import { Migration20261123134956 } from './Migration20261123134956.js';
import { Migration20261123135020 } from './Migration20261123135020.js';
import { Migration20261123135203 } from './Migration20261123135203.js';
import { Migration20261123140205 } from './Migration20261123140205.js';
import { Migration20261123163923 } from './Migration20261123163923.js';
import { Migration20261123164010 } from './Migration20261123164010.js';
import { Migration20261123170741 } from './Migration20261123170741.js';
import { Migration20261206193331 } from './Migration20261206193331.js';
import { Migration20261206210633 } from './Migration20261206210633.js';
import { Migration20261207040926 } from './Migration20261207040926.js';

export const postgresqlMigrations: MigrationObject[] = [
  { name: 'Migration20261123094007', class: Migration20261123094007 },
  { name: 'Migration20261123105811', class: Migration20261123105811 },
  { name: 'Migration20261123134956', class: Migration20261123134956 },
  { name: 'Migration20261123135020', class: Migration20261123135020 },
  { name: 'Migration20261123135203', class: Migration20261123135203 },
  { name: 'Migration20261123140205', class: Migration20261123140205 },
  { name: 'Migration20261123163923', class: Migration20261123163923 },
  { name: 'Migration20261123164010', class: Migration20261123164010 },
  { name: 'Migration20261123170741', class: Migration20261123170741 },
  { name: 'Migration20261206193331', class: Migration20261206193331 },
  { name: 'Migration20261206210633', class: Migration20261206210633 },
  { name: 'Migration20261207040926', class: Migration20261207040926 },
];
