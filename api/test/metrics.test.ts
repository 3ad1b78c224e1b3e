import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from './support/api-server.js';
import { DIALECTS } from './support/databases.js';
import { ingestMetricsDataset } from './support/metrics-dataset.js';

/*
 * Every expected value below is worked out by hand from the rows of support/metrics-dataset.ts (R = survey
 * response, K = contact, S = self-service session, C = customer), following the metrics query's contract.
 */

/** February and March 2026, the window of most tests. */
const FEB_MAR = { from: '2026-02-01T00:00:00Z', to: '2026-04-01T00:00:00Z' };

interface MetricsArgs {
  dimensions?: string[];
  grain?: string;
  filter?: Record<string, unknown>;
}
type Row = Record<string, string | number | null>;

const METRICS = (select: string) =>
  `query ($dimensions: [Dimension!], $grain: TimeGrain, $filter: MetricFilter) {
    metrics(dimensions: $dimensions, grain: $grain, filter: $filter) { ${select} }
  }`;

/** Numbers match to 9 decimals, everything else exactly; row order counts. */
const near = (rows: Row[]) =>
  rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => [
        key,
        typeof value === 'number' ? expect.closeTo(value, 9) : value,
      ]),
    ),
  );

describe.each(DIALECTS)('the metrics query on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
    await ingestMetricsDataset(api);
  });
  afterAll(async () => {
    await api?.close();
  });

  async function metrics(args: MetricsArgs, select: string): Promise<Row[]> {
    const response = await api.graphql(METRICS(select), { ...args });
    expect(response.errors).toBeUndefined();
    return response.data!.metrics;
  }

  /** Selects the fields of the first expected row and compares the whole answer. */
  async function expectMetrics(args: MetricsArgs, expected: Row[]) {
    expect(await metrics(args, Object.keys(expected[0]!).join(' '))).toEqual(near(expected));
  }

  async function expectBadInput(args: MetricsArgs, select: string, ...mentions: RegExp[]) {
    const { data, errors } = await api.graphql(METRICS(select), { ...args });
    expect(data).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors![0]!.extensions?.code).toBe('BAD_USER_INPUT');
    for (const mention of mentions) expect(errors![0]!.message).toMatch(mention);
  }

  it('answers the former names csatAvg and cesAvg, deprecated, with the values of avgCsat and avgCes', async () => {
    // CSAT R9..R13 scored 5 4 2 1 3; CES R14..R16 scored 6 3 7.
    await expectMetrics({ filter: FEB_MAR }, [{ csatAvg: (5 + 4 + 2 + 1 + 3) / 5, cesAvg: (6 + 3 + 7) / 3 }]);
    const byChannel = await metrics(
      { filter: FEB_MAR, dimensions: ['CHANNEL'] },
      'channel avgCsat csatAvg avgCes cesAvg',
    );
    expect(byChannel.length).toBeGreaterThan(1);
    for (const row of byChannel) {
      expect(row.csatAvg, String(row.channel)).toBe(row.avgCsat);
      expect(row.cesAvg, String(row.channel)).toBe(row.avgCes);
    }
    const { data } = await api.graphql<{ __type: { fields: { name: string; deprecationReason: string }[] } }>(
      '{ __type(name: "MetricRow") { fields(includeDeprecated: true) { name deprecationReason } } }',
    );
    expect(data!.__type.fields.filter((field) => field.deprecationReason)).toEqual([
      { name: 'cesAvg', deprecationReason: 'Use avgCes.' },
      { name: 'csatAvg', deprecationReason: 'Use avgCsat.' },
    ]);
  });

  it('computes every measure over a window, without dimensions', async () => {
    await expectMetrics({ filter: FEB_MAR }, [
      {
        period: null,
        channel: null,
        generation: null,
        region: null,
        tier: null,
        reason: null,
        entry: null,
        // NPS R1..R8, R17: promoters R1 R2 R8, passives R3 R6, detractors R4 R5 R7 R17.
        nps: (100 * (3 - 4)) / 9,
        // p = 3/9, d = 4/9: p + d - (p - d)² = 7/9 - 1/81 = 62/81, over n = 9.
        npsMarginOfError: 1.96 * 100 * Math.sqrt(62 / 81 / 9),
        npsResponses: 9,
        promotersPct: (100 * 3) / 9,
        detractorsPct: (100 * 4) / 9,
        // Passives R3 R6.
        passivesPct: (100 * 2) / 9,
        // CSAT R9..R13 scored 5 4 2 1 3; top-2: R9 R10.
        avgCsat: (5 + 4 + 2 + 1 + 3) / 5,
        csatTop2Pct: (100 * 2) / 5,
        csatResponses: 5,
        // CES R14..R16.
        avgCes: (6 + 3 + 7) / 3,
        cesResponses: 3,
        // K1..K10 (K11 is in April).
        contacts: 10,
        // Handle of K1 K2 K3 K5 K6 K8 K9 K10; K4 and K7 have none.
        avgHandleSeconds: (300 + 600 + 200 + 400 + 100 + 500 + 250 + 900) / 8,
        // Wait of K1 K2 K4 K5 K6 K9 K10; K3 K7 K8 have none.
        avgWaitSeconds: (60 + 120 + 30 + 90 + 10 + 20 + 0) / 7,
        // FCR true: K1 K4 K5 K9 K10 (false or null counts as not resolved first time).
        fcrRate: (100 * 5) / 10,
        // Escalated: K2 K8.
        escalationRate: (100 * 2) / 10,
        // Repeats: K1 (K2 at exactly 7 d), K4 (K5, another channel), K6 (K7).
        repeatContactRate: (100 * 3) / 10,
        // S1..S9: resolved S1 S2 S3, abandoned S4 S9, escalated S5 S6 S7 S8.
        selfServiceSessions: 9,
        deflectionRate: (100 * 3) / 9,
        // S2 and S3; S1 was followed by K6 at exactly 72 h.
        trueDeflectionRate: (100 * 2) / 9,
        selfServiceEscalationRate: (100 * 4) / 9,
        // S5 (R7 NPS 0) and S6 (R11 CSAT 2 at exactly 7 d); not S7 (R5 at 7 d + 1 s) nor S8 (R12 before it).
        backfireRate: (100 * 2) / 4,
        // Detractors C4 (R4, on social), C2 (R5; social contact K8), C1 (R7 R17; social only in April).
        womReach: 825 + 825 + 12,
        // Active on 02-01: C1..C7 (C8 and C9 signed up later); churned in the window: C6 C7 C8.
        churnRate: (100 * 3) / 7,
        revenueAtRisk: null,
      },
    ]);
  });

  it('follows a customer outside the window: repeat contacts, true deflection, backfire', async () => {
    // K6 only; its repeat K7 (03-03) lies after the window.
    await expectMetrics({ filter: { from: '2026-02-27T00:00:00Z', to: '2026-03-01T00:00:00Z' } }, [
      { contacts: 1, repeatContactRate: (100 * 1) / 1 },
    ]);
    // S1 (resolved, followed by K6 on 02-27) and S7 (escalated, no backfire).
    await expectMetrics({ filter: { from: '2026-02-24T00:00:00Z', to: '2026-02-25T00:00:00Z' } }, [
      {
        selfServiceSessions: 2,
        deflectionRate: (100 * 1) / 2,
        trueDeflectionRate: (100 * 0) / 2,
        backfireRate: 0,
      },
    ]);
    // S3 (truly deflected) and S5 (escalated, backfired by R7 on 03-05).
    await expectMetrics({ filter: { from: '2026-03-01T00:00:00Z', to: '2026-03-02T00:00:00Z' } }, [
      { selfServiceSessions: 2, trueDeflectionRate: (100 * 1) / 2, backfireRate: (100 * 1) / 1 },
    ]);
  });

  it('looks for social use within the window only, and counts each detractor once', async () => {
    // No window: C1's social contact K11 (April) now counts; C1's two detractor responses still count once.
    await expectMetrics({}, [{ womReach: 825 + 825 + 825 }]);
  });

  describe('one dimension', () => {
    it('CHANNEL of surveys: the channel answered about, no channel last', async () => {
      await expectMetrics({ dimensions: ['CHANNEL'], filter: FEB_MAR }, [
        // R1 10, R3 8, R7 0 | CSAT R9 5
        { channel: 'PHONE', nps: (100 * (1 - 1)) / 3, npsResponses: 3, avgCsat: 5 },
        // R2 9, R8 10 | R10 4
        { channel: 'CHAT', nps: (100 * (2 - 0)) / 2, npsResponses: 2, avgCsat: 4 },
        // R6 7 | R13 3
        { channel: 'EMAIL', nps: (100 * (0 - 0)) / 1, npsResponses: 1, avgCsat: 3 },
        // R4 3 | R12 1
        { channel: 'SOCIAL', nps: (100 * (0 - 1)) / 1, npsResponses: 1, avgCsat: 1 },
        // R5 6, R17 5 | R11 2
        { channel: null, nps: (100 * (0 - 2)) / 2, npsResponses: 2, avgCsat: 2 },
      ]);
    });

    it('CHANNEL of contacts, in the enum order', async () => {
      await expectMetrics({ dimensions: ['CHANNEL'], filter: FEB_MAR }, [
        { channel: 'PHONE', contacts: 3, avgHandleSeconds: (300 + 600 + 400) / 3 }, // K1 K2 K5
        { channel: 'CHAT', contacts: 2, avgHandleSeconds: 100 / 1 }, // K4 (no handle) K6
        { channel: 'EMAIL', contacts: 2, avgHandleSeconds: 200 / 1 }, // K3, K7 (no handle)
        { channel: 'SOCIAL', contacts: 1, avgHandleSeconds: 500 }, // K8
        { channel: 'VIDEO', contacts: 1, avgHandleSeconds: 250 }, // K9
        { channel: 'IN_PERSON', contacts: 1, avgHandleSeconds: 900 }, // K10
      ]);
    });

    it('GENERATION of self-service, with null backfire where nobody escalated', async () => {
      await expectMetrics({ dimensions: ['GENERATION'], filter: FEB_MAR }, [
        // C5: S3 resolved, truly deflected.
        {
          generation: 'SILENT',
          selfServiceSessions: 1,
          deflectionRate: 100,
          trueDeflectionRate: 100,
          backfireRate: null,
        },
        // C1: S5 escalated (backfired), S9 abandoned.
        {
          generation: 'BOOMER',
          selfServiceSessions: 2,
          deflectionRate: 0,
          trueDeflectionRate: 0,
          backfireRate: (100 * 1) / 1,
        },
        // C3: S1 resolved (K6 at 72 h), S6 escalated (backfired).
        {
          generation: 'GEN_X',
          selfServiceSessions: 2,
          deflectionRate: (100 * 1) / 2,
          trueDeflectionRate: 0,
          backfireRate: (100 * 1) / 1,
        },
        // C2: S2 resolved (truly deflected), S7 escalated (no backfire).
        {
          generation: 'MILLENNIAL',
          selfServiceSessions: 2,
          deflectionRate: (100 * 1) / 2,
          trueDeflectionRate: (100 * 1) / 2,
          backfireRate: 0,
        },
        // C4: S4 abandoned, S8 escalated (no backfire).
        {
          generation: 'GEN_Z',
          selfServiceSessions: 2,
          deflectionRate: 0,
          trueDeflectionRate: 0,
          backfireRate: 0,
        },
      ]);
    });

    it('GENERATION of churn: churned in the window over active at its start', async () => {
      await expectMetrics({ dimensions: ['GENERATION'], filter: FEB_MAR }, [
        { generation: 'SILENT', churnRate: (100 * 0) / 1 }, // C5
        { generation: 'BOOMER', churnRate: (100 * 0) / 1 }, // C1; C9 signed up after 02-01
        { generation: 'GEN_X', churnRate: (100 * 1) / 2 }, // C3 C7, C7 churned
        // Active on 02-01: C2 C6; churned in the window: C6 and C8 (who signed up on 02-15).
        { generation: 'MILLENNIAL', churnRate: (100 * 2) / 2 },
        { generation: 'GEN_Z', churnRate: (100 * 0) / 1 }, // C4
      ]);
    });

    it('REGION of contacts, by code point, no region last', async () => {
      await expectMetrics({ dimensions: ['REGION'], filter: FEB_MAR }, [
        // C5: K10.
        { region: 'South', contacts: 1, fcrRate: 100, repeatContactRate: 0 },
        // C1: K1 (FCR, repeat) K2 K3, C3: K6 (repeat) K7.
        { region: 'north', contacts: 5, fcrRate: (100 * 1) / 5, repeatContactRate: (100 * 2) / 5 },
        // C2: K4 (FCR, repeat) K5 (FCR) K8.
        { region: 'south', contacts: 3, fcrRate: (100 * 2) / 3, repeatContactRate: (100 * 1) / 3 },
        // C4: K9 (FCR).
        { region: null, contacts: 1, fcrRate: 100, repeatContactRate: 0 },
      ]);
    });

    it('REGION of churn', async () => {
      await expectMetrics({ dimensions: ['REGION'], filter: FEB_MAR }, [
        { region: 'South', churnRate: (100 * 0) / 1 }, // C5
        { region: 'north', churnRate: (100 * 1) / 3 }, // active C1 C3 C6 (not C9), C6 churned
        { region: 'south', churnRate: (100 * 1) / 2 }, // C2 C7, C7 churned
        { region: null, churnRate: (100 * 1) / 1 }, // active C4 (not C8), C8 churned
      ]);
    });

    it('TIER of surveys, no tier last', async () => {
      await expectMetrics({ dimensions: ['TIER'], filter: FEB_MAR }, [
        // C2 C3: CSAT R10 4, R11 2; CES R15 3.
        { tier: 'STANDARD', avgCsat: (4 + 2) / 2, csatTop2Pct: (100 * 1) / 2, avgCes: 3 },
        // C1 C5: CSAT R9 5, R13 3; CES R14 6.
        { tier: 'VIP', avgCsat: (5 + 3) / 2, csatTop2Pct: (100 * 1) / 2, avgCes: 6 },
        // C4: CSAT R12 1; CES R16 7.
        { tier: null, avgCsat: 1, csatTop2Pct: (100 * 0) / 1, avgCes: 7 },
      ]);
    });

    it('TIER of womReach', async () => {
      await expectMetrics({ dimensions: ['TIER'], filter: FEB_MAR }, [
        { tier: 'STANDARD', womReach: 825 }, // C2: social contact K8
        { tier: 'VIP', womReach: 12 }, // C1: no social use in the window
        { tier: null, womReach: 825 }, // C4: social survey R4
      ]);
    });

    it('REASON of contacts, no reason last', async () => {
      await expectMetrics({ dimensions: ['REASON'], filter: FEB_MAR }, [
        // K1 K2 K3 K7 K10: waits 60 120 - - 0; K2 escalated.
        { reason: 'billing', contacts: 5, avgWaitSeconds: (60 + 120 + 0) / 3, escalationRate: (100 * 1) / 5 },
        // K8: no wait, escalated.
        { reason: 'complaint', contacts: 1, avgWaitSeconds: null, escalationRate: 100 },
        // K4 K5 K9.
        { reason: 'delivery', contacts: 3, avgWaitSeconds: (30 + 90 + 20) / 3, escalationRate: 0 },
        // K6.
        { reason: null, contacts: 1, avgWaitSeconds: 10, escalationRate: 0 },
      ]);
    });

    it('ENTRY of self-service, in the enum order', async () => {
      await expectMetrics({ dimensions: ['ENTRY'], filter: FEB_MAR }, [
        // S1 resolved (not truly), S7 escalated.
        {
          entry: 'FAQ',
          selfServiceSessions: 2,
          deflectionRate: (100 * 1) / 2,
          trueDeflectionRate: 0,
          selfServiceEscalationRate: (100 * 1) / 2,
          backfireRate: 0,
        },
        // S2 resolved, truly.
        {
          entry: 'KNOWLEDGE_BASE',
          selfServiceSessions: 1,
          deflectionRate: 100,
          trueDeflectionRate: 100,
          selfServiceEscalationRate: 0,
          backfireRate: null,
        },
        // S3 resolved (truly), S4 abandoned, S6 escalated (backfired).
        {
          entry: 'CHATBOT',
          selfServiceSessions: 3,
          deflectionRate: (100 * 1) / 3,
          trueDeflectionRate: (100 * 1) / 3,
          selfServiceEscalationRate: (100 * 1) / 3,
          backfireRate: 100,
        },
        // S5 (backfired), S8, both escalated.
        {
          entry: 'IVR',
          selfServiceSessions: 2,
          deflectionRate: 0,
          trueDeflectionRate: 0,
          selfServiceEscalationRate: 100,
          backfireRate: (100 * 1) / 2,
        },
        // S9 abandoned.
        {
          entry: 'COMMUNITY',
          selfServiceSessions: 1,
          deflectionRate: 0,
          trueDeflectionRate: 0,
          selfServiceEscalationRate: 0,
          backfireRate: null,
        },
      ]);
    });
  });

  it('groups by two dimensions in the order requested', async () => {
    await expectMetrics({ dimensions: ['REASON', 'CHANNEL'], filter: FEB_MAR }, [
      { reason: 'billing', channel: 'PHONE', contacts: 2 }, // K1 K2
      { reason: 'billing', channel: 'EMAIL', contacts: 2 }, // K3 K7
      { reason: 'billing', channel: 'IN_PERSON', contacts: 1 }, // K10
      { reason: 'complaint', channel: 'SOCIAL', contacts: 1 }, // K8
      { reason: 'delivery', channel: 'PHONE', contacts: 1 }, // K5
      { reason: 'delivery', channel: 'CHAT', contacts: 1 }, // K4
      { reason: 'delivery', channel: 'VIDEO', contacts: 1 }, // K9
      { reason: null, channel: 'CHAT', contacts: 1 }, // K6
    ]);
  });

  describe('grains', () => {
    it('DAY: UTC days, with a row for a day that has data for any selected measure', async () => {
      await expectMetrics(
        { grain: 'DAY', filter: { from: '2026-02-28T00:00:00Z', to: '2026-03-03T00:00:00Z' } },
        [
          // R4, answered 03-01 00:30 at +01:00.
          { period: '2026-02-28T00:00:00.000Z', npsResponses: 1, csatResponses: null },
          // R13, answered 03-02 00:30 at +01:00.
          { period: '2026-03-01T00:00:00.000Z', npsResponses: null, csatResponses: 1 },
          // R6, answered 03-01 23:30 at -02:00.
          { period: '2026-03-02T00:00:00.000Z', npsResponses: 1, csatResponses: null },
        ],
      );
    });

    it('WEEK: ISO weeks from Monday 00:00 UTC', async () => {
      await expectMetrics(
        { grain: 'WEEK', filter: { from: '2026-02-23T00:00:00Z', to: '2026-03-09T00:00:00Z' } },
        [
          // NPS R4 (Saturday 23:30 UTC); contacts K6 and K9 (Sunday 23:30 UTC, Monday at +01:00).
          { period: '2026-02-23T00:00:00.000Z', npsResponses: 1, nps: (100 * (0 - 1)) / 1, contacts: 2 },
          // NPS R5 6, R6 7 (Monday 01:30 UTC, Sunday at -02:00), R7 0; R8 (03-09) is after `to`; K7 K8 K10.
          { period: '2026-03-02T00:00:00.000Z', npsResponses: 3, nps: (100 * (0 - 2)) / 3, contacts: 3 },
        ],
      );
    });

    it('MONTH: each family in its own month, an offset timestamp in the month before', async () => {
      await expectMetrics({ grain: 'MONTH', filter: FEB_MAR }, [
        {
          period: '2026-02-01T00:00:00.000Z',
          // R1 10, R2 9, R3 8, R4 3 (2026-03-01 00:30 at +01:00).
          npsResponses: 4,
          nps: (100 * (2 - 1)) / 4,
          contacts: 6, // K1..K6
          selfServiceSessions: 5, // S1 S2 S4 S6 S7
          womReach: 825, // C4 (R4 on social)
          churnRate: (100 * 2) / 7, // active C1..C7; churned C6, C7 (02-28 23:30 UTC)
        },
        {
          period: '2026-03-01T00:00:00.000Z',
          // R5 6, R6 7, R7 0, R8 10, R17 5.
          npsResponses: 5,
          nps: (100 * (1 - 3)) / 5,
          contacts: 4, // K7 K8 K9 K10
          selfServiceSessions: 4, // S3 S5 S8 S9
          womReach: 825 + 12, // C2 (social contact K8), C1 (none in March)
          churnRate: (100 * 1) / 7, // active C1..C5, C8, C9 (signed up 02-28 23:30 UTC); C8 churned
        },
      ]);
    });

    it('QUARTER: quarters from January, April, July, October 1st', async () => {
      await expectMetrics({ grain: 'QUARTER' }, [
        { period: '2026-01-01T00:00:00.000Z', contacts: 10 }, // K1..K10
        { period: '2026-04-01T00:00:00.000Z', contacts: 1 }, // K11
      ]);
    });

    it('YEAR: an offset timestamp on either side of New Year', async () => {
      await expectMetrics({ grain: 'YEAR' }, [
        // R19 (2026-01-01 00:30 at +02:00).
        { period: '2025-01-01T00:00:00.000Z', npsResponses: 1, csatResponses: null },
        // NPS R1..R8 R17; CSAT R9..R13 and R18 (2025-12-31 23:30 at -01:00).
        { period: '2026-01-01T00:00:00.000Z', npsResponses: 9, csatResponses: 6 },
      ]);
    });
  });

  describe('churn per period', () => {
    it('clips the first bucket to the window and gives 0 to a bucket without churn', async () => {
      await expectMetrics(
        { grain: 'MONTH', filter: { from: '2026-02-15T00:00:00Z', to: '2026-05-01T00:00:00Z' } },
        [
          // From 02-15: active C1..C5, C7 (C6 left 02-10, C8 signed up on 02-15 itself); C7 churned.
          { period: '2026-02-01T00:00:00.000Z', churnRate: (100 * 1) / 6 },
          { period: '2026-03-01T00:00:00.000Z', churnRate: (100 * 1) / 7 }, // C1..C5 C8 C9; C8 churned
          { period: '2026-04-01T00:00:00.000Z', churnRate: (100 * 0) / 6 }, // C1..C5 C9
        ],
      );
    });

    it('by quarter', async () => {
      await expectMetrics(
        { grain: 'QUARTER', filter: { from: '2026-01-01T00:00:00Z', to: '2026-07-01T00:00:00Z' } },
        [
          { period: '2026-01-01T00:00:00.000Z', churnRate: (100 * 3) / 7 }, // C1..C7; C6 C7 C8 churned
          { period: '2026-04-01T00:00:00.000Z', churnRate: (100 * 0) / 6 }, // C1..C5 C9
        ],
      );
    });

    it('without from: from the year of the first signup, null while nobody was active', async () => {
      await expectMetrics({ grain: 'YEAR', filter: { to: '2027-01-01T00:00:00Z' } }, [
        { period: '2025-01-01T00:00:00.000Z', churnRate: null }, // first signup C1 on 2025-01-10
        { period: '2026-01-01T00:00:00.000Z', churnRate: (100 * 3) / 7 }, // C1..C7; C6 C7 C8 churned
      ]);
    });
  });

  it('orders rows by period, then by the dimensions', async () => {
    await expectMetrics({ grain: 'MONTH', dimensions: ['GENERATION'], filter: FEB_MAR }, [
      { period: '2026-02-01T00:00:00.000Z', generation: 'BOOMER', contacts: 3 }, // C1: K1 K2 K3
      { period: '2026-02-01T00:00:00.000Z', generation: 'GEN_X', contacts: 1 }, // C3: K6
      { period: '2026-02-01T00:00:00.000Z', generation: 'MILLENNIAL', contacts: 2 }, // C2: K4 K5
      { period: '2026-03-01T00:00:00.000Z', generation: 'SILENT', contacts: 1 }, // C5: K10
      { period: '2026-03-01T00:00:00.000Z', generation: 'GEN_X', contacts: 1 }, // C3: K7
      { period: '2026-03-01T00:00:00.000Z', generation: 'MILLENNIAL', contacts: 1 }, // C2: K8
      { period: '2026-03-01T00:00:00.000Z', generation: 'GEN_Z', contacts: 1 }, // C4: K9
    ]);
  });

  describe('filters', () => {
    it('from is inclusive, to exclusive', async () => {
      // K2 starts at `from`, K3 at `to`: K2 K4 K5; only K4 is repeated (by K5) within the window.
      await expectMetrics({ filter: { from: '2026-02-09T09:00:00Z', to: '2026-02-16T09:00:01Z' } }, [
        { contacts: 3, repeatContactRate: (100 * 1) / 3 },
      ]);
    });

    it('channels, on surveys and contacts alike', async () => {
      await expectMetrics({ filter: { ...FEB_MAR, channels: ['PHONE', 'SOCIAL'] } }, [
        // NPS R1 10, R3 8, R7 0, R4 3; contacts K1 K2 K5 K8.
        { nps: (100 * (1 - 2)) / 4, npsResponses: 4, contacts: 4 },
      ]);
    });

    it('generations', async () => {
      // C1 (BOOMER): K1 K2 K3; C4 (GEN_Z): K9.
      await expectMetrics({ filter: { ...FEB_MAR, generations: ['BOOMER', 'GEN_Z'] } }, [{ contacts: 4 }]);
    });

    it('regions, matched exactly', async () => {
      // C1 C3 (north), C5 (South): S1 S3 resolved, S5 S6 S9.
      await expectMetrics({ filter: { ...FEB_MAR, regions: ['north', 'South'] } }, [
        { selfServiceSessions: 5, deflectionRate: (100 * 2) / 5 },
      ]);
    });

    it('tiers', async () => {
      // C1 C5: R9 5, R13 3.
      await expectMetrics({ filter: { ...FEB_MAR, tiers: ['VIP'] } }, [
        { csatResponses: 2, avgCsat: (5 + 3) / 2 },
      ]);
    });

    it('reasons', async () => {
      // K4 K5 K9, waits 30 90 20.
      await expectMetrics({ filter: { ...FEB_MAR, reasons: ['delivery'] } }, [
        { contacts: 3, avgWaitSeconds: (30 + 90 + 20) / 3 },
      ]);
    });

    it('entries', async () => {
      // S3 S4 S6 (CHATBOT), S5 S8 (IVR); escalated S5 S6 S8.
      await expectMetrics({ filter: { ...FEB_MAR, entries: ['CHATBOT', 'IVR'] } }, [
        { selfServiceSessions: 5, selfServiceEscalationRate: (100 * 3) / 5 },
      ]);
    });

    it('an empty list matches nothing', async () => {
      expect(await metrics({ filter: { ...FEB_MAR, channels: [] } }, 'contacts nps')).toEqual([]);
      expect(
        await metrics({ dimensions: ['ENTRY'], filter: { entries: [] } }, 'entry selfServiceSessions'),
      ).toEqual([]);
    });
  });

  it('gives no row for a window without data, even without dimensions', async () => {
    const select =
      'npsResponses nps avgCsat avgCes contacts avgHandleSeconds fcrRate repeatContactRate ' +
      'selfServiceSessions deflectionRate trueDeflectionRate backfireRate womReach';
    const june = { from: '2026-06-01T00:00:00Z', to: '2026-07-01T00:00:00Z' };
    expect(await metrics({ filter: june }, select)).toEqual([]);
    expect(
      await metrics({ grain: 'WEEK', dimensions: ['GENERATION'], filter: june }, `period ${select}`),
    ).toEqual([]);
  });

  describe('refuses as BAD_USER_INPUT', () => {
    it('a dimension the measure does not have, naming both and the accepted ones', async () => {
      await expectBadInput(
        { dimensions: ['CHANNEL'] },
        'deflectionRate',
        /deflectionRate/,
        /CHANNEL/i,
        /ENTRY/i,
      );
      await expectBadInput({ dimensions: ['ENTRY'] }, 'fcrRate', /fcrRate/, /ENTRY/i, /REASON/i);
      await expectBadInput({ dimensions: ['REASON'] }, 'contacts nps', /nps/, /REASON/i);
      await expectBadInput({ dimensions: ['CHANNEL'] }, 'womReach', /womReach/, /CHANNEL/i);
    });

    it('a filter the measure does not have', async () => {
      await expectBadInput({ filter: { reasons: ['billing'] } }, 'nps', /nps/, /reasons/);
      await expectBadInput({ filter: { ...FEB_MAR, entries: ['FAQ'] } }, 'churnRate', /churnRate/, /entries/);
    });

    it('churnRate without from nor grain', async () => {
      await expectBadInput({ filter: { to: '2026-04-01T00:00:00Z' } }, 'churnRate', /churnRate/, /from/);
    });

    it('churnRate by DAY over more than 1,000 days', async () => {
      // 2024-01-01 to 2026-11-01 is 1,035 days.
      await expectBadInput(
        { grain: 'DAY', filter: { from: '2024-01-01T00:00:00Z', to: '2026-11-01T00:00:00Z' } },
        'churnRate',
        /churnRate/,
        /DAY/,
        /1035/,
      );
    });

    it('no measure at all', async () => {
      await expectBadInput({ dimensions: ['CHANNEL'], grain: 'MONTH' }, 'period channel', /measure/i);
    });
  });
});
