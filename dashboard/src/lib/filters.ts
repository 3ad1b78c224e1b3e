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
/** A real calendar day as YYYY-MM-DD: 2026-02-30 is refused, not rolled over to March. */
const isDay = (value: string | null): value is string => {
  if (value === null || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
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

/** Trend buckets that give a readable number of points for the window's length. */
export function trendGrain(filters: Filters): 'DAY' | 'WEEK' | 'MONTH' {
  const days = (Date.parse(filters.to) - Date.parse(filters.from)) / DAY_MS + 1;
  return days <= 31 ? 'DAY' : days <= 120 ? 'WEEK' : 'MONTH';
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
