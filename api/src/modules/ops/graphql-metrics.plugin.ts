import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { DomainError } from '../../core/errors.js';
import type { ServerMetrics } from './server-metrics.js';

/** Distinct operation names tracked; beyond them (a client inventing names) they count as "other". */
const MAX_OPERATION_NAMES = 200;

/** Times each GraphQL operation and counts its errors, by operation name. */
export function graphqlMetricsPlugin(metrics: ServerMetrics): ApolloServerPlugin {
  const seen = new Set<string>();
  const label = (name: string | null | undefined): string => {
    if (!name) return 'anonymous';
    if (seen.has(name)) return name;
    if (seen.size >= MAX_OPERATION_NAMES) return 'other';
    seen.add(name);
    return name;
  };
  return {
    requestDidStart() {
      const started = performance.now();
      return Promise.resolve({
        didEncounterErrors({ errors, operationName }) {
          for (const error of errors) {
            // A domain error (core/errors.ts) gets its code only when formatted: read it from the original.
            const original = unwrapResolverError(error);
            const code =
              original instanceof DomainError
                ? original.code
                : typeof error.extensions?.code === 'string'
                  ? error.extensions.code
                  : 'INTERNAL_SERVER_ERROR';
            metrics.graphqlErrors.inc({ operation: label(operationName), code });
          }
          return Promise.resolve();
        },
        willSendResponse({ operationName, operation }) {
          const type = operation?.operation ?? 'invalid';
          const seconds = (performance.now() - started) / 1000;
          metrics.graphqlDuration.observe({ operation: label(operationName), type }, seconds);
          return Promise.resolve();
        },
      });
    },
  };
}
