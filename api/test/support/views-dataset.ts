import type { TestApi } from './api-server.js';
import { ingestOverHttp, sessionRow } from './ingest-over-http.js';

/**
 * The hand-made data set of the overview and deflection-funnel tests of test/metric-views.test.ts, loaded
 * next to support/metrics-dataset.ts on the same server. It lives in 2023-2024 and its customers are all
 * GEN_X (born 1970) and signed up on 2023-01-01, so it never reaches the 2026 windows or the BOOMER and
 * MILLENNIAL segments those tests read from the metrics data set, whose customers sign up from 2025 on.
 *
 * Overview windows: current June 2024 [2024-06-01, 2024-07-01); PREVIOUS_PERIOD, the 30 days before,
 * [2024-05-02, 2024-06-01); PREVIOUS_YEAR [2023-06-01, 2023-07-01). The funnel window is September 2024.
 */

/** V1..V6. V5 churns in the current window, V6 in the previous one. */
export const VIEW_CUSTOMERS = [
  customer('V1'),
  customer('V2'),
  customer('V3'),
  customer('V4'),
  customer('V5', '2024-06-15T00:00:00Z'),
  customer('V6', '2024-05-20T00:00:00Z'),
];

/**
 * Survey batches: `surveys(prefix, ...)` makes one response per score, ids prefix1, prefix2, ..., the
 * first at `at` and each next one an hour later (all inside the window of the batch).
 */
export const VIEW_SURVEY_RESPONSES = [
  // Current window. NPS: 10 promoters (6 PHONE, 4 CHAT), 6 passives, 4 detractors (V1 PHONE, V2 CHAT).
  // NA1 at the window's first instant belongs to it, not to the previous period.
  ...surveys('NA', 'V3', 'NPS', [10, 9, 10, 9, 10, 9], 'PHONE', '2024-06-01T00:00:00Z'),
  ...surveys('NB', 'V3', 'NPS', [10, 9, 10, 9], 'CHAT', '2024-06-02T00:00:00Z'),
  ...surveys('NC', 'V3', 'NPS', [7, 8, 7, 8, 7, 8], 'CHAT', '2024-06-03T00:00:00Z'),
  ...surveys('ND', 'V1', 'NPS', [0, 6], 'PHONE', '2024-06-04T00:00:00Z'),
  ...surveys('NE', 'V2', 'NPS', [3, 5], 'CHAT', '2024-06-05T00:00:00Z'),
  // `to` is exclusive: not in the current window.
  ...surveys('NX', 'V3', 'NPS', [10], 'PHONE', '2024-07-01T00:00:00Z'),
  // Current window CSAT: 5, 5, 4, 2.
  ...surveys('CA', 'V3', 'CSAT', [5, 5], 'PHONE', '2024-06-03T00:00:00Z'),
  ...surveys('CB', 'V1', 'CSAT', [4], 'PHONE', '2024-06-03T00:00:00Z'),
  ...surveys('CC', 'V2', 'CSAT', [2], 'CHAT', '2024-06-03T00:00:00Z'),

  // Previous period. NPS: 4 promoters, 6 passives, 10 detractors (V1 ×4, V2 ×3 about SOCIAL, V4 ×3).
  ...surveys('PA', 'V3', 'NPS', [10, 9, 10, 9], 'PHONE', '2024-05-10T00:00:00Z'),
  ...surveys('PB', 'V3', 'NPS', [7, 8, 7, 8, 7, 8], 'CHAT', '2024-05-11T00:00:00Z'),
  ...surveys('PC', 'V1', 'NPS', [0, 1, 2, 3], 'PHONE', '2024-05-12T00:00:00Z'),
  ...surveys('PD', 'V2', 'NPS', [4, 5, 6], 'SOCIAL', '2024-05-13T00:00:00Z'),
  ...surveys('PE', 'V4', 'NPS', [6, 6, 6], 'EMAIL', '2024-05-14T00:00:00Z'),
  // In May, but before the 30-day previous period (it starts 2024-05-02).
  ...surveys('PX', 'V5', 'NPS', [0], 'EMAIL', '2024-05-01T12:00:00Z'),
  // Previous period CSAT: 3, 1.
  ...surveys('PF', 'V1', 'CSAT', [3], 'PHONE', '2024-05-15T00:00:00Z'),
  ...surveys('PG', 'V2', 'CSAT', [1], 'CHAT', '2024-05-15T00:00:00Z'),

  // Previous year: NPS one promoter and one detractor (V4); a single CSAT 4.
  ...surveys('YA', 'V3', 'NPS', [10], 'CHAT', '2023-06-10T00:00:00Z'),
  ...surveys('YB', 'V4', 'NPS', [0], 'EMAIL', '2023-06-11T00:00:00Z'),
  ...surveys('YC', 'V3', 'CSAT', [4], 'PHONE', '2023-06-12T00:00:00Z'),

  // Funnel (September): answers around the escalated sessions F4 (V2), F5 (V3) and F6 (V4).
  // An hour before F4: not after the escalation.
  ...surveys('FA', 'V2', 'NPS', [0], 'CHAT', '2024-09-05T09:00:00Z'),
  // Two hours and a day after F4.
  ...surveys('FB', 'V2', 'CSAT', [5], 'CHAT', '2024-09-05T12:00:00Z'),
  ...surveys('FC', 'V2', 'NPS', [10], 'CHAT', '2024-09-06T10:00:00Z'),
  // Exactly 7 days after F5: inside, and a backfire. FE 7 days and 1 second after: outside.
  ...surveys('FD', 'V3', 'NPS', [2], 'PHONE', '2024-09-19T10:00:00Z'),
  ...surveys('FE', 'V3', 'CSAT', [1], 'PHONE', '2024-09-19T10:00:01Z'),
  // A day after F6: a backfire.
  ...surveys('FF', 'V4', 'CSAT', [2], 'PHONE', '2024-09-21T10:00:00Z'),
];

export const VIEW_CONTACTS = [
  // Current window. VK1 is V1's social use in it (V1 reaches 825); VK4 is the window's last second.
  { ...contact('VK1', 'V1', 'SOCIAL', '2024-06-10T10:00:00Z'), firstContactResolution: true },
  { ...contact('VK2', 'V3', 'PHONE', '2024-06-11T10:00:00Z'), firstContactResolution: true },
  { ...contact('VK3', 'V3', 'PHONE', '2024-06-20T10:00:00Z'), firstContactResolution: false },
  contact('VK4', 'V2', 'CHAT', '2024-06-30T23:59:59Z'),
  // Previous period.
  { ...contact('VK5', 'V3', 'PHONE', '2024-05-15T10:00:00Z'), firstContactResolution: true },
  { ...contact('VK6', 'V4', 'EMAIL', '2024-05-20T10:00:00Z'), firstContactResolution: true },
  // Previous year.
  { ...contact('VK7', 'V3', 'PHONE', '2023-06-15T10:00:00Z'), firstContactResolution: false },
  // Funnel: F4's escalation contact (named by F4's escalatedContactId), resolved.
  { ...contact('KF1', 'V2', 'CHAT', '2024-09-05T10:05:00Z'), resolved: true },
  // Funnel: the contact F5 escalated to, naming F5, resolved.
  { ...contact('KF2', 'V3', 'PHONE', '2024-09-12T10:10:00Z'), resolved: true, selfServiceSessionId: 'F5' },
  // Funnel: F6's escalation contact, not resolved.
  { ...contact('KF3', 'V4', 'PHONE', '2024-09-20T10:05:00Z'), resolved: false },
  // Funnel: V1 calls 24 h after resolved F2 (F2 not truly deflected) and 9 days after F1.
  contact('KF4', 'V1', 'EMAIL', '2024-09-11T10:00:00Z'),
];

export const VIEW_SELF_SERVICE_SESSIONS = [
  // Current window: 3 resolved of 4.
  sessionRow('VS1', 'V3', 'FAQ', 'RESOLVED', '2024-06-05T10:00:00Z'),
  sessionRow('VS2', 'V3', 'FAQ', 'RESOLVED', '2024-06-06T10:00:00Z'),
  sessionRow('VS3', 'V2', 'CHATBOT', 'ESCALATED', '2024-06-07T10:00:00Z'),
  sessionRow('VS4', 'V1', 'IVR', 'RESOLVED', '2024-06-08T10:00:00Z'),
  // Previous period: 1 resolved of 2.
  sessionRow('VS5', 'V3', 'FAQ', 'RESOLVED', '2024-05-10T10:00:00Z'),
  sessionRow('VS6', 'V4', 'CHATBOT', 'ABANDONED', '2024-05-11T10:00:00Z'),
  // Funnel (September). Engaged means 2 steps or more.
  { ...sessionRow('F1', 'V1', 'FAQ', 'RESOLVED', '2024-09-02T10:00:00Z'), steps: 3 },
  { ...sessionRow('F2', 'V1', 'FAQ', 'RESOLVED', '2024-09-10T10:00:00Z'), steps: 1 },
  { ...sessionRow('F3', 'V2', 'FAQ', 'ABANDONED', '2024-09-03T10:00:00Z'), steps: 0 },
  {
    ...sessionRow('F4', 'V2', 'CHATBOT', 'ESCALATED', '2024-09-05T10:00:00Z'),
    steps: 4,
    escalatedContactId: 'KF1',
  },
  { ...sessionRow('F5', 'V3', 'CHATBOT', 'ESCALATED', '2024-09-12T10:00:00Z'), steps: 2 },
  {
    ...sessionRow('F6', 'V4', 'IVR', 'ESCALATED', '2024-09-20T10:00:00Z'),
    steps: 2,
    escalatedContactId: 'KF3',
  },
];

function customer(customerId: string, churnedAt?: string) {
  return { customerId, birthYear: 1970, signupDate: '2023-01-01', churnedAt };
}

function surveys(
  prefix: string,
  customerId: string,
  type: string,
  scores: number[],
  channel: string,
  at: string,
) {
  const start = Date.parse(at);
  return scores.map((score, i) => ({
    responseId: `${prefix}${i + 1}`,
    customerId,
    type,
    score,
    channel,
    respondedAt: new Date(start + i * 3_600_000).toISOString(),
  }));
}

function contact(contactId: string, customerId: string, channel: string, startedAt: string) {
  return { contactId, customerId, channel, startedAt } as Record<string, unknown>;
}

/** Loads the data set through the ingest mutations. */
export function ingestViewsDataset(api: TestApi): Promise<void> {
  return ingestOverHttp(api, {
    customers: VIEW_CUSTOMERS,
    surveyResponses: VIEW_SURVEY_RESPONSES,
    contacts: VIEW_CONTACTS,
    selfServiceSessions: VIEW_SELF_SERVICE_SESSIONS,
  });
}
