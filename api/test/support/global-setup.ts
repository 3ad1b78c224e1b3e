import { assertPostgresReachable } from './postgres.js';

/** In CI a PostgreSQL that cannot be reached fails the run; it never silently drops to SQLite only. */
export default async function globalSetup(): Promise<void> {
  const url = process.env.CX_TEST_POSTGRES_URL;
  if (!url) {
    if (process.env.CI)
      throw new Error('CI is set but CX_TEST_POSTGRES_URL is not: PostgreSQL tests would be skipped');
    console.warn('CX_TEST_POSTGRES_URL is not set: database tests run on SQLite only');
    return;
  }
  try {
    await assertPostgresReachable(url);
  } catch (error) {
    throw new Error(`PostgreSQL at CX_TEST_POSTGRES_URL is not reachable: ${(error as Error).message}`);
  }
}
