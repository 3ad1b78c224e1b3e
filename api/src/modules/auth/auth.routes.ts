import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Orm } from '../../database/orm.js';
import { credentialOf, SESSION_COOKIE } from './authentication.hook.js';
import type { LoginThrottle } from './login-throttle.js';
import { SESSION_HOURS, SessionService } from './session.service.js';

/** A login body is two short strings; refuse anything larger before parsing it. */
const LOGIN_BODY_LIMIT_BYTES = 4 * 1024;

const LoginBody = z.object({ email: z.string().max(320), password: z.string().max(1024) });

/**
 * `POST /auth/login` (JSON e-mail and password → a session token and an HttpOnly cookie) and
 * `POST /auth/logout` (ends the session of the bearer token or cookie). Errors are
 * `{"error": {"code", "message"}}`, as the dashboard expects. Failed logins back off per account and
 * client address (`throttle`): a locked pair gets 429 with Retry-After, its password unchecked.
 */
export function registerAuthRoutes(app: FastifyInstance, orm: Orm, throttle: LoginThrottle): void {
  app.post('/auth/login', { bodyLimit: LOGIN_BODY_LIMIT_BYTES }, async (request, reply) => {
    const body = LoginBody.safeParse(request.body);
    if (!body.success) {
      return sendError(reply, 400, 'BAD_USER_INPUT', 'expected a JSON body {"email": "…", "password": "…"}');
    }
    const { email, password } = body.data;
    const client = request.clientAddress;
    const wait = throttle.waitMs(email, client);
    if (wait > 0) return sendThrottled(reply, wait);
    const login = await new SessionService(orm.em.fork()).login(email, password);
    if (!login) {
      throttle.failed(email, client);
      return sendError(reply, 401, 'UNAUTHENTICATED', 'Wrong e-mail or password.');
    }
    throttle.succeeded(email, client);
    const { token, expiresAt, user } = login;
    void reply.header('cache-control', 'no-store').setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: request.protocol === 'https',
      maxAge: SESSION_HOURS * 3600,
    });
    return {
      token,
      expiresAt: expiresAt.toISOString(),
      user: { email: user.email, name: user.name, role: user.role.toUpperCase() },
    };
  });

  app.post('/auth/logout', async (request, reply) => {
    const token = credentialOf(request);
    if (token) await new SessionService(orm.em.fork()).logout(token);
    return reply.clearCookie(SESSION_COOKIE, { path: '/' }).code(204).send();
  });
}

/** 429 for a locked (account, address) pair: how long to wait, in Retry-After and in the message. */
function sendThrottled(reply: FastifyReply, waitMs: number): FastifyReply {
  const seconds = Math.ceil(waitMs / 1000);
  void reply.header('retry-after', String(seconds));
  return sendError(
    reply,
    429,
    'LOGIN_THROTTLED',
    `Too many failed sign-ins to this account from your address: try again in ${seconds} s.`,
  );
}

function sendError(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply.code(status).send({ error: { code, message } });
}
