import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../src/config.js';

/** A named operation from schema/operations, the files the dashboard and the load tests send too. */
export function readOperation(name: string): string {
  return readFileSync(join(REPO_ROOT, 'schema', 'operations', `${name}.graphql`), 'utf8');
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * POSTs an operation over real HTTP with an API key, as a BI tool would, and returns its data. A GraphQL error stops the
 * benchmark: timing an error response would measure nothing useful.
 */
export async function request<T>(
  url: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLResponse<T>;
  if (body.errors?.length || !body.data) {
    const messages = (body.errors ?? []).map(
      (error) => `${error.message} (${error.extensions?.code ?? '?'})`,
    );
    throw new Error(`the API answered HTTP ${response.status}: ${messages.join('; ') || 'no data'}`);
  }
  return body.data;
}
