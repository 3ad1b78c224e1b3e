import { expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type AppConfig } from '../../src/config.js';
import type { Orm } from '../../src/database/orm.js';
import { ApiKeyService } from '../../src/modules/auth/api-key.service.js';
import { Role } from '../../src/modules/auth/role.js';
import { createServer, type ServerOptions } from '../../src/server/server.js';
import { createMigratedDatabase, type Dialect, type MigratedDatabase } from './databases.js';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

export interface TestApiOptions {
  /** Role of the API key `graphql()` and `fetch()` send: ADMIN by default, null for no credential. */
  role?: Role | null;
  /** Configuration overrides (the rate limit is high by default, so suites never meet it by accident). */
  config?: Partial<AppConfig>;
  server?: ServerOptions;
  /** Serve this database (e.g. one another test server used before) instead of a fresh one; close() keeps it. */
  database?: MigratedDatabase;
}

export interface TestApi {
  database: MigratedDatabase;
  app: FastifyInstance;
  /** Base URL of the running server, e.g. http://127.0.0.1:41234 */
  url: string;
  /** The bearer token sent by default (null: none). */
  token: string | null;
  /** POSTs a GraphQL operation over real HTTP with the default token (or `token`) and returns the parsed body. */
  graphql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string | null },
  ): Promise<GraphQLResponse<T>>;
  /** fetch() of a path of the server, with the default token unless `init` sets an Authorization header. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** A new API key of `role` on this database; returns its token. */
  createKey(role: Role): Promise<string>;
  /** Stops the server, then drops the database (unless it was given). */
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
export async function startTestApi(dialect: Dialect, options: TestApiOptions = {}): Promise<TestApi> {
  const database = options.database ?? (await createMigratedDatabase(dialect));
  const config = loadConfig(
    {},
    { database: database.config, rateLimitPerMinute: 1_000_000, ...options.config },
  );
  const app = await createServer(database.orm, config, { logger: false, ...options.server });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const role = options.role === undefined ? Role.ADMIN : options.role;
  const token = role && (await createApiKey(database.orm, role));

  function fetchPath(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (token && !headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
    return fetch(`${address}${path}`, { ...init, headers });
  }
  async function graphql<T>(
    query: string,
    variables?: Record<string, unknown>,
    { token: given = token }: { token?: string | null } = {},
  ): Promise<GraphQLResponse<T>> {
    const response = await fetch(`${address}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(given && { authorization: `Bearer ${given}` }) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  }
  return {
    database,
    app,
    url: address,
    token,
    graphql,
    fetch: fetchPath,
    createKey: (keyRole) => createApiKey(database.orm, keyRole),
    close: async () => {
      await app.close();
      if (!options.database) await database.drop();
    },
  };
}

/**
 * The SQL statements the API's database receives from now on, less the credential lookup every request
 * makes and the data version read of cacheable queries (neither is the cost of the query under test);
 * empty the array to start counting again.
 */
export function statementLog(api: TestApi): string[] {
  const statements: string[] = [];
  const { em } = api.database.orm;
  // Queries read through the read connection (SQLite's reader, PostgreSQL's replicas), writes through the primary.
  const knexes = new Set([em.getConnection('write').getKnex(), em.getConnection('read').getKnex()]);
  for (const knex of knexes)
    knex.on('query', ({ sql }: { sql: string }) => {
      if (!isCredentialLookup(sql) && !/\bfrom [`"]?data_version\b/i.test(sql)) statements.push(sql);
    });
  return statements;
}

/** A new API key of `role` in the database of `orm`; returns its token. */
export async function createApiKey(orm: Orm, role: Role): Promise<string> {
  const { token } = await new ApiKeyService(orm.em.fork()).create(`test ${role}`, role);
  return token;
}

/**
 * Whether a statement is the lookup of the request's credential (API key, or session and user), which
 * every request makes whatever its query: tests that count a query's statements leave it out.
 */
export function isCredentialLookup(sql: string): boolean {
  return /\b(from|into|update) [`"]?(api_keys|sessions|users)\b/i.test(sql);
}
