/*
 * Display formatting only: the API computes every measure at full precision; these round for reading.
 * A null measure (no underlying rows) shows as an em dash, never as 0.
 */
const NONE = '—';

export function formatNumber(value: number | null | undefined, digits = 1): string {
  if (value == null) return NONE;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatCount(value: number | null | undefined): string {
  return formatNumber(value, 0);
}

/** A mean score (CSAT 1–5, CES 1–7): two decimals tell a real move from noise. */
export function formatScore(value: number | null | undefined): string {
  return formatNumber(value, 2);
}

export function formatPercent(value: number | null | undefined, digits = 1): string {
  return value == null ? NONE : `${formatNumber(value, digits)}%`;
}

export function formatMoney(value: number | null | undefined): string {
  if (value == null) return NONE;
  return value.toLocaleString('en-US', { maximumFractionDigits: 0 });
}

export function formatSeconds(value: number | null | undefined): string {
  return value == null ? NONE : `${formatNumber(value, 0)} s`;
}

/** A change with its sign, e.g. "+3.2" or "−1.0"; the unit follows from the measure. */
export function formatDelta(value: number | null | undefined, digits = 1): string {
  if (value == null) return NONE;
  const magnitude = formatNumber(Math.abs(value), digits);
  return value > 0 ? `+${magnitude}` : value < 0 ? `−${magnitude}` : magnitude;
}

/** YYYY-MM-DD of an ISO instant (UTC, as the API's periods are). */
export function formatDay(iso: string): string {
  return iso.slice(0, 10);
}

/** A period start as its bucket reads: "2026-03" for a month, the day otherwise. */
export function formatPeriod(iso: string, grain: 'DAY' | 'WEEK' | 'MONTH'): string {
  return grain === 'MONTH' ? iso.slice(0, 7) : formatDay(iso);
}

/** A UTC instant to the minute, e.g. "2026-10-31 14:05 UTC": how SLA times are read. */
export function formatMinute(iso: string | null | undefined): string {
  return iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : NONE;
}

/**
 * A duration read by a person: seconds up to two minutes, then minutes, then hours, then days
 * ("20,539 s" reads as "5.7 h").
 */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds == null) return NONE;
  const magnitude = Math.abs(seconds);
  if (magnitude < 120) return `${formatNumber(seconds, 0)} s`;
  if (magnitude < 7_200) return `${formatNumber(seconds / 60, 1)} min`;
  if (magnitude < 172_800) return `${formatNumber(seconds / 3_600, 1)} h`;
  return `${formatNumber(seconds / 86_400, 1)} days`;
}

/** Hours (alert timeliness) as a duration. */
export function formatHours(hours: number | null | undefined): string {
  return formatDuration(hours == null ? null : hours * 3_600);
}

/** An amount in the currency the API is configured with (ISO 4217), whole units: "$12,345". */
export function formatCurrency(value: number | null | undefined, currency: string): string {
  if (value == null) return NONE;
  return value.toLocaleString('en-US', { style: 'currency', currency, maximumFractionDigits: 0 });
}
