import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { CliError } from '../src/cli/cli-error.js';
import type { DatabaseConfig } from '../src/config.js';

export interface BenchDatabase {
  config: DatabaseConfig;
  /** Where the data lives, for the report (a file path or a URL without credentials). */
  location: string;
  /** Whether the benchmark seeds it (a scratch database) or measures it as it is (--reuse). */
  reused: boolean;
  drop(): Promise<void>;
}

/**
 * An already seeded database, from a SQLite file path or a postgres:// URL, measured as it is and never
 * dropped.
 */
export function reuseDatabase(location: string): BenchDatabase {
  if (isPostgresUrl(location)) {
    return {
      config: { dialect: 'postgresql', url: location },
      location: withoutPassword(location),
      reused: true,
      drop: () => Promise.resolve(),
    };
  }
  const path = resolve(location);
  if (!existsSync(path)) throw new CliError(`--reuse: no SQLite file at ${path}`);
  return {
    config: { dialect: 'sqlite', path, url: `sqlite:${path}` },
    location: path,
    reused: true,
    drop: () => Promise.resolve(),
  };
}

/** A temporary SQLite file in its own folder under the system's temp directory (WAL files go next to it). */
export function createSqliteDatabase(): BenchDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'cx-bench-'));
  const path = join(dir, 'cx.sqlite');
  return {
    config: { dialect: 'sqlite', path, url: `sqlite:${path}` },
    location: path,
    reused: false,
    drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}

/** A new database `name` on the server `adminUrl` points at; `drop()` removes it, sessions and all. */
export async function createPostgresDatabase(adminUrl: string, name: string): Promise<BenchDatabase> {
  await withClient(adminUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    config: { dialect: 'postgresql', url: url.toString() },
    location: withoutPassword(url.toString()),
    reused: false,
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

function withoutPassword(url: string): string {
  const location = new URL(url);
  location.password = '';
  return location.toString();
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//.test(location);
}
