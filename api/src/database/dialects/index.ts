import { postgresql } from './postgresql.js';
import type { Dialect, SqlDialect } from './sql-dialect.js';
import { sqlite } from './sqlite.js';

export type { Dialect, SqlDialect };

/** The implementation of each supported database. */
export const SQL_DIALECTS: Readonly<Record<Dialect, SqlDialect>> = { sqlite, postgresql };
