import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Channel } from '../src/modules/contacts/channel.js';
import { Tier } from '../src/modules/customers/tier.js';
import { SqlBuilder } from '../src/modules/metrics/sql-builder.js';
import { SelfServiceOutcome } from '../src/modules/selfservice/entry.js';
import { Customer } from '../src/modules/customers/customer.entity.js';
import { CustomerRisk } from '../src/modules/risk/customer-risk.entity.js';
import { RiskModel } from '../src/modules/risk/risk-model.entity.js';
import { aucInterval } from '../src/modules/risk/model-quality.js';
import { customerFeatures, FEATURES } from '../src/modules/risk/risk-features.js';
import { RiskService } from '../src/modules/risk/risk.service.js';
import { backfillHistory } from '../src/modules/risk/risk-history.js';
import { RiskTrainingError } from '../src/modules/risk/risk-training.service.js';
import { SurveyType } from '../src/modules/surveys/survey-type.js';
import { queryData, startTestApi, type TestApi } from './support/api-server.js';
import { createMigratedDatabase, DIALECTS, type MigratedDatabase } from './support/databases.js';
import {
  makeContact,
  makeCustomer,
  makeSelfServiceSession,
  makeSurveyResponse,
} from './support/factories.js';
import { ingestOverHttp } from './support/ingest-over-http.js';

const at = (iso: string) => new Date(iso);
const all = (builder: SqlBuilder) => builder.raw('1 = 1');

describe.each(DIALECTS)('churn-risk features and training on %s', (dialect) => {
  let database: MigratedDatabase;
  beforeAll(async () => {
    database = await createMigratedDatabase(dialect);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('computes every feature from the facts before the instant, one row per customer active then', async () => {
    const em = database.orm.em.fork();
    const asOf = at('2026-06-01T00:00:00Z');
    const a = makeCustomer(em, {
      externalId: 'FA',
      signupDate: at('2024-06-01T00:00:00Z'),
      tier: Tier.VIP,
      lifetimeValue: 1000,
    });
    makeCustomer(em, { externalId: 'FB', churnedAt: at('2026-05-01T00:00:00Z') }); // churned before: left out
    makeCustomer(em, { externalId: 'FC', signupDate: at('2026-06-15T00:00:00Z') }); // not yet a customer
    makeCustomer(em, { externalId: 'FD', signupDate: at('2025-06-01T00:00:00Z') }); // no facts
    makeCustomer(em, { externalId: 'FE', churnedAt: at('2026-07-01T00:00:00Z') }); // churns later: active then
    const survey = (type: SurveyType, score: number, respondedAt: string) =>
      makeSurveyResponse(em, a, { type, score, respondedAt: at(respondedAt) });
    survey(SurveyType.CSAT, 5, '2025-11-01T00:00:00Z'); // before the 180-day lookback: no CSAT change
    survey(SurveyType.NPS, 8, '2026-03-01T00:00:00Z'); // the previous NPS (outside the 90 days: not low anyway)
    survey(SurveyType.NPS, 3, '2026-05-20T10:00:00Z'); // latest NPS, low
    survey(SurveyType.CSAT, 2, '2026-05-21T00:00:00Z'); // latest CSAT, low
    survey(SurveyType.CES, 1, '2026-05-22T00:00:00Z'); // low
    survey(SurveyType.NPS, 2, '2026-06-02T00:00:00Z'); // after the instant: never read
    const contact = (startedAt: string, data: Parameters<typeof makeContact>[2] = {}) =>
      makeContact(em, a, { startedAt: at(startedAt), ...data });
    contact('2026-02-28T00:00:00Z'); // in the 180 days, not the 90; makes the next one a repeat
    contact('2026-03-04T00:00:00Z', { waitSeconds: 400, resolved: false }); // repeat, long phone wait, unresolved
    contact('2026-05-10T00:00:00Z', {
      channel: Channel.CHAT,
      waitSeconds: 60,
      escalated: true,
      apology: true,
    });
    contact('2026-05-15T00:00:00Z', {
      channel: Channel.EMAIL,
      waitSeconds: 3600, // an hour is not long by e-mail
      resolved: true,
      apology: false,
      recompenseType: 'credit',
      recompenseValue: 20,
    }); // repeat (5 days after the previous); a complaint answered with perks alone
    contact('2026-05-25T00:00:00Z', { waitSeconds: 100 }); // 10 days after the previous: not a repeat
    contact('2026-06-01T00:00:00Z'); // at the instant: not before it
    const session = (startedAt: string, outcome: SelfServiceOutcome) =>
      makeSelfServiceSession(em, a, { startedAt: at(startedAt), outcome });
    session('2026-05-19T00:00:00Z', SelfServiceOutcome.ESCALATED); // the NPS 3 a day later: backfired
    session('2026-04-01T00:00:00Z', SelfServiceOutcome.ESCALATED);
    session('2026-04-10T00:00:00Z', SelfServiceOutcome.ABANDONED);
    session('2026-02-01T00:00:00Z', SelfServiceOutcome.ESCALATED); // in the 180 days, not the 90
    await em.flush();

    const rows = await customerFeatures(new SqlBuilder(em), asOf, all);
    const byName = (values: (number | null)[]) =>
      Object.fromEntries(FEATURES.map(({ name }, j) => [name, values[j]]));
    expect(rows.map((row) => row.externalId)).toEqual(['FA', 'FD', 'FE']);
    // Windows start 2026-05-02 (30 days), 2026-03-03 (90) and 2025-12-03 (180).
    expect(byName(rows[0]!.values)).toEqual({
      npsLatest: 3,
      npsChange: -5,
      csatLatest: 2,
      csatChange: null,
      lowScores30: 3, // NPS 3, CSAT 2, CES 1, all in May
      lowScores90: 3,
      lowScores180: 3,
      promoters180: 0,
      contacts30: 3, // 10, 15 and 25 May
      contacts90: 4, // and 4 March
      contacts180: 5, // and 28 February
      repeatContacts30: 1, // 15 May
      repeatContacts90: 2, // and 4 March
      repeatContacts180: 2,
      unresolved30: 0,
      unresolved90: 1, // 4 March
      unresolved180: 1,
      longWaits30: 0,
      longWaits90: 1, // 400 s on the phone, 4 March
      longWaits180: 1,
      escalated90: 1,
      complaints90: 2, // 10 May (apology) and 15 May (perks alone)
      complaints180: 2,
      apologies90: 1,
      apologies180: 1,
      perksWithoutApology180: 1,
      escalatedSessions90: 2,
      backfiredSessions90: 1,
      abandonedSessions30: 0,
      abandonedSessions90: 1, // 10 April
      abandonedSessions180: 1,
      daysSinceBadExperience: 10, // the CES 1 of 22 May, 10 days before 1 June
      tenureYears: expect.closeTo(730 / 365.25, 12),
      vip: 1,
      lifetimeValueLog: expect.closeTo(Math.log1p(1000), 12),
    });
    expect(byName(rows[1]!.values)).toMatchObject({
      npsLatest: null,
      npsChange: null,
      contacts90: 0,
      backfiredSessions90: 0,
      daysSinceBadExperience: 180, // none in the 180 days
      tenureYears: expect.closeTo(365 / 365.25, 12),
      vip: 0,
      lifetimeValueLog: null,
    });
    expect(rows[2]!.churnedAt).toEqual(at('2026-07-01T00:00:00Z'));
    await em.nativeDelete('Customer', {});
  });

  it('refuses to train without enough known outcomes', async () => {
    await expect(new RiskService(database.orm.em.fork()).trainAndRefresh()).rejects.toThrow(
      RiskTrainingError,
    );
  });

  it('trains on outcomes after the snapshot, from features before it, and measures AUC out of fold', async () => {
    /*
     * 30 detractors (NPS 2), D01..D20 churn; 30 promoters (NPS 10), P01..P03 churn. The data ends with a contact
     * on 2026-09-30, so the snapshot is 90 days earlier, 2026-07-02, and the churn on 2026-08-01 falls in the
     * outcome window. P01..P03 answer NPS 0 after the snapshot: read, it would leak their outcome.
     * Every example is predicted by a model fitted on the other four folds: 23 churners, 37 non-churners.
     * Every such model scores detractors above promoters, so of the 851 (churner, non-churner) pairs the 20 × 27
     * detractor churner vs promoter non-churner are right and the 3 × 10 promoter churner vs detractor
     * non-churner wrong; the 20 × 10 + 3 × 27 = 281 pairs within a group are ordered by fold (the five models
     * differ a little): the AUC lies between 540 / 851 = 0.634548 and (540 + 281) / 851 = 0.964747.
     */
    const em = database.orm.em.fork();
    const signupDate = at('2025-01-01T00:00:00Z');
    for (const [prefix, score, churners] of [
      ['D', 2, 20],
      ['P', 10, 3],
    ] as const) {
      for (let i = 1; i <= 30; i++) {
        const customer = makeCustomer(em, {
          externalId: `${prefix}${String(i).padStart(2, '0')}`,
          signupDate,
          churnedAt: i <= churners ? at('2026-08-01T00:00:00Z') : null,
        });
        makeSurveyResponse(em, customer, { score, respondedAt: at('2026-06-20T00:00:00Z') });
        if (prefix === 'P' && i <= churners) {
          makeSurveyResponse(em, customer, { score: 0, respondedAt: at('2026-07-20T00:00:00Z') });
        }
        if (prefix === 'P' && i === 30) makeContact(em, customer, { startedAt: at('2026-09-30T00:00:00Z') });
      }
    }
    await em.flush();

    const { model, refresh } = await new RiskService(em).trainAndRefresh(at('2026-10-01T00:00:00Z'));
    expect(model.snapshotAt).toEqual(at('2026-07-02T00:00:00.001Z'));
    expect(model).toMatchObject({
      outcomeDays: 90,
      trainingCustomers: 60,
      trainingChurners: 23,
      heldOutCustomers: 60,
      heldOutChurners: 23,
      snapshots: 1, // the data start 2026-06-20, less than 180 days before any earlier snapshot
      penalty: 500 / 23, // few churners: a stronger penalty than 1
      /*
       * Latest NPS alone: detractors tie at 2, promoters at 10 (the NPS 0 after the snapshot is not read):
       * 540 pairs right, 30 wrong, 281 tied (½): 680.5 / 851 = 0.799647.
       */
      npsBaselineAuc: expect.closeTo(680.5 / 851, 12),
      // Nobody had a contact before the snapshot: every pair ties.
      contactsBaselineAuc: 0.5,
    });
    expect(model.auc).toBeGreaterThan(0.634548);
    expect(model.auc).toBeLessThan(0.964747);
    // The interval counts the 23 distinct churners and 37 distinct non-churners (its arithmetic: risk-model.test.ts).
    expect(model.aucLower).toBeCloseTo(aucInterval(model.auc, 23, 37)!.lower, 12);
    expect(model.aucUpper).toBeCloseTo(aucInterval(model.auc, 23, 37)!.upper, 12);
    // The top round(60 / 10) = 6 examples are detractors: at most 6 of the 23 churners.
    expect(model.topDecileShare! * 23).toBeLessThanOrEqual(6 + 1e-9);
    // Brier: a mean of squared errors, between 0 and 1 (its arithmetic is tested in risk-model.test.ts).
    expect(model.brierScore).toBeGreaterThan(0);
    expect(model.brierScore).toBeLessThan(0.25);
    const weights = Object.fromEntries(model.features.map(({ name, weight }) => [name, weight]));
    expect(weights.npsLatest).toBeLessThan(0);
    expect(weights.lowScores90).toBeGreaterThan(0);
    expect(weights.contacts90).toBe(0); // nobody had a contact before the snapshot
    expect(model.calibration.reduce((sum, bin) => sum + bin.customers, 0)).toBe(60);
    // Refreshed as of the end of the data: the 37 customers who had not churned.
    expect(refresh).toMatchObject({ scored: 37, modelVersion: model.version });
    // Training twice on the same data gives the same model version.
    const again = await new RiskService(em.fork()).trainAndRefresh(at('2026-10-02T00:00:00Z'));
    expect(again.model.version).toBe(model.version);
  });
});

const CHURN_RISK = `query ($minScore: Int, $first: Int, $after: String, $orderBy: RiskOrder, $filter: RiskFilter) {
  churnRisk(minScore: $minScore, first: $first, after: $after, orderBy: $orderBy, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      score previousScore scoredAt modelVersion lifetimeValue
      drivers { feature label value points }
      customer { id }
      lastContact { id }
    }
  }
}`;

describe.each(DIALECTS)('churn-risk scores over the API on %s', (dialect) => {
  let api: TestApi;
  /** A model where only contacts90 counts: log-odds ln 3 per contact, so 0, 1, 2 contacts score 50, 75, 90. */
  const model = Object.assign(new RiskModel(), {
    version: 'test-model',
    trainedAt: at('2026-10-01T00:00:00Z'),
    snapshotAt: at('2026-07-01T00:00:00Z'),
    outcomeDays: 90,
    penalty: 1,
    intercept: 0,
    featuresJson: JSON.stringify(
      FEATURES.map(({ name }) => ({
        name,
        mean: 0,
        scale: 1,
        weight: name === 'contacts90' ? Math.log(3) : 0,
      })),
    ),
    trainingCustomers: 80,
    trainingChurners: 8,
    heldOutCustomers: 20,
    heldOutChurners: 2,
    auc: 0.7,
    topDecileShare: 0.3,
    // Stored under the keys of the first models; served as avgPredicted and observedFraction.
    calibrationJson: JSON.stringify([{ customers: 20, meanPredicted: 0.12, observedRate: 0.1 }]),
  });

  beforeAll(async () => {
    api = await startTestApi(dialect);
    const customer = (customerId: string, lifetimeValue: number, tier: string, churnedAt?: string) => ({
      customerId,
      birthYear: 1970,
      signupDate: '2024-01-01',
      lifetimeValue,
      tier,
      churnedAt,
    });
    await ingestOverHttp(api, {
      customers: [
        customer('H1', 1000, 'VIP'),
        customer('H2', 500, 'STANDARD'),
        customer('H3', 200, 'STANDARD'),
        customer('H4', 9999, 'VIP', '2026-09-01T00:00:00Z'),
      ],
      surveyResponses: [],
      contacts: [],
      selfServiceSessions: [],
    });
  });
  afterAll(async () => {
    await api?.close();
  });

  const query = (source: string, variables: Record<string, unknown> = {}) =>
    queryData(api, source, variables);

  const contactRow = (contactId: string, customerId: string, startedAt: string) => ({
    contactId,
    customerId,
    channel: 'PHONE',
    startedAt,
  });

  async function ingestContacts(rows: Record<string, unknown>[]): Promise<string> {
    const { ingestContacts } = await query(
      'mutation ($rows: [ContactRowInput!]!) { ingestContacts(rows: $rows) { inserted problems { message } } }',
      { rows },
    );
    expect(ingestContacts.problems).toEqual([]);
    const { recentImports } = await query('{ recentImports(first: 1) { startedAt } }');
    return recentImports[0].startedAt as string;
  }

  it('scores nobody before a model exists', async () => {
    await ingestContacts([contactRow('HK0', 'H4', '2026-09-15T00:00:00Z')]);
    const { churnRisk, riskModel } = await query(
      `{ riskModel { version } churnRisk(minScore: 0) { totalCount } }`,
    );
    expect(riskModel).toBeNull();
    expect(churnRisk.totalCount).toBe(0);
  });

  it('rescores the customers an import touched, inside it, with scored_at = the import time', async () => {
    await api.database.orm.em.fork().persist(model).flush();
    const importedAt = await ingestContacts([
      contactRow('HK1', 'H1', '2026-10-01T00:00:00Z'),
      contactRow('HK2', 'H1', '2026-10-20T00:00:00Z'),
      contactRow('HK3', 'H2', '2026-10-10T00:00:00Z'),
      contactRow('HK4', 'H4', '2026-10-05T00:00:00Z'), // churned: not scored
    ]);
    const { churnRisk } = await query(CHURN_RISK, { minScore: 0 });
    expect(churnRisk.totalCount).toBe(2);
    expect(churnRisk.nodes).toEqual([
      {
        score: 90,
        previousScore: null,
        scoredAt: importedAt,
        modelVersion: 'test-model',
        lifetimeValue: 1000,
        // Without the two contacts the log-odds would be 0: 100 × (0.9 − 0.5) = +40 points.
        drivers: [{ feature: 'contacts90', label: '2 contacts in 90 days', value: 2, points: 40 }],
        customer: { id: 'H1' },
        lastContact: { id: 'HK2' },
      },
      {
        score: 75,
        previousScore: null,
        scoredAt: importedAt,
        modelVersion: 'test-model',
        lifetimeValue: 500,
        drivers: [{ feature: 'contacts90', label: '1 contact in 90 days', value: 1, points: 25 }],
        customer: { id: 'H2' },
        lastContact: { id: 'HK3' },
      },
    ]);
  });

  it('keeps the score before the refresh in previousScore, and leaves untouched customers alone', async () => {
    const firstImport = (await query(CHURN_RISK, { minScore: 0 })).churnRisk.nodes[0].scoredAt;
    const importedAt = await ingestContacts([contactRow('HK5', 'H2', '2026-10-21T00:00:00Z')]);
    const { churnRisk } = await query(CHURN_RISK, { minScore: 0 });
    expect(
      churnRisk.nodes.map((node: any) => [node.customer.id, node.score, node.previousScore, node.scoredAt]),
    ).toEqual([
      ['H1', 90, null, firstImport],
      ['H2', 90, 75, importedAt],
    ]);
  });

  it('reports revenueAtRisk as the expected loss Σ score / 100 × lifetime value, and earlier windows from the history', async () => {
    const { metrics, byTier, past, daily, overview, riskHistory } = await query(`{
      metrics { revenueAtRisk }
      byTier: metrics(dimensions: [TIER]) { tier revenueAtRisk }
      past: metrics(filter: { to: "2026-01-01T00:00:00Z" }) { revenueAtRisk }
      daily: metrics(grain: DAY, filter: { from: "2026-10-15T00:00:00Z", to: "2026-10-25T00:00:00Z" }) {
        period revenueAtRisk
      }
      overview { revenueAtRisk { current previous sampleSize previousSampleSize } }
      riskHistory(from: "2026-10-01T00:00:00Z", to: "2026-11-01T00:00:00Z") {
        day asOf scoredCustomers expectedLoss atRiskCustomers atRiskValue threshold
      }
    }`);
    // H1 (VIP, 1,000) and H2 (500) score 90, H3 is not scored yet: 0.9 × 1,000 + 0.9 × 500 = 1,350.
    expect(metrics).toEqual([{ revenueAtRisk: 1350 }]);
    expect(byTier).toEqual([
      { tier: 'STANDARD', revenueAtRisk: 450 },
      { tier: 'VIP', revenueAtRisk: 900 },
    ]);
    /*
     * Every refresh wrote the snapshot of the day its data ended on. The import of HK1-HK4 ended the data on
     * 20 October: H1 90 (2 contacts), H2 75 (1 contact): 0.9 × 1,000 + 0.75 × 500 = 1,275, both ≥ 70 with
     * 1,500 of value. The import of HK5 ended it on 21 October, H2 now 90: 1,350.
     */
    const snapshot = (day: string, expectedLoss: number) => ({
      day: `${day}T00:00:00.000Z`,
      asOf: `${day}T00:00:00.001Z`,
      scoredCustomers: 2,
      expectedLoss,
      atRiskCustomers: 2,
      atRiskValue: 1500,
      threshold: 70,
    });
    expect(riskHistory).toEqual([snapshot('2026-10-20', 1275), snapshot('2026-10-21', 1350)]);
    // Windows before now read the history, the last snapshot of each period; before any there is none.
    expect(daily).toEqual([
      { period: '2026-10-20T00:00:00.000Z', revenueAtRisk: 1275 },
      { period: '2026-10-21T00:00:00.000Z', revenueAtRisk: 1350 },
    ]);
    expect(past).toEqual([]);
    // The comparison window (the 30 days before the last 30) holds 21 October, whose snapshot says 1,350.
    expect(overview.revenueAtRisk).toEqual({
      current: 1350,
      previous: 1350,
      sampleSize: 2,
      previousSampleSize: 2,
    });
  });

  it('keeps the history of each segment: segmented trends, splits and comparisons of revenue at risk', async () => {
    const { standard, none, dailyByTier, vipPast, overview } = await query(`{
      standard: riskHistory(from: "2026-10-01T00:00:00Z", to: "2026-11-01T00:00:00Z", filter: { tiers: [STANDARD] }) {
        day scoredCustomers expectedLoss atRiskCustomers atRiskValue threshold
      }
      none: riskHistory(from: "2026-10-01T00:00:00Z", to: "2026-11-01T00:00:00Z", filter: { tiers: [] }) {
        day scoredCustomers expectedLoss
      }
      dailyByTier: metrics(dimensions: [TIER], grain: DAY, filter: { from: "2026-10-15T00:00:00Z", to: "2026-10-25T00:00:00Z" }) {
        period tier revenueAtRisk
      }
      vipPast: metrics(filter: { tiers: [VIP], from: "2026-10-15T00:00:00Z", to: "2026-10-25T00:00:00Z" }) { revenueAtRisk }
      overview(filter: { tiers: [STANDARD] }) { revenueAtRisk { current previous sampleSize previousSampleSize } }
    }`);
    /*
     * The same two snapshots split by segment. 20 October: H1 (VIP) 90 × 1,000 = 900, H2 (STANDARD) 75 × 500 =
     * 375; 21 October: H2 90 × 500 = 450. Both are at or above 70.
     */
    expect(standard).toEqual([
      {
        day: '2026-10-20T00:00:00.000Z',
        scoredCustomers: 1,
        expectedLoss: 375,
        atRiskCustomers: 1,
        atRiskValue: 500,
        threshold: 70,
      },
      {
        day: '2026-10-21T00:00:00.000Z',
        scoredCustomers: 1,
        expectedLoss: 450,
        atRiskCustomers: 1,
        atRiskValue: 500,
        threshold: 70,
      },
    ]);
    // A filter that matches no segment: the days are there, with nobody in them.
    expect(none).toEqual([
      { day: '2026-10-20T00:00:00.000Z', scoredCustomers: 0, expectedLoss: 0 },
      { day: '2026-10-21T00:00:00.000Z', scoredCustomers: 0, expectedLoss: 0 },
    ]);
    expect(dailyByTier).toEqual([
      { period: '2026-10-20T00:00:00.000Z', tier: 'STANDARD', revenueAtRisk: 375 },
      { period: '2026-10-20T00:00:00.000Z', tier: 'VIP', revenueAtRisk: 900 },
      { period: '2026-10-21T00:00:00.000Z', tier: 'STANDARD', revenueAtRisk: 450 },
      { period: '2026-10-21T00:00:00.000Z', tier: 'VIP', revenueAtRisk: 900 },
    ]);
    // A past window: its last snapshot, 21 October, for the VIP segment.
    expect(vipPast).toEqual([{ revenueAtRisk: 900 }]);
    // Now H2 alone, 450; the comparison window's last snapshot (21 October) for STANDARD says 450 too.
    expect(overview.revenueAtRisk).toEqual({
      current: 450,
      previous: 450,
      sampleSize: 1,
      previousSampleSize: 1,
    });
  });

  it('fills in the history of each segment after the first training, from the facts before each day', async () => {
    const scoring = {
      version: model.version,
      intercept: model.intercept,
      features: JSON.parse(model.featuresJson),
    };
    const end = at('2026-10-21T00:00:00.001Z');
    const written = await backfillHistory(api.database.orm.em.fork(), scoring, end, 70, {
      days: 14,
      everyDays: 7,
    });
    expect(written).toBe(2);
    const { whole, standard } = await query(`{
      whole: riskHistory(from: "2026-10-01T00:00:00Z", to: "2026-10-15T00:00:00Z") {
        day scoredCustomers expectedLoss atRiskCustomers atRiskValue
      }
      standard: riskHistory(from: "2026-10-01T00:00:00Z", to: "2026-10-15T00:00:00Z", filter: { tiers: [STANDARD] }) {
        day scoredCustomers expectedLoss atRiskCustomers atRiskValue
      }
    }`);
    /*
     * As of 7 October: H1 has 1 contact (1 October): 75 × 1,000 = 750; H2 none yet: 50 × 500 = 250; H3 50 × 200 = 100.
     * As of 14 October: H2 has 1 (10 October): 75 × 500 = 375. H4 churned in September: not scored.
     */
    expect(whole).toEqual([
      {
        day: '2026-10-07T00:00:00.000Z',
        scoredCustomers: 3,
        expectedLoss: 1100,
        atRiskCustomers: 1,
        atRiskValue: 1000,
      },
      {
        day: '2026-10-14T00:00:00.000Z',
        scoredCustomers: 3,
        expectedLoss: 1225,
        atRiskCustomers: 2,
        atRiskValue: 1500,
      },
    ]);
    expect(standard).toEqual([
      {
        day: '2026-10-07T00:00:00.000Z',
        scoredCustomers: 2,
        expectedLoss: 350,
        atRiskCustomers: 0,
        atRiskValue: 0,
      },
      {
        day: '2026-10-14T00:00:00.000Z',
        scoredCustomers: 2,
        expectedLoss: 475,
        atRiskCustomers: 1,
        atRiskValue: 500,
      },
    ]);
  });

  it('rescores every active customer on a full refresh, pages by score and filters by segment', async () => {
    const refresh = await new RiskService(api.database.orm.em.fork()).refreshAll();
    expect(refresh).toMatchObject({ scored: 3, atRisk: 2, modelVersion: 'test-model' });
    const ids = (data: any) => data.churnRisk.nodes.map((node: any) => [node.customer.id, node.score]);
    const first = await query(CHURN_RISK, { minScore: 70, first: 1 });
    expect(ids(first)).toEqual([['H1', 90]]);
    expect(first.churnRisk.pageInfo.hasNextPage).toBe(true);
    const second = await query(CHURN_RISK, {
      minScore: 70,
      first: 1,
      after: first.churnRisk.pageInfo.endCursor,
    });
    expect(ids(second)).toEqual([['H2', 90]]);
    expect(second.churnRisk.pageInfo.hasNextPage).toBe(false);
    expect(ids(await query(CHURN_RISK, { orderBy: 'SCORE_ASC' }))).toEqual([
      ['H3', 50],
      ['H1', 90],
      ['H2', 90],
    ]);
    expect(ids(await query(CHURN_RISK, { filter: { tiers: ['VIP'] } }))).toEqual([['H1', 90]]);
    // H3 had no contact in the 90 days: at the intercept, nothing to explain.
    const { customer, churned } = await query(`{
      customer(id: "H3") { risk { score previousScore drivers { feature } } }
      churned: customer(id: "H4") { risk { score } }
    }`);
    expect(customer.risk).toEqual({ score: 50, previousScore: null, drivers: [] });
    expect(churned.risk).toBeNull();
  });

  it('describes the model', async () => {
    const { riskModel } = await query(`{ riskModel {
      version auc trainingCustomers heldOutCustomers outcomeDays
      features { name description weight }
      topDecileFraction topDecileShare
      calibration { customers avgPredicted observedFraction meanPredicted observedRate }
    } }`);
    expect(riskModel).toMatchObject({
      version: 'test-model',
      auc: 0.7,
      trainingCustomers: 80,
      heldOutCustomers: 20,
    });
    expect(riskModel.features).toHaveLength(FEATURES.length);
    expect(riskModel.features.find((feature: any) => feature.name === 'contacts90')).toEqual({
      name: 'contacts90',
      description: 'Assisted contacts in the 90 days before.',
      weight: Math.log(3),
    });
    // The deprecated aliases return the same values as the names that replace them.
    expect(riskModel.topDecileFraction).toBe(0.3);
    expect(riskModel.topDecileShare).toBe(0.3);
    expect(riskModel.calibration).toEqual([
      { customers: 20, avgPredicted: 0.12, observedFraction: 0.1, meanPredicted: 0.12, observedRate: 0.1 },
    ]);
  });

  it('refuses a minScore outside 0-100 and a cursor of another order', async () => {
    const { errors } = await api.graphql(CHURN_RISK, { minScore: 101 });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toMatch(/^minScore: got 101, expected a score from 0 to 100/);
    const page = await query(CHURN_RISK, { first: 1 });
    const wrongOrder = await api.graphql(CHURN_RISK, {
      orderBy: 'SCORE_ASC',
      after: page.churnRisk.pageInfo.endCursor,
    });
    expect(wrongOrder.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('rescores only the customers an import touches, and removes the scores of those it finds churned', async () => {
    // A stale score of a churned customer the import does not touch: it stays until a full refresh.
    const em = api.database.orm.em.fork();
    const h4 = await em.findOneOrFail(Customer, { externalId: 'H4' });
    await em
      .persist(
        Object.assign(new CustomerRisk(), {
          customer: h4,
          score: 60,
          driversJson: '[]',
          scoredAt: at('2026-09-01T00:00:00Z'),
          modelVersion: 'test-model',
        }),
      )
      .flush();
    const scores = `{ h1: customer(id: "H1") { risk { score scoredAt } }
      h2: customer(id: "H2") { risk { score } }
      h3: customer(id: "H3") { risk { score scoredAt } }
      h4: customer(id: "H4") { risk { score scoredAt } } }`;
    const before = await query(scores);
    const { ingestCustomers } = await query(
      'mutation ($rows: [CustomerRowInput!]!) { ingestCustomers(rows: $rows) { updated problems { message } } }',
      {
        rows: [
          {
            customerId: 'H2',
            birthYear: 1970,
            signupDate: '2024-01-01',
            lifetimeValue: 500,
            tier: 'STANDARD',
            churnedAt: '2026-10-25T00:00:00Z',
          },
        ],
      },
    );
    expect(ingestCustomers).toEqual({ updated: 1, problems: [] });
    const after = await query(scores);
    expect(after.h2.risk).toBeNull();
    expect([after.h1, after.h3, after.h4]).toEqual([before.h1, before.h3, before.h4]);
    expect(after.h4.risk).toEqual({ score: 60, scoredAt: '2026-09-01T00:00:00.000Z' });
  });
});
