import { expect } from 'vitest';
import type { TestApi } from './api-server.js';

/** Survey rows for ingestSurveyResponses: NPS 9 from customer C1 (ingestCustomer creates it). */
export function npsRows(...responseIds: string[]): Record<string, unknown>[] {
  return responseIds.map((responseId) => ({
    responseId,
    customerId: 'C1',
    type: 'NPS',
    score: 9,
    respondedAt: '2026-01-05T10:00:00Z',
  }));
}

/** Ingests customer C1, which npsRows refer to. */
export async function ingestCustomer(api: Pick<TestApi, 'graphql'>): Promise<void> {
  const response = await api.graphql(
    'mutation ($rows: [CustomerRowInput!]!) { ingestCustomers(rows: $rows) { inserted } }',
    { rows: [{ customerId: 'C1', birthYear: 1980, signupDate: '2025-01-01' }] },
  );
  expect(response.errors).toBeUndefined();
}

/** Ingests survey responses through the GraphQL mutation of `api`; returns how many were inserted. */
export async function ingestResponses(
  api: Pick<TestApi, 'graphql'>,
  rows: Record<string, unknown>[],
): Promise<number> {
  const response = await api.graphql<{ ingestSurveyResponses: { inserted: number } }>(
    'mutation ($rows: [SurveyResponseRowInput!]!) { ingestSurveyResponses(rows: $rows) { inserted } }',
    { rows },
  );
  expect(response.errors).toBeUndefined();
  return response.data!.ingestSurveyResponses.inserted;
}

/** A cacheable query: the number of NPS responses over all the data. */
export const NPS_RESPONSES = 'query NpsResponses { metrics { npsResponses } }';

/** POSTs a query to `url` with `token`; returns the X-CX-Cache header and the parsed body. */
export async function postQuery(
  url: string,
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ cache: string | null; body: { data?: any; errors?: any[] } }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query, variables }),
  });
  expect(response.status).toBe(200);
  return { cache: response.headers.get('x-cx-cache'), body: (await response.json()) as any };
}

/** TestApi.graphql against any server, e.g. a second one on the same database. */
export function graphqlOn(url: string, token: string | null): TestApi['graphql'] {
  return async (query, variables) => (await postQuery(url, token, query, variables)).body;
}
