import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance } from 'fastify';
import type { GraphQLContext } from '../../graphql/context.js';

/**
 * How long a client may reuse a GET answer without asking again. Imports land in batches and dashboards
 * refresh every few minutes, so a minute-old answer is fresh enough; after that the ETag makes the
 * revalidation cheap on the wire.
 */
export const GET_MAX_AGE_SECONDS = 60;

/**
 * `private`: an answer depends on the credential (roles without personal data get it emptied, and
 * alerts belong to their team), so only the client's own cache may keep it, never a shared one that
 * would hand it to someone else. `Vary` says the same to caches that ignore `private`.
 */
const CACHEABLE = `private, max-age=${GET_MAX_AGE_SECONDS}`;

/**
 * Cache-Control of GraphQL answers: successful GET queries (persisted operations mostly) are cacheable;
 * everything else, POSTs and errors included, is `no-store`. Replaces Apollo's cache hints, which
 * would need a hint on every field and default to public.
 */
export function cacheableGets(): ApolloServerPlugin<GraphQLContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ request, response }) {
          const cacheable =
            request.http?.method === 'GET' &&
            response.body.kind === 'single' &&
            !response.body.singleResult.errors;
          response.http.headers.set('cache-control', cacheable ? CACHEABLE : 'no-store');
          if (cacheable) response.http.headers.set('vary', 'authorization, cookie');
          return Promise.resolve();
        },
      });
    },
  };
}

/**
 * ETag (a hash of the body) on every cacheable answer, and `304 Not Modified` without a body when the
 * client's `If-None-Match` names it: a dashboard or BI tool refreshing unchanged data gets no payload.
 */
export function registerEtags(app: FastifyInstance): void {
  app.addHook('onSend', (request, reply, payload, done) => {
    if (
      reply.statusCode !== 200 ||
      reply.getHeader('cache-control') !== CACHEABLE ||
      typeof payload !== 'string'
    ) {
      done(null, payload);
      return;
    }
    const etag = `"${createHash('sha256').update(payload).digest('base64url')}"`;
    void reply.header('etag', etag);
    const match = request.headers['if-none-match'];
    if (match?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
      void reply.code(304).removeHeader('content-type').removeHeader('content-length');
      done(null, '');
      return;
    }
    done(null, payload);
  });
}
