import type { FastifyInstance, FastifyRequest } from 'fastify';
import { GraphQLError } from 'graphql';
import { FreshReads } from '../../database/fresh-reads.js';
import type { Orm } from '../../database/orm.js';
import { authenticate } from './authenticate.js';
import { onCredentialsChanged } from './credentials-signal.js';
import type { Viewer } from './viewer.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who sent the request; null without a valid credential. Set before rate limits and handlers run. */
    viewer: Viewer | null;
  }
}

/** The dashboard's session cookie, for browsers that talk to the API directly. */
export const SESSION_COOKIE = 'cx_session';

/**
 * How long a credential's lookup answers the requests that carry it: a revoked key, a disabled user or
 * an ended session is refused from the next request on in the process that made the change, and
 * within this bound in every other API process.
 */
export const CREDENTIAL_REUSE_MS = 1_000;

/**
 * Resolves the credential of every request (a bearer token, else the session cookie) to a viewer before
 * anything else runs, so that rate limits count per key or user and handlers only read `request.viewer`.
 * Requests with the same token share one lookup for CREDENTIAL_REUSE_MS (fresh-reads.ts) instead of
 * each reading the key or session again. Needs @fastify/cookie registered first.
 */
export function registerAuthentication(app: FastifyInstance, orm: Orm): void {
  const viewers = new FreshReads((token: string) => authenticate(orm.em.fork(), token), CREDENTIAL_REUSE_MS);
  const unsubscribe = onCredentialsChanged(() => viewers.forget());
  app.addHook('onClose', (_app, done) => {
    unsubscribe();
    done();
  });
  app.decorateRequest('viewer', null);
  app.addHook('onRequest', async (request) => {
    const token = credentialOf(request);
    request.viewer = token ? await viewers.read(token) : null;
  });
}

/** The token a request carries: `Authorization: Bearer …` wins over the cookie. */
export function credentialOf(request: FastifyRequest): string | undefined {
  const bearer = /^Bearer +(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  return bearer ?? request.cookies[SESSION_COOKIE];
}

/** The challenge of a 401: what kind of credential to send. */
export const BEARER_CHALLENGE = 'Bearer realm="CX Pulse"';

export const UNAUTHENTICATED_MESSAGE =
  'Authentication required: send "Authorization: Bearer <API key or session token>" (see POST /auth/login).';

/** The viewer of a GraphQL request, or the UNAUTHENTICATED error answered with HTTP 401. */
export function requireViewer(request: FastifyRequest): Viewer {
  if (request.viewer) return request.viewer;
  throw new GraphQLError(UNAUTHENTICATED_MESSAGE, {
    extensions: {
      code: 'UNAUTHENTICATED',
      http: { status: 401, headers: new Map([['www-authenticate', BEARER_CHALLENGE]]) },
    },
  });
}
