import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { CliError } from '../cli/cli-error.js';
import { loadConfig, parsePort, type AppConfig } from '../config.js';
import { initOrm, type Orm } from '../app/orm.js';
import { createServer } from './server.js';

/** `pnpm cx serve [--port P]`: migrate, then serve the API until SIGINT or SIGTERM. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Serve the GraphQL API at /graphql and a health check at /health (migrates first).')
    .option('--port <port>', 'port to listen on (default: CX_API_PORT, else 4000)', (value) =>
      parsePort(value),
    )
    .action(async (options: { port?: number }) => {
      const config = loadConfig();
      const orm = await initOrm(config.database);
      await startApi(orm, config, options.port ?? config.apiPort);
    });
}

/**
 * Serves the API on `port` (0 picks a free one) and config.apiHost, prints its URL, and on SIGINT or
 * SIGTERM finishes the requests in flight, then closes the server and `orm`, letting the process exit.
 */
export async function startApi(orm: Orm, config: AppConfig, port: number): Promise<FastifyInstance> {
  const app = await createServer(orm, config, { ingestWorker: {} });
  try {
    await app.listen({ port, host: config.apiHost });
  } catch (error) {
    await app.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new CliError(
        `port ${port} on ${config.apiHost} is already in use: pass --port or set CX_API_PORT`,
      );
    }
    throw error;
  }
  const stop = async () => {
    await app.close();
    await orm.close();
  };
  process.once('SIGINT', () => void stop()).once('SIGTERM', () => void stop());
  console.log(`CX Pulse API: ${graphqlUrl(app, config.apiHost)}`);
  return app;
}

function graphqlUrl(app: FastifyInstance, host: string): string {
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : '';
  const local = ['127.0.0.1', '::1', '0.0.0.0', '::', 'localhost'].includes(host);
  return `http://${local ? 'localhost' : host.includes(':') ? `[${host}]` : host}:${port}/graphql`;
}
