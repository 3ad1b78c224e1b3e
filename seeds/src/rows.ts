/**
 * The generator's output: rows in the canonical import format of docs/importing.md (snake_case columns, import
 * enum values, ISO 8601 UTC timestamps ending in Z, numbers, booleans, null). Type aliases rather than
 * interfaces so a row is assignable to a plain `Record<string, …>` import row.
 */
export const CHANNELS = ['phone', 'chat', 'email', 'social', 'video', 'in_person'] as const;
export type Channel = (typeof CHANNELS)[number];

export const GENERATIONS = ['silent', 'boomer', 'gen_x', 'millennial', 'gen_z'] as const;
export type Generation = (typeof GENERATIONS)[number];

export const SELF_SERVICE_ENTRIES = ['faq', 'knowledge_base', 'chatbot', 'ivr', 'community'] as const;
export type SelfServiceEntry = (typeof SELF_SERVICE_ENTRIES)[number];

export const SELF_SERVICE_OUTCOMES = ['resolved', 'abandoned', 'escalated'] as const;
export type SelfServiceOutcome = (typeof SELF_SERVICE_OUTCOMES)[number];

export const SURVEY_TYPES = ['nps', 'csat', 'ces'] as const;
export type SurveyType = (typeof SURVEY_TYPES)[number];

/** Inclusive score range per survey type (docs/concepts.md). */
export const SCORE_RANGES: Record<SurveyType, { min: number; max: number }> = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  ces: { min: 1, max: 7 },
};

export const TIERS = ['standard', 'vip'] as const;
export type Tier = (typeof TIERS)[number];

/** First birth year of each generation after the Silent one (docs/concepts.md; Silent is everyone born earlier). */
export const GENERATION_FIRST_YEAR = { boomer: 1946, gen_x: 1965, millennial: 1980, gen_z: 2001 } as const;

/** Birth-year ranges of docs/concepts.md. */
export function generationOf(birthYear: number): Generation {
  if (birthYear >= GENERATION_FIRST_YEAR.gen_z) return 'gen_z';
  if (birthYear >= GENERATION_FIRST_YEAR.millennial) return 'millennial';
  if (birthYear >= GENERATION_FIRST_YEAR.gen_x) return 'gen_x';
  if (birthYear >= GENERATION_FIRST_YEAR.boomer) return 'boomer';
  return 'silent';
}

export type CustomerRow = {
  customer_id: string;
  name: string | null;
  email: string | null;
  birth_year: number;
  region: string | null;
  tier: Tier | null;
  lifetime_value: number | null;
  signup_date: string;
  churned_at: string | null;
};

export type SurveyRow = {
  response_id: string;
  customer_id: string;
  type: SurveyType;
  score: number;
  comment: string | null;
  channel: Channel | null;
  touchpoint: string | null;
  responded_at: string;
  /** The contact the response is about; set by the agent layer (agents.ts). */
  contact_id?: string | null;
};

export type ContactRow = {
  contact_id: string;
  customer_id: string;
  channel: Channel;
  reason: string | null;
  queue: string | null;
  agent_id: string | null;
  started_at: string;
  wait_seconds: number | null;
  handle_seconds: number | null;
  transfers: number | null;
  resolved: boolean | null;
  first_contact_resolution: boolean | null;
  escalated: boolean | null;
  self_service_session_id: string | null;
  /** The peer who approved an exception; set by the agent layer (agents.ts). */
  approved_by?: string | null;
  out_of_policy: boolean | null;
  peer_approved: boolean | null;
  apology: boolean | null;
  recompense_type: string | null;
  recompense_value: number | null;
};

export type SelfServiceRow = {
  session_id: string;
  customer_id: string;
  entry: SelfServiceEntry;
  started_at: string;
  steps: number | null;
  outcome: SelfServiceOutcome;
  escalated_contact_id: string | null;
};

/** ISO 8601 in UTC to the second, e.g. `2025-03-04T10:22:13Z`. */
export function isoTimestamp(epochMs: number): string {
  // The seeder formats millions of these: the date part comes from a small cache (a customer's records
  // fall on a few hundred days), the time of day is plain arithmetic.
  const seconds = Math.floor(epochMs / 1000);
  const day = Math.floor(seconds / 86_400);
  let date = DAYS.get(day);
  if (date === undefined) {
    if (DAYS.size >= DAYS_CACHED) DAYS.clear();
    date = new Date(day * 86_400_000).toISOString().slice(0, 11);
    DAYS.set(day, date);
  }
  const ofDay = seconds - day * 86_400;
  const hours = Math.floor(ofDay / 3600);
  const minutes = Math.floor((ofDay % 3600) / 60);
  return `${date}${twoDigits(hours)}:${twoDigits(minutes)}:${twoDigits(ofDay % 60)}Z`;
}

/** `YYYY-MM-DDT` of recently formatted days, by days since the epoch. */
const DAYS = new Map<number, string>();
const DAYS_CACHED = 4096;

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
