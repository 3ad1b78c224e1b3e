import { expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.js';
import { createServer } from '../../src/server/server.js';
import { createMigratedDatabase, type Dialect, type MigratedDatabase } from './databases.js';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

export interface TestApi {
  database: MigratedDatabase;
  app: FastifyInstance;
  /** Base URL of the running server, e.g. http://127.0.0.1:41234 */
  url: string;
  /** POSTs a GraphQL operation over real HTTP and returns the parsed body. */
  graphql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResponse<T>>;
  /** Stops the server, then drops the database. */
  close(): Promise<void>;
}

/** Runs an operation that must succeed and returns its data. */
export async function queryData(
  api: TestApi,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Record<string, any>> {
  const response = await api.graphql(query, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

/** The API on a fresh migrated database of `dialect`, listening on a free port of 127.0.0.1. */
export async function startTestApi(dialect: Dialect): Promise<TestApi> {
  const database = await createMigratedDatabase(dialect);
  const app = await createServer(database.orm, loadConfig({}, { database: database.config }), {
    logger: false,
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  async function graphql<T>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>> {
    const response = await fetch(`${address}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  }
  return {
    database,
    app,
    url: address,
    graphql,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** The SQL statements the API's database receives from now on; empty the array to start counting again. */
export function statementLog(api: TestApi): string[] {
  const statements: string[] = [];
  api.database.orm.em
    .getConnection()
    .getKnex()
    .on('query', ({ sql }: { sql: string }) => statements.push(sql));
  return statements;
}
