import { env } from '$env/dynamic/private';
import { error, redirect, type Cookies } from '@sveltejs/kit';
import type { TypedDocumentString } from '$lib/graphql/generated/graphql';
import type { Section } from '$lib/result';
import { clearSession, sessionToken } from './session';

/** What a load or action passes in: SvelteKit's fetch, the cookies and the URL of the request. */
export interface ApiRequest {
  fetch: typeof fetch;
  cookies: Cookies;
  url: URL;
  /** The browser's address (SvelteKit's RequestEvent has it), passed on to the API's limits. */
  getClientAddress?: () => string;
}

/**
 * Headers that tell the API the browser's address, vouched for by the secret the dashboard and the API
 * share (CX_CLIENT_ADDRESS_SECRET): without them every sign-in would come from this server's address
 * and share its limits. Nothing without a secret, which the API would not trust anyway.
 */
function clientAddressHeaders(event: ApiRequest): Record<string, string> {
  const secret = env.CX_CLIENT_ADDRESS_SECRET;
  if (!secret || !event.getClientAddress) return {};
  try {
    return { 'x-cx-client-address': event.getClientAddress(), 'x-cx-client-address-secret': secret };
  } catch {
    return {};
  }
}

/** A GraphQL error the API answered with (bad input, a failed resolver): shown in place of its section. */
export class ApiQueryError extends Error {
  override name = 'ApiQueryError';
  /** The errors' codes (extensions.code), e.g. FORBIDDEN for a field the role may not read. */
  constructor(
    message: string,
    readonly codes: readonly string[] = [],
  ) {
    super(message);
  }
}

export function apiUrl(path: string): URL {
  return new URL(path, env.CX_API_URL || 'http://127.0.0.1:4000');
}

/** Sends `request` to the API with the session as a Bearer token; an unreachable API fails the page. */
export async function callApi(event: ApiRequest, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers({
    ...clientAddressHeaders(event),
    ...Object.fromEntries(new Headers(init.headers)),
  });
  const token = sessionToken(event.cookies);
  if (token) headers.set('authorization', `Bearer ${token}`);
  try {
    return await event.fetch(apiUrl(path), { ...init, headers });
  } catch {
    error(503, `The CX Pulse API at ${apiUrl('/').origin} is not reachable.`);
  }
}

/**
 * Runs a named operation from schema/operations. 401 (no or expired session) sends the browser to
 * /login and back here afterwards; GraphQL errors become an ApiQueryError with the API's message.
 */
export async function runOperation<TResult, TVariables>(
  event: ApiRequest,
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  const response = await callApi(event, '/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  if (response.status === 401) {
    clearSession(event.cookies, event.url);
    redirect(303, `/login?redirectTo=${encodeURIComponent(event.url.pathname + event.url.search)}`);
  }
  const body = (await response.json().catch(() => null)) as {
    data?: TResult | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  } | null;
  if (body?.errors?.length) {
    throw new ApiQueryError(
      body.errors.map((e) => e.message).join('; '),
      body.errors.flatMap((e) => (e.extensions?.code ? [e.extensions.code] : [])),
    );
  }
  if (!response.ok || !body?.data) throw new ApiQueryError(`The API answered HTTP ${response.status}.`);
  return body.data;
}

/** One section of a page: its data, or the API's message when its query failed. */
export async function section<T>(pending: Promise<T>): Promise<Section<T>> {
  try {
    return { data: await pending, error: null };
  } catch (cause) {
    if (cause instanceof ApiQueryError) return { data: null, error: cause.message };
    throw cause;
  }
}
