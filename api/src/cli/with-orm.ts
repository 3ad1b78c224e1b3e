import { loadConfig, type AppConfig } from '../config.js';
import { initOrm, type Orm } from '../app/orm.js';

/** Runs a command body against the configured database (migrated), closing the connection afterwards. */
export async function withOrm<T>(work: (orm: Orm, config: AppConfig) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const orm = await initOrm(config.database);
  try {
    return await work(orm, config);
  } finally {
    await orm.close();
  }
}
