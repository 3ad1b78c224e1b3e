import { expect } from 'vitest';
import type { TestApi } from './api-server.js';

/** Rows of a hand-made data set, as the ingest mutations take them (camelCase fields, enum names). */
export interface DatasetRows {
  customers: Record<string, unknown>[];
  surveyResponses: Record<string, unknown>[];
  contacts: Record<string, unknown>[];
  selfServiceSessions: Record<string, unknown>[];
}

/** A self-service session row with the fields every data set sets. */
export function sessionRow(
  sessionId: string,
  customerId: string,
  entry: string,
  outcome: string,
  startedAt: string,
) {
  return { sessionId, customerId, entry, outcome, startedAt } as Record<string, unknown>;
}

/**
 * Loads a data set through the real ingest mutations over HTTP, customers first, so its timestamps go
 * through the import parser; fails on any problem.
 */
export async function ingestOverHttp(api: TestApi, rows: DatasetRows): Promise<void> {
  const mutations: [string, string, Record<string, unknown>[]][] = [
    ['ingestCustomers', 'CustomerRowInput', rows.customers],
    ['ingestSurveyResponses', 'SurveyResponseRowInput', rows.surveyResponses],
    ['ingestContacts', 'ContactRowInput', rows.contacts],
    ['ingestSelfServiceSessions', 'SelfServiceSessionRowInput', rows.selfServiceSessions],
  ];
  for (const [mutation, rowType, batch] of mutations) {
    const response = await api.graphql(
      `mutation ($rows: [${rowType}!]!) { ${mutation}(rows: $rows) { inserted problems { message } } }`,
      { rows: batch },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data![mutation]).toEqual({ inserted: batch.length, problems: [] });
  }
}
