import type { TestApi } from './api-server.js';
import { ingestOverHttp, sessionRow } from './ingest-over-http.js';

/**
 * The hand-made data set of test/metrics.test.ts. Every metric value that test expects is worked out by
 * hand from these rows, so each row's comment says what it is there to exercise. Rows go in over HTTP
 * GraphQL, as an importer would send them: enum values by GraphQL name, timestamps as text (some with an
 * offset, so the real parser moves them across a UTC day, ISO week, month or year boundary).
 *
 * 2026-02-01 and 2026-03-01 are Sundays; 2026-02-23 and 2026-03-02 are Mondays (ISO week starts).
 */

/** C1..C9. Generation: SILENT ≤1945, BOOMER 1946-64, GEN_X 1965-79, MILLENNIAL 1980-2000, GEN_Z ≥2001. */
export const CUSTOMERS = [
  { customerId: 'C1', birthYear: 1960, region: 'north', tier: 'VIP', signupDate: '2025-01-10' }, // BOOMER
  // MILLENNIAL
  { customerId: 'C2', birthYear: 1990, region: 'south', tier: 'STANDARD', signupDate: '2025-06-01' },
  { customerId: 'C3', birthYear: 1975, region: 'north', tier: 'STANDARD', signupDate: '2025-03-01' }, // GEN_X
  { customerId: 'C4', birthYear: 2003, region: null, tier: null, signupDate: '2025-09-01' }, // GEN_Z
  // Capital S: by code point 'South' < 'north' < 'south' (a locale collation would put it elsewhere).
  { customerId: 'C5', birthYear: 1940, region: 'South', tier: 'VIP', signupDate: '2025-11-15' }, // SILENT
  // C6..C9 only feed churn.
  {
    customerId: 'C6', // MILLENNIAL
    birthYear: 1985,
    region: 'north',
    tier: 'STANDARD',
    signupDate: '2025-02-01',
    churnedAt: '2026-02-10T00:00:00Z',
  },
  {
    customerId: 'C7', // GEN_X, churned 2026-02-28T23:30Z: in February
    birthYear: 1970,
    region: 'south',
    tier: 'VIP',
    signupDate: '2025-05-01',
    churnedAt: '2026-03-01T00:30:00+01:00',
  },
  {
    customerId: 'C8', // MILLENNIAL, signed up mid-February: not active on 2026-02-01
    birthYear: 1995,
    region: null,
    tier: 'STANDARD',
    signupDate: '2026-02-15',
    churnedAt: '2026-03-20',
  },
  // BOOMER, signed up 2026-02-28T23:30Z: active on 2026-03-01, not on 2026-02-01
  { customerId: 'C9', birthYear: 1955, region: 'north', tier: null, signupDate: '2026-03-01T00:30:00+01:00' },
];

/** R1..R19. NPS promoter 9-10, passive 7-8, detractor 0-6; CSAT top-2 is 4-5. */
export const SURVEY_RESPONSES = [
  survey('R1', 'C1', 'NPS', 10, 'PHONE', '2026-02-10T10:00:00Z'),
  survey('R2', 'C2', 'NPS', 9, 'CHAT', '2026-02-12T10:00:00Z'),
  survey('R3', 'C3', 'NPS', 8, 'PHONE', '2026-02-20T10:00:00Z'),
  // 2026-02-28T23:30Z: February, week of 02-23, though March 1st where it was answered.
  survey('R4', 'C4', 'NPS', 3, 'SOCIAL', '2026-03-01T00:30:00+01:00'),
  survey('R5', 'C2', 'NPS', 6, null, '2026-03-03T12:00:00Z'),
  // 2026-03-02T01:30Z: week of 03-02, though Sunday evening where it was answered.
  survey('R6', 'C5', 'NPS', 7, 'EMAIL', '2026-03-01T23:30:00-02:00'),
  survey('R7', 'C1', 'NPS', 0, 'PHONE', '2026-03-05T09:00:00Z'),
  survey('R8', 'C3', 'NPS', 10, 'CHAT', '2026-03-09T08:00:00Z'),
  survey('R9', 'C1', 'CSAT', 5, 'PHONE', '2026-02-10T11:00:00Z'),
  survey('R10', 'C2', 'CSAT', 4, 'CHAT', '2026-02-12T11:00:00Z'),
  survey('R11', 'C3', 'CSAT', 2, null, '2026-03-04T10:00:00Z'),
  survey('R12', 'C4', 'CSAT', 1, 'SOCIAL', '2026-03-06T10:00:00Z'),
  // 2026-03-01T23:30Z: Sunday, week of 02-23, though Monday where it was answered.
  survey('R13', 'C5', 'CSAT', 3, 'EMAIL', '2026-03-02T00:30:00+01:00'),
  survey('R14', 'C1', 'CES', 6, 'PHONE', '2026-02-10T12:00:00Z'),
  survey('R15', 'C2', 'CES', 3, 'CHAT', '2026-03-03T12:30:00Z'),
  survey('R16', 'C4', 'CES', 7, 'SOCIAL', '2026-03-06T10:30:00Z'),
  // C1's second detractor of March: C1 still counts once in womReach.
  survey('R17', 'C1', 'NPS', 5, null, '2026-03-10T10:00:00Z'),
  // Outside February-March. R18 is 2026-01-01T00:30Z (year 2026); R19 is 2025-12-31T22:30Z (year 2025).
  survey('R18', 'C1', 'CSAT', 5, 'PHONE', '2025-12-31T23:30:00-01:00'),
  survey('R19', 'C2', 'NPS', 10, 'CHAT', '2026-01-01T00:30:00+02:00'),
];

/** K1..K11 with their 7-day repeat status (another contact of the customer in (start, start + 7 d]). */
export const CONTACTS = [
  // Repeat: K2 exactly 7 days later.
  contact('K1', 'C1', 'PHONE', 'billing', '2026-02-02T09:00:00Z', 60, 300, true, false),
  // Not a repeat: K3 is 7 days and 1 second later.
  contact('K2', 'C1', 'PHONE', 'billing', '2026-02-09T09:00:00Z', 120, 600, false, true),
  contact('K3', 'C1', 'EMAIL', 'billing', '2026-02-16T09:00:01Z', null, 200, null, null),
  // Repeat: K5 the next day, on another channel.
  contact('K4', 'C2', 'CHAT', 'delivery', '2026-02-12T10:00:00Z', 30, null, true, false),
  contact('K5', 'C2', 'PHONE', 'delivery', '2026-02-13T10:00:00Z', 90, 400, true, false),
  // Repeat: K7 4 days later (outside a window ending 03-01). Exactly 72 h after resolved session S1.
  contact('K6', 'C3', 'CHAT', null, '2026-02-27T10:00:00Z', 10, 100, false, false),
  contact('K7', 'C3', 'EMAIL', 'billing', '2026-03-03T10:00:00Z', null, null, null, false),
  // C2's social contact: C2's detractor R5 of March reaches 825.
  contact('K8', 'C2', 'SOCIAL', 'complaint', '2026-03-04T10:00:00Z', null, 500, false, true),
  // 2026-03-01T23:30Z: March, week of 02-23, though Monday where it happened.
  contact('K9', 'C4', 'VIDEO', 'delivery', '2026-03-02T00:30:00+01:00', 20, 250, true, false),
  contact('K10', 'C5', 'IN_PERSON', 'billing', '2026-03-06T10:00:00Z', 0, 900, true, false),
  // April: C1 used social, but not in February or March.
  contact('K11', 'C1', 'SOCIAL', 'complaint', '2026-04-10T10:00:00Z', 5, 50, true, false),
];

/**
 * S1..S9. Truly deflected: resolved, no contact in (start, start + 72 h]. Backfired: escalated, then an NPS
 * 0-6 or CSAT 1-2 in (start, start + 7 d].
 */
export const SELF_SERVICE_SESSIONS = [
  // Resolved, not truly deflected: K6 exactly 72 h later.
  sessionRow('S1', 'C3', 'FAQ', 'RESOLVED', '2026-02-24T10:00:00Z'),
  // Resolved and truly deflected: K4 is 72 h and 1 second later.
  sessionRow('S2', 'C2', 'KNOWLEDGE_BASE', 'RESOLVED', '2026-02-09T09:59:59Z'),
  // Resolved and truly deflected: C5's next contact K10 is 5 days later.
  sessionRow('S3', 'C5', 'CHATBOT', 'RESOLVED', '2026-03-01T10:00:00Z'),
  sessionRow('S4', 'C4', 'CHATBOT', 'ABANDONED', '2026-02-25T10:00:00Z'),
  // Backfire: detractor R7 (NPS 0) 3 days 21 h later.
  sessionRow('S5', 'C1', 'IVR', 'ESCALATED', '2026-03-01T12:00:00Z'),
  // Backfire: R11 (CSAT 2) exactly 7 days later.
  sessionRow('S6', 'C3', 'CHATBOT', 'ESCALATED', '2026-02-25T10:00:00Z'),
  // No backfire: detractor R5 is 7 days and 1 second later.
  sessionRow('S7', 'C2', 'FAQ', 'ESCALATED', '2026-02-24T11:59:59Z'),
  // No backfire: C4's CSAT 1 (R12) came an hour before.
  sessionRow('S8', 'C4', 'IVR', 'ESCALATED', '2026-03-06T11:00:00Z'),
  sessionRow('S9', 'C1', 'COMMUNITY', 'ABANDONED', '2026-03-08T10:00:00Z'),
];

function contact(
  contactId: string,
  customerId: string,
  channel: string,
  reason: string | null,
  startedAt: string,
  waitSeconds: number | null,
  handleSeconds: number | null,
  firstContactResolution: boolean | null,
  escalated: boolean | null,
) {
  return {
    contactId,
    customerId,
    channel,
    reason,
    startedAt,
    waitSeconds,
    handleSeconds,
    firstContactResolution,
    escalated,
  };
}

function survey(
  responseId: string,
  customerId: string,
  type: string,
  score: number,
  channel: string | null,
  respondedAt: string,
) {
  return { responseId, customerId, type, score, channel, respondedAt };
}

/** Loads the data set through the ingest mutations. */
export function ingestMetricsDataset(api: TestApi): Promise<void> {
  return ingestOverHttp(api, {
    customers: CUSTOMERS,
    surveyResponses: SURVEY_RESPONSES,
    contacts: CONTACTS,
    selfServiceSessions: SELF_SERVICE_SESSIONS,
  });
}
