import type { Cookies } from '@sveltejs/kit';

/** The dashboard's own session cookie, holding the API session token (cxs_…) from POST /auth/login. */
export const SESSION_COOKIE = 'cx_session';

/** HttpOnly so page scripts never see the token; Secure whenever the dashboard is served over HTTPS. */
export function sessionCookieOptions(url: URL, expires?: Date) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: url.protocol === 'https:',
    ...(expires ? { expires } : {}),
  } as const;
}

export function sessionToken(cookies: Cookies): string | undefined {
  return cookies.get(SESSION_COOKIE);
}

export function clearSession(cookies: Cookies, url: URL): void {
  cookies.delete(SESSION_COOKIE, sessionCookieOptions(url));
}

/** A redirect target from a query parameter, kept on this site (a path, never //host or a URL). */
export function localPath(target: string | null): string {
  return target && target.startsWith('/') && !target.startsWith('//') ? target : '/';
}
