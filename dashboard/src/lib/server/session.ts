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

/** Where localPath resolves a target to see whether it stays on this site. */
const THIS_SITE = 'http://dashboard.invalid';

/**
 * A redirect target from a query parameter or form field, kept on this site: a path, else `/`. A browser
 * reads a backslash as a slash and ignores tabs and line breaks, so `/\evil.example` or `/<tab>/evil`
 * would leave the site as surely as `//evil.example`; the target is refused when any of its decodings
 * (%5C, %2F, and again for %25…) holds a backslash or a control character or starts with two slashes,
 * or when it resolves to another origin. What is kept is the normalised path, query and fragment.
 */
export function localPath(target: string | null): string {
  if (!target?.startsWith('/')) return '/';
  let decoded = target;
  for (let round = 0; round < 4; round++) {
    // eslint-disable-next-line no-control-regex
    if (/[\\\u0000-\u001f\u007f]/.test(decoded) || /^\/\//.test(decoded)) return '/';
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return '/';
    }
    if (next === decoded) break;
    decoded = next;
  }
  const url = new URL(target, THIS_SITE);
  return url.origin === THIS_SITE ? `${url.pathname}${url.search}${url.hash}` : '/';
}
