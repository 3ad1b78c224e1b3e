import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty database next to the one `adminUrl` points at; `drop()` removes it again. */
export async function createScratchPostgres(adminUrl: string): Promise<ScratchDatabase> {
  const name = `cx_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withClient(adminUrl, async (client) => {
    await client.query(`create database ${name}`);
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      withClient(adminUrl, async (client) => {
        await client.query(`drop database if exists ${name} with (force)`);
      }),
  };
}

export async function assertPostgresReachable(adminUrl: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    await client.query('select 1');
  });
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
