import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { AppConfig } from '../config.js';
import type { GraphQLContext } from '../graphql/context.js';
import { introspectionAccess } from '../modules/auth/introspection-access.plugin.js';
import { DomainError } from '../core/errors.js';
import { isDatabaseBusy } from '../database/sqlite-busy.js';
import { DATABASE_BUSY_MESSAGE, INTERNAL_ERROR_MESSAGE } from './error-body.js';
import { refuseNulText } from './nul-text.plugin.js';
import { COST_LIMITS, requestLimits } from './request-limits.js';
import { cacheableGets } from './persisted/http-caching.js';
import { PersistedQueryStore, type PersistedOperation } from './persisted/persisted-operations.js';

/**
 * Limits on the shape of a query, checked before it runs: deep nesting, many aliases of an expensive
 * field, or a huge document are ways to make one request cost the server minutes. Well above what the
 * named operations in schema/operations need (their test runs them through these limits).
 */
export const QUERY_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 2_000,
  maxDirectives: 10,
  /**
   * The cost of request-limits.ts: 2 per object field, 1 per scalar, × 1.5 per level of nesting, × the
   * page size (`first`/`last`) that runs, literal, variable or default. A full page (first: 1000) of
   * customers with a dozen fields costs about 32,000; fifteen aliased copies of it would cost 480,000.
   */
  maxCost: COST_LIMITS.maxCost,
} as const;

/**
 * Apollo Server for the CX Pulse schema. Errors a client can act on (bad arguments, invalid queries,
 * missing rights) reach it as they are; anything unexpected, such as a database failure, is logged in
 * full with the request id and answered with a generic INTERNAL_SERVER_ERROR, so no SQL, stack trace or
 * internal detail leaks. CSRF prevention stays on (Apollo's default) and batching off. Persisted queries
 * (Apollo's APQ) are on, with `persisted` registered up front; GET answers are cacheable (http-caching.ts).
 */
export function createApollo(
  schema: GraphQLSchema,
  config: AppConfig,
  persisted: PersistedOperation[],
  plugins: ApolloServerPlugin<GraphQLContext>[] = [],
): ApolloServer<GraphQLContext> {
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    // graphql-js counts tokens while parsing (parseOptions below): a syntax error, answered with 400.
    maxTokens: { enabled: false },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    // graphql-armor's cost counts literal page sizes only; request-limits.ts counts variables too.
    costLimit: { enabled: false },
    // The schema is published (schema/schema.graphql), so "did you mean" hides nothing and helps analysts.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  // graphql-armor declares its plugins against Apollo's CommonJS types; they are the same plugins at run time.
  const armorPlugins = armor.plugins as unknown as ApolloServerPlugin<GraphQLContext>[];
  return new ApolloServer<GraphQLContext>({
    schema,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    persistedQueries: { cache: new PersistedQueryStore(persisted) },
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    // The serve command owns the process signals and stops Apollo through fastify's onClose.
    stopOnTerminationSignals: false,
    plugins: [
      ...armorPlugins,
      requestLimits(),
      ...plugins,
      introspectionAccess(),
      refuseNulText(),
      logUnexpectedErrors(),
      // cacheableGets sets Cache-Control and the result cache its own lifetimes: Apollo's cache hints,
      // which would wrap every field resolver to compute a policy nobody reads, are off.
      ApolloServerPluginCacheControlDisabled(),
      cacheableGets(),
    ],
    formatError: formatGraphQLError,
  });
}

/**
 * What a client sees of an error, the one place errors become GraphQL answers: a domain error
 * (core/errors.ts) with its message, code and details as extensions; SQLite's write lock held too long
 * as a retryable DATABASE_BUSY; a GraphQL error as it is; anything else as a generic internal error.
 */
function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (isDatabaseBusy(original)) return busyError(formatted);
  if (original instanceof DomainError) {
    const { locations, path } = formatted;
    return {
      message: original.message,
      ...(locations && { locations }),
      ...(path && { path }),
      extensions: { code: original.code, ...original.details },
    };
  }
  return isUnexpected(error, formatted.extensions?.code) ? internalError(formatted) : formatted;
}

/**
 * An error the client did not cause: neither a domain error nor a GraphQLError, or one without a code
 * (Apollo calls those internal).
 */
function isUnexpected(error: unknown, code: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) return false;
  return !(original instanceof GraphQLError) || code === 'INTERNAL_SERVER_ERROR';
}

/** Logs each unexpected error of a request in full, on the request's logger (its lines carry the request id). */
function logUnexpectedErrors(): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (isUnexpected(error, error.extensions?.code ?? 'INTERNAL_SERVER_ERROR')) {
              contextValue.log.error(
                { err: unwrapResolverError(error), path: error.path },
                'GraphQL request failed unexpectedly',
              );
            }
          }
          return Promise.resolve();
        },
      });
    },
  };
}

/** SQLite's write lock stayed taken by another process for the whole wait: retryable, not internal. */
function busyError({ locations, path }: GraphQLFormattedError): GraphQLFormattedError {
  return {
    message: DATABASE_BUSY_MESSAGE,
    ...(locations && { locations }),
    ...(path && { path }),
    extensions: { code: 'DATABASE_BUSY', retryable: true },
  };
}

function internalError({ locations, path }: GraphQLFormattedError): GraphQLFormattedError {
  return {
    message: INTERNAL_ERROR_MESSAGE,
    ...(locations && { locations }),
    ...(path && { path }),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
