import type { Handle } from '@sveltejs/kit';

/**
 * Security headers on every answer of the dashboard's server (pages, data requests, actions, errors);
 * the Content-Security-Policy itself comes from SvelteKit (svelte.config.js `csp`), with a nonce for
 * its start-up script. X-Frame-Options repeats `frame-ancestors 'none'` for browsers without CSP 2.
 */
export const handle: Handle = async ({ event, resolve }) => {
  const response = await resolve(event);
  response.headers.set('x-frame-options', 'DENY');
  response.headers.set('x-content-type-options', 'nosniff');
  response.headers.set('referrer-policy', 'same-origin');
  return response;
};
