import { addDays, bucketOf, filterSearch, type Filters } from '$lib/filters';

/*
 * Drill-through: the link from a chart's bar or point to the rows behind it (/rows), with the page's
 * filters and the bar's own slice (a channel, a period, a detractor phrase…).
 */
export type RowKind = 'responses' | 'contacts' | 'sessions' | 'churned' | 'atRisk';

/**
 * The stages of the self-service funnel that /rows can list, by the funnel's field names: each is the sessions
 * of one outcome or sequence flag (the API's session filter).
 */
export const FUNNEL_STAGE_SLICES = {
  sessions: {},
  engagedSessions: { stage: 'engaged' },
  resolvedSessions: { outcome: 'RESOLVED' },
  trulyDeflectedSessions: { stage: 'trulyDeflected' },
  abandonedSessions: { outcome: 'ABANDONED' },
  escalatedSessions: { outcome: 'ESCALATED' },
  escalationResolvedSessions: { outcome: 'ESCALATED', stage: 'escalationResolved' },
  backfiredSessions: { outcome: 'ESCALATED', stage: 'backfired' },
} as const satisfies Record<string, Slice>;

/** The sequence-flag stages of the funnel /rows narrows sessions to. */
export const SESSION_STAGES = ['engaged', 'trulyDeflected', 'escalationResolved', 'backfired'] as const;
export type SessionStage = (typeof SESSION_STAGES)[number];

/** The slice a bar or point stands for, on top of the page's filters. */
export interface Slice {
  channel?: string | null;
  generation?: string | null;
  tier?: string | null;
  /** Survey type, e.g. NPS. */
  type?: string | null;
  /** Highest score, e.g. 6 for detractors. */
  maxScore?: number | null;
  /** Comments containing this phrase. */
  phrase?: string | null;
  reason?: string | null;
  entry?: string | null;
  outcome?: string | null;
  /** A funnel stage of sessions beyond their outcome. */
  stage?: SessionStage | null;
  /** A recovery group of contacts (APOLOGY, PERKS_ONLY…). */
  recovery?: string | null;
}

/** The keys /rows reads beside the filters. */
export const SLICE_KEYS = [
  'kind',
  'type',
  'maxScore',
  'phrase',
  'reason',
  'entry',
  'outcome',
  'stage',
  'recovery',
] as const;

export function drillHref(kind: RowKind, filters: Filters, slice: Slice = {}): string {
  const narrowed: Filters = {
    ...filters,
    channel: (slice.channel as Filters['channel']) ?? filters.channel,
    generation: (slice.generation as Filters['generation']) ?? filters.generation,
    tier: (slice.tier as Filters['tier']) ?? filters.tier,
  };
  return `/rows${filterSearch(narrowed, {
    kind,
    type: slice.type ?? null,
    maxScore: slice.maxScore == null ? null : String(slice.maxScore),
    phrase: slice.phrase ?? null,
    reason: slice.reason ?? null,
    entry: slice.entry ?? null,
    outcome: slice.outcome ?? null,
    stage: slice.stage ?? null,
    recovery: slice.recovery ?? null,
  })}`;
}

/** The filters narrowed to one trend bucket (its days inside the window). */
export function bucketFilters(
  filters: Filters,
  periodStart: string,
  grain: 'DAY' | 'WEEK' | 'MONTH',
): Filters {
  const { start } = bucketOf(periodStart, grain, filters);
  const first = periodStart.slice(0, 10);
  const next =
    grain === 'DAY'
      ? addDays(first, 1)
      : grain === 'WEEK'
        ? addDays(first, 7)
        : new Date(Date.UTC(Number(first.slice(0, 4)), Number(first.slice(5, 7)), 1))
            .toISOString()
            .slice(0, 10);
  const last = addDays(next, -1);
  return { ...filters, range: 'custom', from: start, to: last < filters.to ? last : filters.to };
}
