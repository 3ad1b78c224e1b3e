import { fail, redirect } from '@sveltejs/kit';
import { callApi } from '$lib/server/api';
import { SESSION_COOKIE, clearSession, localPath, sessionCookieOptions } from '$lib/server/session';
import type { Actions } from './$types';

/** The body of a successful POST /auth/login (see the auth contract). */
interface LoginAnswer {
  token: string;
  expiresAt: string;
}

function isLoginAnswer(body: unknown): body is LoginAnswer {
  const answer = body as Partial<LoginAnswer> | null;
  return typeof answer?.token === 'string' && typeof answer.expiresAt === 'string';
}

export const actions: Actions = {
  /** Signs in through the API and keeps its session token in the dashboard's own HttpOnly cookie. */
  signIn: async (event) => {
    const form = await event.request.formData();
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    const email = text('email').trim();
    const password = text('password');
    if (!email || !password) return fail(400, { email, message: 'Enter your e-mail address and password.' });
    const response = await callApi(event, '/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (response.status === 401) return fail(401, { email, message: 'Wrong e-mail address or password.' });
    const body: unknown = await response.json().catch(() => null);
    // Too many failed sign-ins from this browser's address: the API says how long to wait.
    if (response.status === 429) {
      const refusal = body as { error?: { message?: string } } | null;
      const message = refusal?.error?.message ?? 'Too many attempts: try again later.';
      return fail(429, { email, message });
    }
    if (!response.ok || !isLoginAnswer(body)) {
      return fail(502, { email, message: `The API could not sign you in (HTTP ${response.status}).` });
    }
    event.cookies.set(SESSION_COOKIE, body.token, sessionCookieOptions(event.url, new Date(body.expiresAt)));
    // Back to the page that asked for a session (the form carries it; the action's URL has no query).
    redirect(303, localPath(text('redirectTo') || event.url.searchParams.get('redirectTo')));
  },

  /** Ends the session at the API (best effort: it may have expired already) and forgets the cookie. */
  signOut: async (event) => {
    await callApi(event, '/auth/logout', { method: 'POST' }).catch(() => undefined);
    clearSession(event.cookies, event.url);
    redirect(303, '/login');
  },
};
