import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { termsOf } from '../src/modules/metrics/comment-terms.js';
import { queryData, startTestApi, type TestApi } from './support/api-server.js';
import { DIALECTS } from './support/databases.js';
import { ingestOverHttp } from './support/ingest-over-http.js';

/*
 * A hand-made month, March 2025 (R = customer, K = contact). Recovery is recorded on KA1, KA2, KP1 and KN1;
 * KX has none, KF and KO fall outside the window. R1 churns 57 days after KA1; R3 churns 173 days after KP1,
 * too late to count. Every expected value below is worked out by hand.
 */
const MARCH = { from: '2025-03-01T00:00:00Z', to: '2025-04-01T00:00:00Z' };

const customer = (customerId: string, churnedAt?: string) => ({
  customerId,
  birthYear: 1980,
  signupDate: '2024-01-01',
  churnedAt,
});
const contact = (
  contactId: string,
  customerId: string,
  startedAt: string,
  reason: string,
  recovery: Record<string, unknown> = {},
) => ({ contactId, customerId, channel: 'PHONE', startedAt, reason, ...recovery });
const survey = (
  responseId: string,
  customerId: string,
  type: string,
  score: number,
  respondedAt: string,
  comment?: string,
) => ({
  responseId,
  customerId,
  type,
  score,
  respondedAt,
  comment,
});

const DATASET = {
  customers: [
    customer('R1', '2025-05-01T00:00:00Z'),
    customer('R2'),
    customer('R3', '2025-09-01T00:00:00Z'),
    customer('R4'),
  ],
  contacts: [
    // APOLOGY (with a recompense), out of policy with a peer's approval, resolved.
    contact('KA1', 'R1', '2025-03-05T00:00:00Z', 'billing', {
      apology: true,
      recompenseType: 'credit',
      recompenseValue: 20,
      outOfPolicy: true,
      peerApproved: true,
      resolved: true,
    }),
    // APOLOGY only, within policy, unresolved.
    contact('KA2', 'R2', '2025-03-10T00:00:00Z', 'login', {
      apology: true,
      outOfPolicy: false,
      resolved: false,
    }),
    // PERKS_ONLY, out of policy without approval, resolved.
    contact('KP1', 'R3', '2025-03-12T00:00:00Z', 'billing', {
      apology: false,
      recompenseType: 'voucher',
      recompenseValue: 50,
      outOfPolicy: true,
      peerApproved: false,
      resolved: true,
    }),
    // NEITHER, within policy, unresolved; KX the next day repeats it.
    contact('KN1', 'R4', '2025-03-15T00:00:00Z', 'login', {
      apology: false,
      outOfPolicy: false,
      resolved: false,
    }),
    contact('KX', 'R4', '2025-03-16T00:00:00Z', 'billing'),
    contact('KF', 'R1', '2025-02-20T00:00:00Z', 'billing'),
    contact('KO', 'R2', '2025-04-05T00:00:00Z', 'login', { apology: true }),
  ],
  surveyResponses: [
    survey('SA', 'R1', 'NPS', 9, '2025-03-10T00:00:00Z'), // 5 days after KA1
    survey('SB', 'R1', 'CSAT', 5, '2025-03-25T00:00:00Z'), // 20 days after KA1: too late
    survey('SC', 'R2', 'NPS', 6, '2025-03-11T00:00:00Z', 'Waited 40 minutes on hold. Still not fixed!'),
    survey('SD', 'R2', 'NPS', 10, '2025-03-20T00:00:00Z'),
    survey('SE', 'R2', 'CSAT', 4, '2025-03-12T00:00:00Z'),
    survey('SF', 'R3', 'NPS', 2, '2025-03-13T00:00:00Z', 'On hold for ages, the app keeps crashing.'),
    survey('SG', 'R4', 'NPS', 3, '2025-03-14T00:00:00Z', 'The app keeps crashing and nobody calls back'), // before KN1
    survey('SH', 'R4', 'NPS', 7, '2025-03-16T00:00:00Z', 'fine'),
    survey('SI', 'R1', 'NPS', 0, '2025-02-01T00:00:00Z', 'hold hold hold'), // before the window
  ],
  selfServiceSessions: [],
};

const OUTCOME =
  'group contacts resolvedRate npsAfter npsResponsesAfter csatAfter csatResponsesAfter churnRateAfter recompensed recompenseCost avgRecompense';
const RECOVERY = `query ($filter: MetricFilter) {
  recoveryEffectiveness(filter: $filter) { byRecovery { ${OUTCOME} } byPolicy { ${OUTCOME} } }
}`;

const outcome = (
  group: string,
  contacts: number,
  values: Partial<Record<string, number | null>>,
): Record<string, unknown> => ({
  group,
  contacts,
  resolvedRate: null,
  npsAfter: null,
  npsResponsesAfter: 0,
  csatAfter: null,
  csatResponsesAfter: 0,
  churnRateAfter: null,
  recompensed: 0,
  recompenseCost: 0,
  avgRecompense: null,
  ...values,
});

/** KP1 alone is both PERKS_ONLY and OUT_OF_POLICY_NOT_APPROVED: resolved, NPS 2 after it, a 50 voucher. */
const AFTER_KP1 = {
  resolvedRate: 100,
  npsAfter: -100,
  npsResponsesAfter: 1,
  churnRateAfter: 0,
  recompensed: 1,
  recompenseCost: 50,
  avgRecompense: 50,
};

describe('termsOf', () => {
  it('drops stop words and numbers, and forms phrases of adjacent kept words within a clause', () => {
    const { words, phrases } = termsOf('Waited 40 minutes on hold. The app keeps crashing!');
    expect([...words]).toEqual(['waited', 'minutes', 'hold', 'app', 'keeps', 'crashing']);
    expect([...phrases]).toEqual(['app keeps', 'keeps crashing']);
  });

  it('keeps the letters of any language in one word', () => {
    expect([...termsOf('Kundeservicen var håpløs').words]).toEqual(['kundeservicen', 'var', 'håpløs']);
  });
});

describe.each(DIALECTS)('recovery and recurring causes on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    // Words of a single customer count here, to test the counting on a small month; text-privacy.test.ts
    // tests the minimum of distinct customers.
    api = await startTestApi(dialect, { config: { textMinCustomers: 1 } });
    await ingestOverHttp(api, DATASET);
  });
  afterAll(async () => {
    await api?.close();
  });

  const query = (source: string, variables: Record<string, unknown> = {}) =>
    queryData(api, source, variables);

  it('compares apology, perks only and neither, and policy exceptions, by what followed', async () => {
    const { recoveryEffectiveness } = await query(RECOVERY, { filter: MARCH });
    expect(recoveryEffectiveness.byRecovery).toEqual([
      // KA1 and KA2: NPS 9 (after KA1), 6 and 10 (after KA2): 100 × (2 − 1) / 3; CSAT 4; R1 churned.
      outcome('APOLOGY', 2, {
        resolvedRate: 50,
        npsAfter: expect.closeTo(100 / 3, 9),
        npsResponsesAfter: 3,
        csatAfter: 4,
        csatResponsesAfter: 1,
        churnRateAfter: 50,
        recompensed: 1,
        recompenseCost: 20,
        avgRecompense: 20,
      }),
      outcome('PERKS_ONLY', 1, AFTER_KP1),
      // SG came before KN1: only SH (7, a passive) follows it.
      outcome('NEITHER', 1, { resolvedRate: 0, npsAfter: 0, npsResponsesAfter: 1, churnRateAfter: 0 }),
    ]);
    expect(recoveryEffectiveness.byPolicy).toEqual([
      outcome('WITHIN_POLICY', 2, {
        resolvedRate: 0,
        npsAfter: 0,
        npsResponsesAfter: 3,
        csatAfter: 4,
        csatResponsesAfter: 1,
        churnRateAfter: 0,
      }),
      outcome('OUT_OF_POLICY_PEER_APPROVED', 1, {
        resolvedRate: 100,
        npsAfter: 100,
        npsResponsesAfter: 1,
        churnRateAfter: 100,
        recompensed: 1,
        recompenseCost: 20,
        avgRecompense: 20,
      }),
      outcome('OUT_OF_POLICY_NOT_APPROVED', 1, AFTER_KP1),
    ]);
  });

  it('applies the contact filters, and lists an empty group with nulls', async () => {
    const { recoveryEffectiveness } = await query(RECOVERY, { filter: { ...MARCH, reasons: ['billing'] } });
    expect(recoveryEffectiveness.byRecovery.map((row: any) => [row.group, row.contacts])).toEqual([
      ['APOLOGY', 1],
      ['PERKS_ONLY', 1],
      ['NEITHER', 0],
    ]);
    expect(recoveryEffectiveness.byRecovery[2]).toEqual(outcome('NEITHER', 0, {}));
    const { errors } = await api.graphql(RECOVERY, { filter: { entries: ['FAQ'] } });
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  const TREND = `query ($filter: MetricFilter, $grain: TimeGrain) {
    recoveryEffectiveness(filter: $filter) {
      trend(grain: $grain) {
        grain
        points { period periodEnd partial byRecovery { ${OUTCOME} } byPolicy { ${OUTCOME} } }
      }
    }
  }`;

  it('gives the trend per period, summed in SQL, with buckets cut to the window and partial ones marked', async () => {
    // 5 to 12 March: KA1 (Wednesday 5th) in the week of Monday 3 March, which starts before the window; KA2
    // and KP1 in the week of the 10th, which ends after it. KN1 (15th) falls outside.
    const { recoveryEffectiveness } = await query(TREND, {
      filter: { from: '2025-03-05T00:00:00Z', to: '2025-03-13T00:00:00Z' },
      grain: 'WEEK',
    });
    // KA1: resolved, NPS 9 five days later (SB came 20 days later: too late), R1 churned 57 days later, 20 credit.
    const afterKa1 = {
      resolvedRate: 100,
      npsAfter: 100,
      npsResponsesAfter: 1,
      churnRateAfter: 100,
      recompensed: 1,
      recompenseCost: 20,
      avgRecompense: 20,
    };
    // KA2: unresolved; NPS 6 and 10 after it (100 × (1 − 1) / 2 = 0), CSAT 4; R2 never churned.
    const afterKa2 = {
      resolvedRate: 0,
      npsAfter: 0,
      npsResponsesAfter: 2,
      csatAfter: 4,
      csatResponsesAfter: 1,
      churnRateAfter: 0,
    };
    expect(recoveryEffectiveness.trend).toEqual({
      grain: 'WEEK',
      points: [
        {
          period: '2025-03-05T00:00:00.000Z',
          periodEnd: '2025-03-10T00:00:00.000Z',
          partial: true,
          byRecovery: [
            outcome('APOLOGY', 1, afterKa1),
            outcome('PERKS_ONLY', 0, {}),
            outcome('NEITHER', 0, {}),
          ],
          byPolicy: [
            outcome('WITHIN_POLICY', 0, {}),
            outcome('OUT_OF_POLICY_PEER_APPROVED', 1, afterKa1),
            outcome('OUT_OF_POLICY_NOT_APPROVED', 0, {}),
          ],
        },
        {
          period: '2025-03-10T00:00:00.000Z',
          periodEnd: '2025-03-13T00:00:00.000Z',
          partial: true,
          byRecovery: [
            outcome('APOLOGY', 1, afterKa2),
            outcome('PERKS_ONLY', 1, AFTER_KP1),
            outcome('NEITHER', 0, {}),
          ],
          byPolicy: [
            outcome('WITHIN_POLICY', 1, afterKa2),
            outcome('OUT_OF_POLICY_PEER_APPROVED', 0, {}),
            outcome('OUT_OF_POLICY_NOT_APPROVED', 1, AFTER_KP1),
          ],
        },
      ],
    });
  });

  it('defaults the trend grain to the window length: days up to 31 days, weeks up to 184, months beyond', async () => {
    const points = async (filter: Record<string, unknown>) => {
      const { recoveryEffectiveness } = await query(TREND, { filter });
      const { grain, points } = recoveryEffectiveness.trend;
      return [
        grain,
        points.map((point: any) => [
          point.period,
          point.partial,
          point.byRecovery.map((group: any) => group.contacts),
        ]),
      ];
    };
    // March (31 days): one day per contact, whole days. APOLOGY, PERKS_ONLY, NEITHER counts.
    expect(await points(MARCH)).toEqual([
      'DAY',
      [
        ['2025-03-05T00:00:00.000Z', false, [1, 0, 0]],
        ['2025-03-10T00:00:00.000Z', false, [1, 0, 0]],
        ['2025-03-12T00:00:00.000Z', false, [0, 1, 0]],
        ['2025-03-15T00:00:00.000Z', false, [0, 0, 1]],
      ],
    ]);
    // 90 days from January 1st: weeks. The week of 3 March and that of the 10th, whole.
    expect(await points({ from: '2025-01-01T00:00:00Z', to: '2025-04-01T00:00:00Z' })).toEqual([
      'WEEK',
      [
        ['2025-03-03T00:00:00.000Z', false, [1, 0, 0]],
        ['2025-03-10T00:00:00.000Z', false, [1, 1, 1]],
      ],
    ]);
    // No start: months. KO (5 April, an apology) makes April's point; April 2025 ended long ago.
    expect(await points({})).toEqual([
      'MONTH',
      [
        ['2025-03-01T00:00:00.000Z', false, [2, 1, 1]],
        ['2025-04-01T00:00:00.000Z', false, [1, 0, 0]],
      ],
    ]);
  });

  it('ranks contact reasons with their trend, and the words and phrases of detractor comments', async () => {
    const { recurringCauses } = await query(
      `query ($filter: MetricFilter) {
        recurringCauses(filter: $filter, grain: WEEK, top: 3) {
          reasons { reason contacts contactSharePct share repeatContactRate fcrRate trend { period contacts } }
          detractorComments commentsAnalysed
          detractorWords { term comments commentSharePct share }
          detractorPhrases { term comments commentSharePct share }
        }
      }`,
      { filter: MARCH },
    );
    expect(recurringCauses.reasons).toEqual([
      {
        reason: 'billing',
        contacts: 3,
        contactSharePct: 60,
        share: 60, // the deprecated alias, the same value
        repeatContactRate: 0,
        fcrRate: 0,
        // KA1 in the week of Monday 3 March; KP1 and KX (Sunday 16th) in the week of the 10th.
        trend: [
          { period: '2025-03-03T00:00:00.000Z', contacts: 1 },
          { period: '2025-03-10T00:00:00.000Z', contacts: 2 },
        ],
      },
      {
        reason: 'login',
        contacts: 2,
        contactSharePct: 40,
        share: 40,
        repeatContactRate: 50, // KN1 is followed by KX the next day
        fcrRate: 0,
        trend: [{ period: '2025-03-10T00:00:00.000Z', contacts: 2 }],
      },
    ]);
    // SC, SF and SG (SH is no detractor, SI before the window). hold, app, keeps, crashing are in two each;
    // ties go alphabetically.
    expect(recurringCauses.detractorComments).toBe(3);
    expect(recurringCauses.commentsAnalysed).toBe(3);
    const twoOfThree = expect.closeTo(200 / 3, 9);
    expect(recurringCauses.detractorWords).toEqual([
      { term: 'app', comments: 2, commentSharePct: twoOfThree, share: twoOfThree },
      { term: 'crashing', comments: 2, commentSharePct: twoOfThree, share: twoOfThree },
      { term: 'hold', comments: 2, commentSharePct: twoOfThree, share: twoOfThree },
    ]);
    expect(recurringCauses.detractorPhrases).toEqual([
      { term: 'app keeps', comments: 2, commentSharePct: twoOfThree, share: twoOfThree },
      { term: 'keeps crashing', comments: 2, commentSharePct: twoOfThree, share: twoOfThree },
      {
        term: 'calls back',
        comments: 1,
        commentSharePct: expect.closeTo(100 / 3, 9),
        share: expect.closeTo(100 / 3, 9),
      },
    ]);
  });

  it('refuses a top outside 1-100', async () => {
    const { errors } = await api.graphql('{ recurringCauses(top: 0) { detractorComments } }');
    expect(errors?.[0]?.message).toMatch(/^top: got 0, expected a number of terms from 1 to 100/);
  });
});
