import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
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
