import type { DashboardContextQuery, MeasureUnit } from '$lib/graphql/generated/graphql';
import { formatCount, formatCurrency, formatDuration, formatNumber, formatPercent } from '$lib/format';

/*
 * How numbers are presented, from the API's measure catalogue (units, rounding, good direction, what n
 * counts, the minimum sample) and its currency setting: no threshold or unit is decided here.
 */
export type Display = DashboardContextQuery['measureCatalogue'];
export type MeasureInfo = Display['measures'][number];

export function measureInfo(display: Display, name: string): MeasureInfo {
  const info = display.measures.find((measure) => measure.name === name);
  if (!info) throw new Error(`The API's measure catalogue has no measure ${name}.`);
  return info;
}

/** A value in its unit, rounded as the catalogue says. */
export function formatMeasure(display: Display, info: MeasureInfo, value: number | null | undefined): string {
  return formatInUnit(info.unit, info.decimals, value, display.currency);
}

export function formatInUnit(
  unit: MeasureUnit,
  decimals: number,
  value: number | null | undefined,
  currency: string,
): string {
  switch (unit) {
    case 'PERCENT':
      return formatPercent(value, decimals);
    case 'SECONDS':
      return formatDuration(value);
    case 'MONEY':
      return formatCurrency(value, currency);
    case 'COUNT':
    case 'PEOPLE':
      return formatCount(value);
    default:
      return formatNumber(value, decimals);
  }
}

/** The unit a change of the measure is read in: points, percentage points, or the measure's own. */
export function changeUnit(unit: MeasureUnit): string {
  return unit === 'PERCENT' ? ' pp' : unit === 'NPS_POINTS' ? ' pts' : '';
}

/**
 * A change as read: signed, rounded as the value is, in its unit; "no change" when it rounds to zero
 * (19.3 against 19.2 at one decimal is +0.1; 19.31 against 19.29 is no change).
 */
export function formatChange(display: Display, info: MeasureInfo, delta: number | null | undefined): string {
  if (delta == null) return '—';
  const rounded = Number(delta.toFixed(info.decimals));
  if (rounded === 0) return 'no change';
  const magnitude =
    info.unit === 'PERCENT'
      ? formatNumber(Math.abs(delta), info.decimals)
      : formatInUnit(info.unit, info.decimals, Math.abs(delta), display.currency);
  return `${delta > 0 ? '+' : '−'}${magnitude}${changeUnit(info.unit)}`;
}

/** Whether a value rests on fewer rows than the catalogue's minimum for its measure. */
export function isThin(info: MeasureInfo, n: number | null | undefined): boolean {
  return info.minimumSample != null && n != null && n < info.minimumSample;
}

/** "n = 1,234 responses" (or "n = 1 response"). */
export function sampleText(info: MeasureInfo, n: number | null | undefined): string {
  if (n == null || info.sampleNoun == null) return '';
  const noun = n === 1 ? singular(info.sampleNoun) : info.sampleNoun;
  return `n = ${formatCount(n)} ${noun}`;
}

function singular(noun: string): string {
  return noun.endsWith('s') ? noun.slice(0, -1) : noun;
}

/** The tone of a change: good news, bad news or neither, by the measure's good direction. */
export function changeTone(info: MeasureInfo, delta: number | null | undefined): 'good' | 'bad' | 'flat' {
  if (delta == null || Number(delta.toFixed(info.decimals)) === 0 || info.goodDirection === 'NEITHER')
    return 'flat';
  return delta > 0 === (info.goodDirection === 'HIGHER') ? 'good' : 'bad';
}
