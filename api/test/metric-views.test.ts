import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './support/api-server.js';
import { DIALECTS } from './support/databases.js';
import { ingestMetricsDataset } from './support/metrics-dataset.js';
import { ingestViewsDataset } from './support/views-dataset.js';

/*
 * Every expected value below is worked out by hand. channelSatisfaction and segmentPreferences read the
 * 2026 rows of support/metrics-dataset.ts (R = survey response, K = contact, S = session, C = customer);
 * overview and deflectionFunnel read the 2023-2024 rows of support/views-dataset.ts (V = customer, survey
 * batches by prefix, VK/KF = contact, VS/F = session), which never fall into the other's windows.
 */

const FEB = { from: '2026-02-01T00:00:00Z', to: '2026-03-01T00:00:00Z' };
const FEB_MAR = { from: '2026-02-01T00:00:00Z', to: '2026-04-01T00:00:00Z' };
const JUNE_2024 = { from: '2024-06-01T00:00:00Z', to: '2024-07-01T00:00:00Z' };
const SEPT_2024 = { from: '2024-09-01T00:00:00Z', to: '2024-10-01T00:00:00Z' };

/** Numbers match to 9 decimals (matchers given in `expected` as they are), everything else exactly. */
function near<T>(expected: T): T {
  if (typeof expected === 'number') return expect.closeTo(expected, 9) as T;
  if (Array.isArray(expected)) return expected.map(near) as T;
  if (expected && typeof expected === 'object' && !('asymmetricMatch' in expected))
    return Object.fromEntries(Object.entries(expected).map(([key, value]) => [key, near(value)])) as T;
  return expected;
}

/**
 * Two-sided normal p-values, erfc(|z| / √2), worked out apart from the API (Python's math.erfc) and
 * matched to 5e-7: the API's erf approximation is good to 1.2e-7.
 */
const pValue = (reference: number) => expect.closeTo(reference, 6);

const KPI = 'current previous delta deltaPct sampleSize previousSampleSize marginOfError significant pValue';
const OVERVIEW = `query ($filter: MetricFilter, $compare: Comparison) {
  overview(filter: $filter, compare: $compare) {
    window { from to } comparisonWindow { from to } compare
    nps { ${KPI} } avgCsat { ${KPI} } contacts { ${KPI} } fcrRate { ${KPI} }
    deflectionRate { ${KPI} } churnRate { ${KPI} } womReach { ${KPI} }
  }
}`;

/** A KPI without a significance test. */
const plain = (
  current: number | null,
  previous: number | null,
  sampleSize: number | null,
  previousSampleSize: number | null,
) => ({
  current,
  previous,
  delta: current !== null && previous !== null ? current - previous : null,
  sampleSize,
  previousSampleSize,
  marginOfError: null,
  significant: null,
  pValue: null,
});

describe.each(DIALECTS)('the metric views on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
    await ingestMetricsDataset(api);
    await ingestViewsDataset(api);
  });
  afterAll(async () => {
    await api?.close();
  });

  async function query(source: string, variables: Record<string, unknown>) {
    const response = await api.graphql(source, variables);
    expect(response.errors).toBeUndefined();
    return response.data!;
  }

  async function expectBadInput(source: string, variables: Record<string, unknown>, mention: RegExp) {
    const { data, errors } = await api.graphql(source, variables);
    expect(data).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors![0]!.message).toMatch(mention);
  }

  describe('overview', () => {
    it('compares June 2024 with the 30 days before it', async () => {
      const { overview } = await query(OVERVIEW, { filter: JUNE_2024, compare: 'PREVIOUS_PERIOD' });
      expect(overview).toEqual(
        near({
          window: { from: '2024-06-01T00:00:00.000Z', to: '2024-07-01T00:00:00.000Z' },
          // 30 days before: from May 2, so PX1 (May 1) is outside.
          comparisonWindow: { from: '2024-05-02T00:00:00.000Z', to: '2024-06-01T00:00:00.000Z' },
          compare: 'PREVIOUS_PERIOD',
          nps: {
            // Current NA1-6 NB1-4 promoters, NC1-6 passives, ND1-2 NE1-2 detractors (NX1 is on `to`):
            // p = 10/20, d = 4/20. Previous PA1-4 promoters, PB1-6 passives, PC PD PE detractors (10).
            current: (100 * (10 - 4)) / 20,
            previous: (100 * (4 - 10)) / 20,
            delta: 30 - -30,
            deltaPct: (100 * 60) / 30,
            sampleSize: 20,
            previousSampleSize: 20,
            // p + d - (p - d)² = 0.7 - 0.09 = 0.61 for both windows: variance 100² × 0.61 / 20 = 305.
            marginOfError: 1.96 * Math.sqrt(305),
            significant: true,
            // z = 60 / sqrt(305 + 305) = 2.42933 (table: Φ(2.43) = 0.99245, two-sided 0.0151).
            pValue: pValue(0.015126799117971651),
          },
          avgCsat: {
            // Current CA1-2 (5, 5), CB1 (4), CC1 (2); previous PF1 (3), PG1 (1).
            current: (5 + 5 + 4 + 2) / 4,
            previous: (3 + 1) / 2,
            delta: 4 - 2,
            deltaPct: (100 * 2) / 2,
            sampleSize: 4,
            previousSampleSize: 2,
            // s² = (1 + 1 + 0 + 4) / 3 = 2, s² / n = 0.5. Previous s² = (1 + 1) / 1 = 2, s² / n = 1.
            marginOfError: 1.96 * Math.sqrt(2 / 4),
            significant: false,
            // z = 2 / sqrt(0.5 + 1) = 1.63299 (table: Φ(1.63) = 0.94845, two-sided 0.1031).
            pValue: pValue(0.10247043485974938),
          },
          // VK1-VK4 against VK5 VK6.
          contacts: { ...plain(4, 2, 4, 2), deltaPct: (100 * 2) / 2 },
          // First-contact resolved: VK1 VK2 of 4 (VK4 unknown); VK5 VK6 of 2.
          fcrRate: { ...plain((100 * 2) / 4, (100 * 2) / 2, 4, 2), deltaPct: (100 * -50) / 100 },
          // Resolved VS1 VS2 VS4 of VS1-VS4; VS5 of VS5 VS6.
          deflectionRate: { ...plain((100 * 3) / 4, (100 * 1) / 2, 4, 2), deltaPct: (100 * 25) / 50 },
          // Active on June 1: V1-V5 (V6 churned May 20), V5 churns; on May 2: V1-V6, V6 churns.
          churnRate: {
            ...plain((100 * 1) / 5, (100 * 1) / 6, 5, 6),
            deltaPct: (100 * (20 - 100 / 6)) / (100 / 6),
          },
          // Current detractors V1 (social contact VK1 in June: 825) and V2 (12); previous V1 (12),
          // V2 (its detractors PD are about SOCIAL: 825) and V4 (12).
          womReach: { ...plain(825 + 12, 12 + 825 + 12, 2, 3), deltaPct: (100 * -12) / 849 },
        }),
      );
    });

    it('answers the former name csatAvg, deprecated, with the comparison of avgCsat', async () => {
      const { overview } = await query(
        `query ($filter: MetricFilter) { overview(filter: $filter, compare: PREVIOUS_PERIOD) {
          avgCsat { ${KPI} } csatAvg { ${KPI} } avgCes { current } cesAvg { current } } }`,
        { filter: JUNE_2024 },
      );
      expect(overview.avgCsat.sampleSize).toBeGreaterThan(0);
      expect(overview.csatAvg).toEqual(overview.avgCsat);
      expect(overview.cesAvg).toEqual(overview.avgCes);
    });

    it('compares with the same dates a year earlier', async () => {
      const { overview } = await query(OVERVIEW, { filter: JUNE_2024, compare: 'PREVIOUS_YEAR' });
      expect(overview).toMatchObject(
        near({
          comparisonWindow: { from: '2023-06-01T00:00:00.000Z', to: '2023-07-01T00:00:00.000Z' },
          compare: 'PREVIOUS_YEAR',
          nps: {
            // Previous YA1 promoter, YB1 detractor: NPS 0 (deltaPct null), p = d = 0.5, variance
            // 100² × 1 / 2 = 5000.
            current: 30,
            previous: 0,
            delta: 30,
            deltaPct: null,
            sampleSize: 20,
            previousSampleSize: 2,
            marginOfError: 1.96 * Math.sqrt(305),
            significant: false,
            // z = 30 / sqrt(305 + 5000) = 0.41189 (table: Φ(0.41) = 0.65910, two-sided 0.6818).
            pValue: pValue(0.6804219190401426),
          },
          // Previous YC1 alone: no variance, so no test; the current margin stands.
          avgCsat: {
            current: 4,
            previous: 4,
            delta: 0,
            deltaPct: 0,
            sampleSize: 4,
            previousSampleSize: 1,
            marginOfError: 1.96 * Math.sqrt(2 / 4),
            significant: null,
            pValue: null,
          },
          contacts: { ...plain(4, 1, 4, 1), deltaPct: (100 * 3) / 1 }, // VK7
          fcrRate: { ...plain(50, 0, 4, 1), deltaPct: null }, // VK7 not resolved first time
          deflectionRate: { current: 75, previous: null, delta: null, deltaPct: null, previousSampleSize: 0 }, // no session
          churnRate: { ...plain(20, 0, 5, 6), deltaPct: null }, // V1-V6 active on 2023-06-01, none churns
          womReach: { ...plain(837, 12, 2, 1), deltaPct: (100 * 825) / 12 }, // YB1 (V4)
        }),
      );
    });

    it('moves a window starting on February 29 to March 1 a year earlier', async () => {
      const { overview } = await query(
        'query ($filter: MetricFilter) { overview(filter: $filter, compare: PREVIOUS_YEAR) { comparisonWindow { from to } } }',
        { filter: { from: '2024-02-29T00:00:00Z', to: '2024-03-29T00:00:00Z' } },
      );
      expect(overview.comparisonWindow).toEqual({
        from: '2023-03-01T00:00:00.000Z',
        to: '2023-03-29T00:00:00.000Z',
      });
    });

    it('applies a channel filter to nps and contacts and ignores it for deflectionRate and womReach', async () => {
      const { overview } = await query(OVERVIEW, { filter: { ...JUNE_2024, channels: ['PHONE'] } });
      expect(overview).toMatchObject(
        near({
          // PHONE: current NA1-6 promoters, ND1-2 detractors; previous PA1-4 promoters, PC1-4 detractors.
          nps: {
            current: (100 * (6 - 2)) / 8,
            previous: (100 * (4 - 4)) / 8,
            sampleSize: 8,
            previousSampleSize: 8,
          },
          contacts: { current: 2, previous: 1 }, // VK2 VK3; VK5
          deflectionRate: { current: 75, previous: 50, sampleSize: 4 },
          womReach: { current: 837, previous: 849 },
        }),
      );
    });
  });

  describe('channelSatisfaction', () => {
    const CHANNELS = `query ($filter: MetricFilter, $grain: TimeGrain) {
      channelSatisfaction(filter: $filter, grain: $grain) {
        channel nps npsMarginOfError npsResponses avgCsat csatResponses avgCes cesResponses
        contacts fcrRate avgWaitSeconds trend { period npsResponses nps avgCsat avgCes contacts }
      }
    }`;
    const FEB_1 = '2026-02-01T00:00:00.000Z';
    const MAR_1 = '2026-03-01T00:00:00.000Z';
    /** A trend point; fields the test does not set are null. */
    const point = (period: string, values: Record<string, number> = {}) => ({
      period,
      npsResponses: null,
      nps: null,
      avgCsat: null,
      avgCes: null,
      contacts: null,
      ...values,
    });
    const noSurveys = {
      nps: null,
      npsMarginOfError: null,
      npsResponses: null,
      avgCsat: null,
      csatResponses: null,
      avgCes: null,
      cesResponses: null,
    };

    it('gives every channel in enum order, with totals and a monthly trend', async () => {
      const { channelSatisfaction } = await query(CHANNELS, { filter: FEB_MAR });
      expect(channelSatisfaction).toEqual(
        near([
          {
            // NPS R1 (10) R3 (8) R7 (0): p = d = 1/3. CSAT R9, CES R14. K1 K2 K5 (waits 60 120 90).
            channel: 'PHONE',
            nps: 0,
            npsMarginOfError: 1.96 * 100 * Math.sqrt(2 / 3 / 3),
            npsResponses: 3,
            avgCsat: 5,
            csatResponses: 1,
            avgCes: 6,
            cesResponses: 1,
            contacts: 3,
            fcrRate: (100 * 2) / 3, // K1 K5
            avgWaitSeconds: (60 + 120 + 90) / 3,
            trend: [
              // February R1 R3 (p = 1/2, d = 0), R9, R14, K1 K2 K5; March R7.
              point(FEB_1, { npsResponses: 2, nps: 50, avgCsat: 5, avgCes: 6, contacts: 3 }),
              point(MAR_1, { npsResponses: 1, nps: -100 }),
            ],
          },
          {
            // NPS R2 R8 (promoters: p = 1, margin 0), CSAT R10, CES R15; K4 K6 (waits 30 10).
            channel: 'CHAT',
            nps: 100,
            npsMarginOfError: 0,
            npsResponses: 2,
            avgCsat: 4,
            csatResponses: 1,
            avgCes: 3,
            cesResponses: 1,
            contacts: 2,
            fcrRate: (100 * 1) / 2, // K4
            avgWaitSeconds: (30 + 10) / 2,
            trend: [
              point(FEB_1, { npsResponses: 1, nps: 100, avgCsat: 4, contacts: 2 }), // R2 R10 K4 K6
              point(MAR_1, { npsResponses: 1, nps: 100, avgCes: 3 }), // R8 R15
            ],
          },
          {
            // NPS R6 (passive), CSAT R13 (2026-03-01T23:30Z); K3 K7, no wait, FCR unknown.
            channel: 'EMAIL',
            nps: 0,
            npsMarginOfError: 0,
            npsResponses: 1,
            avgCsat: 3,
            csatResponses: 1,
            avgCes: null,
            cesResponses: null,
            contacts: 2,
            fcrRate: 0,
            avgWaitSeconds: null,
            trend: [
              point(FEB_1, { contacts: 1 }), // K3
              point(MAR_1, { npsResponses: 1, nps: 0, avgCsat: 3, contacts: 1 }), // R6 R13 K7
            ],
          },
          {
            // NPS R4 (3; 2026-02-28T23:30Z), CSAT R12, CES R16; K8.
            channel: 'SOCIAL',
            nps: -100,
            npsMarginOfError: 0,
            npsResponses: 1,
            avgCsat: 1,
            csatResponses: 1,
            avgCes: 7,
            cesResponses: 1,
            contacts: 1,
            fcrRate: 0,
            avgWaitSeconds: null,
            trend: [
              point(FEB_1, { npsResponses: 1, nps: -100 }), // R4
              point(MAR_1, { avgCsat: 1, avgCes: 7, contacts: 1 }), // R12 R16 K8
            ],
          },
          // K9 (2026-03-01T23:30Z, wait 20), no surveys.
          {
            channel: 'VIDEO',
            ...noSurveys,
            contacts: 1,
            fcrRate: 100,
            avgWaitSeconds: 20,
            trend: [point(MAR_1, { contacts: 1 })],
          },
          // K10 (wait 0), no surveys.
          {
            channel: 'IN_PERSON',
            ...noSurveys,
            contacts: 1,
            fcrRate: 100,
            avgWaitSeconds: 0,
            trend: [point(MAR_1, { contacts: 1 })],
          },
        ]),
      );
    });

    it('keeps only the filtered channels, in enum order, with a weekly trend', async () => {
      const { channelSatisfaction } = await query(CHANNELS, {
        filter: { ...FEB_MAR, channels: ['SOCIAL', 'EMAIL'] },
        grain: 'WEEK',
      });
      expect(channelSatisfaction.map((row: { channel: string }) => row.channel)).toEqual(['EMAIL', 'SOCIAL']);
      expect(channelSatisfaction.map((row: { trend: unknown }) => row.trend)).toEqual(
        near([
          [
            point('2026-02-16T00:00:00.000Z', { contacts: 1 }), // K3
            point('2026-02-23T00:00:00.000Z', { avgCsat: 3 }), // R13, Sunday 2026-03-01T23:30Z
            point('2026-03-02T00:00:00.000Z', { npsResponses: 1, nps: 0, contacts: 1 }), // R6 K7
          ],
          [
            point('2026-02-23T00:00:00.000Z', { npsResponses: 1, nps: -100 }), // R4
            point('2026-03-02T00:00:00.000Z', { avgCsat: 1, avgCes: 7, contacts: 1 }), // R12 R16 K8
          ],
        ]),
      );
    });
  });

  describe('segmentPreferences', () => {
    const SEGMENTS = `query ($filter: MetricFilter, $generations: [Generation!]) {
      segmentPreferences(filter: $filter, generations: $generations) {
        generation interactingCustomers selfServiceAdoptionPct liveAgentPreferencePct selfServiceSharePct
        contacts selfServiceSessions deflectionRate backfireRate nps npsResponses avgCsat avgCes churnRate
        channels { channel contactSharePct contacts nps avgCsat fcrRate }
      }
    }`;
    /** A channel of the mix; fields the test does not set are null. */
    const mix = (channel: string, contactSharePct: number, values: Record<string, number> = {}) => ({
      channel,
      contactSharePct,
      contacts: null,
      nps: null,
      avgCsat: null,
      fcrRate: null,
      ...values,
    });

    it('compares Boomers and Millennials by default, in that order', async () => {
      const { segmentPreferences } = await query(SEGMENTS, { filter: FEB });
      expect(segmentPreferences).toEqual(
        near([
          {
            // C1 (C9 has nothing in February): contacts K1 K2 (PHONE) K3 (EMAIL), no session.
            generation: 'BOOMER',
            interactingCustomers: 1,
            selfServiceAdoptionPct: 0,
            liveAgentPreferencePct: 100,
            selfServiceSharePct: 0,
            contacts: 3,
            selfServiceSessions: null,
            deflectionRate: null,
            backfireRate: null,
            nps: 100, // R1
            npsResponses: 1,
            avgCsat: 5, // R9
            avgCes: 6, // R14
            churnRate: 0, // C1 active on Feb 1 (C9 signs up Feb 28), no one churns
            channels: [
              mix('PHONE', (100 * 2) / 3, { contacts: 2, nps: 100, avgCsat: 5, fcrRate: 50 }), // K1 K2 R1 R9
              mix('CHAT', 0),
              mix('EMAIL', (100 * 1) / 3, { contacts: 1, fcrRate: 0 }), // K3
              mix('SOCIAL', 0),
              mix('VIDEO', 0),
              mix('IN_PERSON', 0),
            ],
          },
          {
            // C2 (C6 and C8 have nothing): contacts K4 (CHAT) K5 (PHONE), sessions S2 (resolved)
            // S7 (escalated, no backfire).
            generation: 'MILLENNIAL',
            interactingCustomers: 1,
            selfServiceAdoptionPct: 100,
            liveAgentPreferencePct: 0,
            selfServiceSharePct: (100 * 2) / (2 + 2),
            contacts: 2,
            selfServiceSessions: 2,
            deflectionRate: (100 * 1) / 2,
            backfireRate: 0,
            nps: 100, // R2
            npsResponses: 1,
            avgCsat: 4, // R10
            avgCes: null, // R15 is in March
            churnRate: (100 * 1) / 2, // C2 C6 active on Feb 1 (C8 signs up Feb 15), C6 churns Feb 10
            channels: [
              mix('PHONE', (100 * 1) / 2, { contacts: 1, fcrRate: 100 }), // K5
              mix('CHAT', (100 * 1) / 2, { contacts: 1, nps: 100, avgCsat: 4, fcrRate: 100 }), // K4 R2 R10
              mix('EMAIL', 0),
              mix('SOCIAL', 0),
              mix('VIDEO', 0),
              mix('IN_PERSON', 0),
            ],
          },
        ]),
      );
      for (const segment of segmentPreferences as { channels: { contactSharePct: number }[] }[]) {
        const shares = segment.channels.reduce((sum, channel) => sum + channel.contactSharePct, 0);
        expect(shares).toBeCloseTo(100, 9);
      }
    });

    it('gives churnRate null without from, in the order of the generations given', async () => {
      const { segmentPreferences } = await query(SEGMENTS, {
        filter: { to: FEB.to },
        generations: ['MILLENNIAL', 'BOOMER'],
      });
      expect(
        segmentPreferences.map(({ generation, churnRate }: Record<string, unknown>) => ({
          generation,
          churnRate,
        })),
      ).toEqual([
        { generation: 'MILLENNIAL', churnRate: null },
        { generation: 'BOOMER', churnRate: null },
      ]);
    });

    it('refuses an empty list of generations as BAD_USER_INPUT', async () => {
      await expectBadInput(SEGMENTS, { filter: FEB, generations: [] }, /generations/);
    });
  });

  describe('deflectionFunnel', () => {
    const STAGES =
      'sessions engagedSessions resolvedSessions trulyDeflectedSessions abandonedSessions escalatedSessions ' +
      'escalationResolvedSessions backfiredSessions';
    const FUNNEL = `query ($filter: MetricFilter) {
      deflectionFunnel(filter: $filter) {
        entry ${STAGES} deflectionRate trueDeflectionRate selfServiceEscalationRate backfireRate
        npsAfterEscalation npsResponsesAfterEscalation csatAfterEscalation csatResponsesAfterEscalation
      }
    }`;
    /** The stage counts, in the order of STAGES. */
    const stages = (...counts: number[]) =>
      Object.fromEntries(STAGES.split(' ').map((stage, i) => [stage, counts[i]]));

    it('gives all entry points first, then each entry point with sessions in enum order', async () => {
      const { deflectionFunnel } = await query(FUNNEL, { filter: SEPT_2024 });
      expect(deflectionFunnel).toEqual(
        near([
          {
            // F1-F6. Engaged F1 F4 F5 F6; resolved F1 F2 (F2 followed by KF4 within 72 h); abandoned F3;
            // escalated F4 F5 F6, resolved by KF1 (F4's escalatedContactId) and KF2 (names F5), not KF3;
            // backfired F5 (FD, NPS 2 exactly 7 days later) and F6 (FF, CSAT 2).
            entry: null,
            ...stages(6, 4, 2, 1, 1, 3, 2, 2),
            deflectionRate: (100 * 2) / 6,
            trueDeflectionRate: (100 * 1) / 6,
            selfServiceEscalationRate: (100 * 3) / 6,
            backfireRate: (100 * 2) / 3,
            // NPS after escalation: FC (10, after F4) and FD (2, after F5); FA came before F4.
            npsAfterEscalation: (100 * (1 - 1)) / 2,
            npsResponsesAfterEscalation: 2,
            // CSAT after escalation: FB (5, after F4) and FF (2, after F6); FE is 7 days and 1 s after F5.
            csatAfterEscalation: (5 + 2) / 2,
            csatResponsesAfterEscalation: 2,
          },
          {
            entry: 'FAQ', // F1 F2 F3
            ...stages(3, 1, 2, 1, 1, 0, 0, 0),
            deflectionRate: (100 * 2) / 3,
            trueDeflectionRate: (100 * 1) / 3,
            selfServiceEscalationRate: 0,
            backfireRate: null,
            npsAfterEscalation: null,
            npsResponsesAfterEscalation: 0,
            csatAfterEscalation: null,
            csatResponsesAfterEscalation: 0,
          },
          {
            entry: 'CHATBOT', // F4 F5
            ...stages(2, 2, 0, 0, 0, 2, 2, 1),
            deflectionRate: 0,
            trueDeflectionRate: 0,
            selfServiceEscalationRate: 100,
            backfireRate: (100 * 1) / 2,
            npsAfterEscalation: (100 * (1 - 1)) / 2, // FC FD
            npsResponsesAfterEscalation: 2,
            csatAfterEscalation: 5, // FB
            csatResponsesAfterEscalation: 1,
          },
          {
            entry: 'IVR', // F6
            ...stages(1, 1, 0, 0, 0, 1, 0, 1),
            deflectionRate: 0,
            trueDeflectionRate: 0,
            selfServiceEscalationRate: 100,
            backfireRate: 100,
            npsAfterEscalation: null,
            npsResponsesAfterEscalation: 0,
            csatAfterEscalation: 2, // FF
            csatResponsesAfterEscalation: 1,
          },
        ]),
      );
    });

    it('refuses a channels filter as BAD_USER_INPUT', async () => {
      await expectBadInput(FUNNEL, { filter: { ...SEPT_2024, channels: ['PHONE'] } }, /channels/);
    });
  });
});
