import { describe, expect, it } from 'vitest';
import { filterSearch, metricFilter, parseFilters, trendGrain } from '../src/lib/filters';

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
