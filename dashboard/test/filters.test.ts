import { describe, expect, it } from 'vitest';
import {
  bucketOf,
  comparisonDays,
  filterSearch,
  isDay,
  metricFilter,
  parseFilters,
  trendGrain,
} from '../src/lib/filters';
import {
  changeTone,
  formatChange,
  formatMeasure,
  isThin,
  measureInfo,
  sampleText,
  type Display,
} from '../src/lib/presentation';
import { chartMeasure, scaleOf } from '../src/lib/measures';

const TODAY = new Date('2026-11-23T15:00:00Z');
const parse = (search: string) => parseFilters(new URLSearchParams(search), TODAY);

describe('filters in the URL', () => {
  it('default to the last 30 days including today, compared with the previous period, everyone', () => {
    expect(parse('')).toEqual({
      range: '30d',
      from: '2026-10-25',
      to: '2026-11-23',
      compare: 'PREVIOUS_PERIOD',
      channel: null,
      generation: null,
      region: null,
      tier: null,
    });
  });

  it('turn the window into the API filter: from inclusive, to exclusive at the next midnight UTC', () => {
    expect(metricFilter(parse('from=2026-08-01&to=2026-10-31&channel=PHONE&region=West&tier=VIP'))).toEqual({
      from: '2026-08-01T00:00:00Z',
      to: '2026-11-01T00:00:00Z',
      channels: ['PHONE'],
      generations: null,
      regions: ['West'],
      tiers: ['VIP'],
    });
  });

  it('let a named preset win over dates sent beside it, and ignore values that do not parse', () => {
    expect(parse('range=7d&from=2026-01-01&to=2026-01-31')).toMatchObject({
      range: '7d',
      from: '2026-11-17',
    });
    expect(parse('from=2026-02-30&to=2026-03-01&channel=FAX&compare=NEVER')).toMatchObject({
      range: '30d',
      channel: null,
      compare: 'PREVIOUS_PERIOD',
    });
    expect(parse('from=2026-03-02&to=2026-03-01').range).toBe('30d');
  });

  it('write back the same view, leaving out defaults, keeping page parameters', () => {
    for (const search of [
      '',
      '?range=90d',
      '?from=2026-08-01&to=2026-10-31&compare=PREVIOUS_YEAR&generation=BOOMER',
    ]) {
      expect(filterSearch(parse(search))).toBe(search);
    }
    expect(filterSearch(parse('range=30d&tier=VIP'), { a: 'GEN_Z', b: null })).toBe('?tier=VIP&a=GEN_Z');
  });

  it('pick trend buckets by the length of the window', () => {
    expect(trendGrain(parse('from=2026-10-01&to=2026-10-31'))).toBe('DAY');
    expect(trendGrain(parse('from=2026-08-01&to=2026-10-31'))).toBe('WEEK');
    expect(trendGrain(parse('range=365d'))).toBe('MONTH');
  });
});

describe('dates, buckets and comparison windows', () => {
  const parse = (search: string) =>
    parseFilters(new URLSearchParams(search), new Date('2026-12-07T10:00:00Z'));

  it('refuses a date a field holds while its year is typed, keeping the preset', () => {
    expect(parse('from=0026-06-12&to=2026-10-31')).toMatchObject({ range: '30d', from: '2026-11-08' });
    expect(isDay('0202-09-15')).toBe(false);
    expect(isDay('1999-09-15')).toBe(true);
  });

  it('picks the grain by window length: 31 days daily, 184 weekly, 185 monthly', () => {
    expect(trendGrain({ from: '2026-01-01', to: '2026-01-31' })).toBe('DAY');
    expect(trendGrain({ from: '2026-01-01', to: '2026-02-01' })).toBe('WEEK');
    // 2026-05-01 to 2026-10-31: 31 + 30 + 31 + 31 + 30 + 31 = 184 days.
    expect(trendGrain({ from: '2026-05-01', to: '2026-10-31' })).toBe('WEEK');
    expect(trendGrain({ from: '2026-04-30', to: '2026-10-31' })).toBe('MONTH');
  });

  it('clips a bucket to the window and marks partial ones', () => {
    const window = { from: '2026-08-06', to: '2026-10-31' };
    // Monday 2026-08-03 starts before the window: labelled from its first day inside, partial.
    expect(bucketOf('2026-08-03T00:00:00Z', 'WEEK', window)).toEqual({ start: '2026-08-06', partial: true });
    expect(bucketOf('2026-08-10T00:00:00Z', 'WEEK', window)).toEqual({ start: '2026-08-10', partial: false });
    // 2026-10-26 to 2026-11-01 ends a day past the window.
    expect(bucketOf('2026-10-26T00:00:00Z', 'WEEK', window)).toEqual({ start: '2026-10-26', partial: true });
    // December with 7 days of a window that ends on the 7th.
    expect(bucketOf('2026-12-01T00:00:00Z', 'MONTH', { from: '2025-12-08', to: '2026-12-07' })).toEqual({
      start: '2026-12-01',
      partial: true,
    });
    expect(bucketOf('2026-11-01T00:00:00Z', 'MONTH', { from: '2025-12-08', to: '2026-12-07' }).partial).toBe(
      false,
    );
  });

  it('computes the comparison window as the API does', () => {
    // 92 days (Aug 1 – Oct 31): the 92 days before, May 1 – Jul 31.
    expect(comparisonDays(parse('from=2026-08-01&to=2026-10-31'))).toEqual({
      from: '2026-05-01',
      to: '2026-07-31',
    });
    expect(comparisonDays(parse('from=2026-08-01&to=2026-10-31&compare=PREVIOUS_YEAR'))).toEqual({
      from: '2025-08-01',
      to: '2025-10-31',
    });
  });
});

describe('presentation from the measure catalogue', () => {
  const display = {
    minimumSample: 30,
    currency: 'EUR',
    measures: [
      {
        name: 'fcrRate',
        label: 'FCR',
        unit: 'PERCENT',
        decimals: 1,
        goodDirection: 'HIGHER',
        sampleNoun: 'contacts',
        sampleField: 'contacts',
        minimumSample: 30,
        tooFewLabel: 'too few contacts (under 30)',
      },
      {
        name: 'avgWaitSeconds',
        label: 'Wait',
        unit: 'SECONDS',
        decimals: 0,
        goodDirection: 'LOWER',
        sampleNoun: 'contacts',
        sampleField: 'contacts',
        minimumSample: 30,
        tooFewLabel: 'too few contacts (under 30)',
      },
      {
        name: 'revenueAtRisk',
        label: 'Revenue',
        unit: 'MONEY',
        decimals: 0,
        goodDirection: 'LOWER',
        sampleNoun: null,
        sampleField: null,
        minimumSample: null,
        tooFewLabel: null,
      },
    ],
  } as Display;
  const fcr = measureInfo(display, 'fcrRate');
  const wait = measureInfo(display, 'avgWaitSeconds');

  it('says "no change" when a change rounds to zero, and signs it in its unit otherwise', () => {
    // 19.31 against 19.29: +0.02, 0.0 at one decimal.
    expect(formatChange(display, fcr, 19.31 - 19.29)).toBe('no change');
    // 19.3 against 19.2: +0.1 percentage points.
    expect(formatChange(display, fcr, 19.3 - 19.2)).toBe('+0.1 pp');
    expect(changeTone(fcr, 0.01)).toBe('flat');
    expect(changeTone(wait, 300)).toBe('bad');
  });

  it('shows durations in minutes and hours and money in the configured currency', () => {
    expect(formatMeasure(display, wait, 20_539)).toBe('5.7 h');
    expect(formatMeasure(display, wait, 45)).toBe('45 s');
    expect(formatMeasure(display, wait, 600)).toBe('10.0 min');
    expect(formatMeasure(display, measureInfo(display, 'revenueAtRisk'), 1234.4)).toBe('€1,234');
  });

  it('flags values under the minimum sample only for estimates', () => {
    expect(isThin(fcr, 29)).toBe(true);
    expect(isThin(fcr, 30)).toBe(false);
    expect(isThin(measureInfo(display, 'revenueAtRisk'), 1)).toBe(false);
    expect(sampleText(fcr, 1)).toBe('n = 1 contact');
  });

  it('states chart units and score scales from the catalogue', () => {
    const scored = {
      ...display,
      measures: [
        ...display.measures,
        { ...display.measures[0], name: 'nps', label: 'NPS', unit: 'NPS_POINTS', decimals: 0 },
        { ...display.measures[0], name: 'avgCsat', label: 'CSAT', unit: 'SCORE_5', decimals: 2 },
        { ...display.measures[0], name: 'avgCes', label: 'CES', unit: 'SCORE_7', decimals: 2 },
      ],
    } as Display;
    expect(chartMeasure(scored, 'nps').unit).toBe('NPS points (−100 to 100)');
    expect(chartMeasure(scored, 'avgCsat').unit).toBe('CSAT score (1–5)');
    expect(chartMeasure(scored, 'avgCes').unit).toBe('CES score (1–7)');
    expect(chartMeasure(scored, 'fcrRate').unit).toBe('%');
    expect(scaleOf('SCORE_5')).toBe('1–5');
    expect(scaleOf('PERCENT')).toBeNull();
  });
});
