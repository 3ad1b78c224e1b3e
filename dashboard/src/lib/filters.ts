import type { Channel, Comparison, Generation, MetricFilter, Tier } from '$lib/graphql/generated/graphql';
import { CHANNEL_LABELS, COMPARISON_LABELS, GENERATION_LABELS, TIER_LABELS, optionsOf } from '$lib/labels';

/*
 * The global filters live in the URL (?range=90d&channel=CHAT…), so a view can be shared and bookmarked
 * and the back button steps through filter changes. Values that do not parse fall back to the default
 * rather than failing the page: a hand-edited link still opens.
 */

export const PRESETS = { '7d': 7, '30d': 30, '90d': 90, '365d': 365 } as const;
export type Preset = keyof typeof PRESETS;
export const PRESET_LABELS: Record<Preset | 'custom', string> = {
  '7d': 'Last 7 days',
  '30d': 'Last 30 days',
  '90d': 'Last 90 days',
  '365d': 'Last 12 months',
  custom: 'Custom dates',
};
const DEFAULT_PRESET: Preset = '30d';
const DEFAULT_COMPARE: Comparison = 'PREVIOUS_PERIOD';

export interface Filters {
  range: Preset | 'custom';
  /** First day of the window, YYYY-MM-DD (UTC). */
  from: string;
  /** Last day of the window, inclusive, YYYY-MM-DD (UTC). */
  to: string;
  compare: Comparison;
  channel: Channel | null;
  generation: Generation | null;
  region: string | null;
  tier: Tier | null;
}

/** The URL parameters the filter bar owns; pages add their own beside them. */
export const FILTER_PARAMS = ['range', 'from', 'to', 'compare', 'channel', 'generation', 'region', 'tier'];

const DAY_MS = 86_400_000;
/**
 * A real calendar day as YYYY-MM-DD in a plausible year: 2026-02-30 is refused, not rolled over to March,
 * and so is 0026-06-12, which a date field holds for a moment while the year is being typed.
 */
export const isDay = (value: string | null): value is string => {
  if (value === null || !/^(19|2\d)\d{2}-\d{2}-\d{2}$/.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
};

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function oneOf<K extends string>(labels: Record<K, unknown>, value: string | null): K | null {
  return value !== null && value in labels ? (value as K) : null;
}

export function parseFilters(params: URLSearchParams, today: Date = new Date()): Filters {
  const from = params.get('from');
  const to = params.get('to');
  // Dates count unless a preset is named: a form that sends both keeps the preset.
  const preset = oneOf(PRESETS, params.get('range'));
  const custom = preset === null && isDay(from) && isDay(to) && from <= to;
  const range = custom ? 'custom' : (preset ?? DEFAULT_PRESET);
  const lastDay = today.toISOString().slice(0, 10);
  return {
    range,
    from: custom ? from : addDays(lastDay, 1 - PRESETS[range as Preset]),
    to: custom ? to : lastDay,
    compare: oneOf(COMPARISON_LABELS, params.get('compare')) ?? DEFAULT_COMPARE,
    channel: oneOf(CHANNEL_LABELS, params.get('channel')),
    generation: oneOf(GENERATION_LABELS, params.get('generation')),
    region: params.get('region') || null,
    tier: oneOf(TIER_LABELS, params.get('tier')),
  };
}

/** The API's filter for the window and segment: from inclusive, to exclusive (the day after the last). */
export function metricFilter(filters: Filters): MetricFilter {
  return {
    from: `${filters.from}T00:00:00Z`,
    to: `${addDays(filters.to, 1)}T00:00:00Z`,
    channels: filters.channel ? [filters.channel] : null,
    generations: filters.generation ? [filters.generation] : null,
    regions: filters.region ? [filters.region] : null,
    tiers: filters.tier ? [filters.tier] : null,
  };
}

/**
 * The filter for measures without a channel (self-service sessions, churn): the API refuses a channel
 * filter on them rather than answer for the wrong rows, so their charts show every channel and say so.
 */
export function withoutChannel(filter: MetricFilter): MetricFilter {
  return { ...filter, channels: null };
}

/** What a chart of such measures says while a channel is selected. */
export function channelNote(filters: Filters): string | undefined {
  return filters.channel ? 'Not split by channel: this shows every channel.' : undefined;
}

/** Days in the window, both ends included. */
export function windowDays(filters: Pick<Filters, 'from' | 'to'>): number {
  return (Date.parse(filters.to) - Date.parse(filters.from)) / DAY_MS + 1;
}

/**
 * The trend grain that follows the window's length: daily up to 31 days, weekly up to six months
 * (184 days), monthly beyond.
 */
export function trendGrain(filters: Pick<Filters, 'from' | 'to'>): 'DAY' | 'WEEK' | 'MONTH' {
  const days = windowDays(filters);
  return days <= 31 ? 'DAY' : days <= 184 ? 'WEEK' : 'MONTH';
}

/** The comparison window of `filters`, as the API's overview computes it: first and last day, inclusive. */
export function comparisonDays(filters: Filters): { from: string; to: string } {
  if (filters.compare === 'PREVIOUS_PERIOD') {
    const days = windowDays(filters);
    return { from: addDays(filters.from, -days), to: addDays(filters.from, -1) };
  }
  const yearEarlier = (day: string) => {
    const date = new Date(`${day}T00:00:00Z`);
    date.setUTCFullYear(date.getUTCFullYear() - 1);
    return date.toISOString().slice(0, 10);
  };
  // The window's end is exclusive in the API: a year before the day after the last day, minus one day.
  return { from: yearEarlier(filters.from), to: addDays(yearEarlier(addDays(filters.to, 1)), -1) };
}

/**
 * A trend bucket against the window: its label clipped to the window (a week that starts before the window
 * opens is labelled from the window's first day) and whether it is partial (the window covers only part of it).
 */
export function bucketOf(
  periodStart: string,
  grain: 'DAY' | 'WEEK' | 'MONTH',
  filters: Pick<Filters, 'from' | 'to'>,
): { start: string; partial: boolean } {
  const start = periodStart.slice(0, 10);
  if (grain === 'DAY') return { start, partial: false };
  const next =
    grain === 'WEEK'
      ? addDays(start, 7)
      : new Date(Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)), 1))
          .toISOString()
          .slice(0, 10);
  const clippedStart = start < filters.from ? filters.from : start;
  const partial = start < filters.from || addDays(next, -1) > filters.to;
  return { start: clippedStart, partial };
}

/**
 * The query string for `filters`, leaving out defaults so shared links stay short. A preset range drops
 * the dates (it moves with today); a custom one keeps them.
 */
export function filterSearch(filters: Filters, extra: Record<string, string | null> = {}): string {
  const params = new URLSearchParams();
  if (filters.range === 'custom') {
    params.set('from', filters.from);
    params.set('to', filters.to);
  } else if (filters.range !== DEFAULT_PRESET) params.set('range', filters.range);
  if (filters.compare !== DEFAULT_COMPARE) params.set('compare', filters.compare);
  for (const key of ['channel', 'generation', 'region', 'tier'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `?${search}` : '';
}

export const PRESET_OPTIONS = optionsOf(PRESET_LABELS);

/** The category axis of a trend: each bucket's label (clipped to the window, partial ones said so). */
export function trendAxis(
  periods: string[],
  grain: 'DAY' | 'WEEK' | 'MONTH',
  filters: Pick<Filters, 'from' | 'to'>,
): { labels: string[]; partial: boolean[] } {
  const buckets = periods.map((period) => bucketOf(period, grain, filters));
  return {
    labels: buckets.map(
      ({ start, partial }) =>
        `${grain === 'MONTH' ? start.slice(0, 7) : start}${partial ? ' (partial)' : ''}`,
    ),
    partial: buckets.map((bucket) => bucket.partial),
  };
}
