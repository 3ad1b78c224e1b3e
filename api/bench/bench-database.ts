import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from '../src/config.js';

export interface BenchDatabase {
  config: DatabaseConfig;
  /** Where the data lives, for the report (a file path or a URL without credentials). */
  location: string;
  drop(): Promise<void>;
}

/** A temporary SQLite file in its own folder under the system's temp directory (WAL files go next to it). */
export function createSqliteDatabase(): BenchDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'cx-bench-'));
  const path = join(dir, 'cx.sqlite');
  return {
    config: { dialect: 'sqlite', path, url: `sqlite:${path}` },
    location: path,
    drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}

/** A new database `name` on the server `adminUrl` points at; `drop()` removes it, sessions and all. */
export async function createPostgresDatabase(adminUrl: string, name: string): Promise<BenchDatabase> {
  await withClient(adminUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const location = new URL(url);
  location.password = '';
  return {
    config: { dialect: 'postgresql', url: url.toString() },
    location: location.toString(),
    drop: () =>
      withClient(adminUrl, (client) => client.query(`drop database if exists ${name} with (force)`)),
  };
}

async function withClient(url: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
