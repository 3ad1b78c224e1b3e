import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { FACT_AGGREGATES } from '../src/modules/metrics/aggregates.js';
import { OVERVIEW_KPIS } from '../src/modules/metrics/dto/overview.type.js';
import { MEASURE_NAMES, MEASURES } from '../src/modules/metrics/measures.js';
import { ROLLUP_TABLES, rollupAggregates } from '../src/modules/metrics/rollups/rollup-tables.js';
import { Role } from '../src/modules/auth/role.js';
import { startTestApi, type TestApi } from './support/api-server.js';
import { DIALECTS } from './support/databases.js';

const CATALOGUE = `{ measureCatalogue { minimumSample currency measures {
  name label unit decimals goodDirection sampleNoun sampleField minimumSample tooFewLabel description } } }`;

interface Catalogue {
  minimumSample: number;
  currency: string;
  measures: Record<string, unknown>[];
}

describe('display settings', () => {
  it('default to a minimum sample of 30 and USD, and refuse what is not a count or a currency code', () => {
    expect(loadConfig({}).display).toEqual({ minimumSample: 30, currency: 'USD' });
    expect(loadConfig({ CX_MIN_SAMPLE: '50', CX_CURRENCY: 'EUR' }).display).toEqual({
      minimumSample: 50,
      currency: 'EUR',
    });
    expect(() => loadConfig({ CX_MIN_SAMPLE: '0' })).toThrow(
      new ConfigError('CX_MIN_SAMPLE: expected a whole number of at least 1, got "0"'),
    );
    expect(() => loadConfig({ CX_CURRENCY: 'euro' })).toThrow(
      new ConfigError('CX_CURRENCY: expected a three-letter ISO 4217 code such as USD, got "euro"'),
    );
  });
});

const text = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');
/** Code with its whitespace runs made single spaces, to compare a quoted entry with the source. */
const squeezed = (code: string) => code.replace(/\s+/g, ' ').trim();

describe('the measure catalogue', () => {
  it('derives each measure from aggregates of its own family, its sample size and variance included', () => {
    const familyOf = new Map(
      Object.values(FACT_AGGREGATES).flatMap((aggregates) =>
        Object.values(aggregates).map((aggregate) => [aggregate.name, aggregate.family]),
      ),
    );
    for (const name of MEASURE_NAMES) {
      const { family, aggregates, sampleSize, variance } = MEASURES[name];
      expect(sampleSize.family, name).toBe(family);
      for (const aggregate of [...aggregates, ...(variance?.aggregates ?? [])]) {
        expect(familyOf.get(aggregate) ?? family, `${name}: ${aggregate}`).toBe(family);
      }
    }
  });

  it("names, as an estimate's sample field, a count measure of the same family", () => {
    for (const name of MEASURE_NAMES) {
      const field = MEASURES[name].sample?.field;
      if (!field) continue;
      expect(MEASURE_NAMES, name).toContain(field);
      const counter = MEASURES[field as keyof typeof MEASURES];
      expect({ unit: counter.unit, family: counter.family }, name).toEqual({
        unit: 'count',
        family: MEASURES[name].family,
      });
    }
  });

  it('stores every additive aggregate in every rollup of its family, so a new measure needs no migration', () => {
    for (const rollup of ROLLUP_TABLES) {
      if (rollup.family === 'churn') continue;
      const additive = Object.values(FACT_AGGREGATES[rollup.family]).filter(
        (aggregate) => aggregate.additive,
      );
      expect(rollupAggregates(rollup.family), rollup.table).toEqual(additive.map(({ name }) => name));
    }
  });

  it('makes the headline measures, in catalogue order, the overview KPIs', () => {
    expect(OVERVIEW_KPIS).toEqual(MEASURE_NAMES.filter((name) => MEASURES[name].headline));
    expect(OVERVIEW_KPIS).toContain('nps');
    expect(OVERVIEW_KPIS).not.toContain('npsMarginOfError');
  });

  it('is what docs/concepts.md defines and docs/adding-a-measure.md quotes', () => {
    const table = text('../../docs/concepts.md').split('## Measures')[1]!.split('\n## ')[0]!;
    const documented = new Set(
      [...table.matchAll(/^\| ([^|]+)\|/gm)].flatMap(([, cell]) =>
        [...cell!.matchAll(/`(\w+)`/g)].map((m) => m[1]),
      ),
    );
    expect(MEASURE_NAMES.filter((name) => !documented.has(name))).toEqual([]);
    // The guide's example is the catalogue's own entry, verbatim.
    const example = /```ts\n([\s\S]*?)```/.exec(text('../../docs/adding-a-measure.md'))![1]!;
    expect(example).toMatch(/^ {2}passivesPct: measure\(/);
    expect(squeezed(text('../src/modules/metrics/measures.ts'))).toContain(squeezed(example));
  });
});

describe.each(DIALECTS)('the measure catalogue and the viewer on %s', (dialect) => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi(dialect, { config: { display: { minimumSample: 50, currency: 'EUR' } } });
  });
  afterAll(async () => {
    await api?.close();
  });

  it('tells clients how to present each measure, with the configured minimum sample and currency', async () => {
    const response = await api.graphql<{ measureCatalogue: Catalogue }>(CATALOGUE);
    expect(response.errors).toBeUndefined();
    const { minimumSample, currency, measures } = response.data!.measureCatalogue;
    expect({ minimumSample, currency }).toEqual({ minimumSample: 50, currency: 'EUR' });
    const byName = new Map(measures.map((m) => [m.name, m]));
    expect(byName.get('nps')).toMatchObject({
      label: 'NPS',
      unit: 'NPS_POINTS',
      decimals: 1,
      goodDirection: 'HIGHER',
      sampleNoun: 'responses',
      sampleField: 'npsResponses',
      minimumSample: 50,
      tooFewLabel: 'too few responses (under 50)',
    });
    expect(byName.get('churnRate')).toMatchObject({
      unit: 'PERCENT',
      goodDirection: 'LOWER',
      sampleField: null,
    });
    expect(byName.get('avgWaitSeconds')).toMatchObject({ unit: 'SECONDS', goodDirection: 'LOWER' });
    // Counts and sums are not estimates: no minimum sample.
    expect(byName.get('contacts')).toMatchObject({ unit: 'COUNT', minimumSample: null, tooFewLabel: null });
    expect(byName.get('revenueAtRisk')).toMatchObject({ unit: 'MONEY', minimumSample: null });
    expect(byName.get('trueDeflectionRate')?.description).toMatch(/72 hours/);
  });

  it('lists the mutations each role may run, so that clients show only usable buttons', async () => {
    const mutations = async (role: Role) =>
      (
        await api.graphql<{ viewer: { role: string; mutations: string[] } }>(
          '{ viewer { role mutations } }',
          {},
          { token: await api.createKey(role) },
        )
      ).data!.viewer.mutations;
    expect(await mutations(Role.EXECUTIVE)).toEqual([]);
    const admin = await mutations(Role.ADMIN);
    expect(admin).toEqual(expect.arrayContaining(['acknowledgeAlert', 'assignAlert', 'addAlertNote']));
    expect(admin).toEqual(expect.arrayContaining(['markLiveAgentPreference', 'clearLiveAgentPreference']));
    const ingest = await mutations(Role.INGEST);
    expect(ingest).toContain('clearLiveAgentPreference');
    expect(ingest).not.toContain('acknowledgeAlert');
  });
});
