import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NextStepAction } from '../src/modules/risk/dto/risk-actions.types.js';
import { highRiskThreshold } from '../src/modules/risk/high-risk-threshold.js';
import { nextStep } from '../src/modules/risk/risk-actions.js';
import { segmentTotalsOf, totalsOf } from '../src/modules/risk/risk-history.js';
import { describe, expect, it } from 'vitest';
import { fitLogistic, solveSymmetric } from '../src/modules/risk/logistic-regression.js';
import {
  areaUnderCurve,
  aucInterval,
  brierScore,
  calibrationBins,
  topDecileShare,
  wilsonInterval,
  type Outcome,
} from '../src/modules/risk/model-quality.js';
import { FEATURES } from '../src/modules/risk/risk-features.js';
import { explainScore, MAX_DRIVERS, type ScoringModel } from '../src/modules/risk/risk-scoring.js';
import {
  foldOf,
  FOLDS,
  outOfFoldOutcomes,
  penaltyFor,
  type Example,
} from '../src/modules/risk/risk-training.service.js';

/* The model's arithmetic on data whose answers are worked out by hand; no database. */

describe('fitLogistic', () => {
  /*
   * One binary feature: 1 of 4 customers churns at x = 0, 3 of 4 at x = 1. The unpenalised maximum
   * likelihood fits each group's rate exactly: intercept logit(1/4) = −ln 3, weight logit(3/4) − logit(1/4)
   * = 2 ln 3.
   */
  const rows = [[0], [0], [0], [0], [1], [1], [1], [1]];
  const labels = [1, 0, 0, 0, 1, 1, 1, 0];

  it('finds the maximum-likelihood coefficients of a data set whose answer is known', () => {
    const fit = fitLogistic(rows, labels, 0);
    expect(fit.intercept).toBeCloseTo(-Math.log(3), 9);
    expect(fit.weights[0]).toBeCloseTo(2 * Math.log(3), 9);
    expect(fit.iterations).toBeLessThan(20);
  });

  it('shrinks the weight, not the intercept, under an L2 penalty, to the penalised optimum', () => {
    const fit = fitLogistic(rows, labels, 2);
    const w = fit.weights[0]!;
    expect(w).toBeGreaterThan(0);
    expect(w).toBeLessThan(2 * Math.log(3));
    // The penalised score equations: Σ (y − p) = 0 for the intercept, Σ (y − p)·x = λ·w for the weight.
    const p = (x: number) => 1 / (1 + Math.exp(-(fit.intercept + w * x)));
    const residuals = rows.map(([x], i) => labels[i]! - p(x!));
    expect(residuals.reduce((sum, r) => sum + r, 0)).toBeCloseTo(0, 9);
    expect(residuals.reduce((sum, r, i) => sum + r * rows[i]![0]!, 0)).toBeCloseTo(2 * w, 9);
  });

  it('is deterministic: the same rows give the same coefficients to the last bit', () => {
    expect(fitLogistic(rows, labels, 1)).toEqual(fitLogistic(rows, labels, 1));
  });

  it('solves a symmetric positive-definite system', () => {
    // [[4, 2], [2, 3]] · [1, 2] = [8, 8]
    const [x, y] = solveSymmetric(
      [
        [4, 2],
        [2, 3],
      ],
      [8, 8],
    );
    expect(x).toBeCloseTo(1, 12);
    expect(y).toBeCloseTo(2, 12);
  });
});

describe('areaUnderCurve', () => {
  it('is the share of (churner, non-churner) pairs ranked right', () => {
    const outcomes = [
      { predicted: 0.1, churned: 0 },
      { predicted: 0.4, churned: 1 },
      { predicted: 0.35, churned: 0 },
      { predicted: 0.8, churned: 1 },
    ];
    // Pairs (churner, non-churner): (0.4, 0.1), (0.4, 0.35), (0.8, 0.1), (0.8, 0.35): all 4 ranked right.
    expect(areaUnderCurve(outcomes)).toBe(1);
    // Swap one: the churner at 0.4 now sits below the non-churner at 0.5: 3 of 4 pairs.
    expect(areaUnderCurve([...outcomes.slice(0, 2), { predicted: 0.5, churned: 0 }, outcomes[3]!])).toBe(
      0.75,
    );
  });

  it('counts a tie as half a pair', () => {
    const outcomes = [
      { predicted: 0.5, churned: 1 },
      { predicted: 0.5, churned: 0 },
      { predicted: 0.2, churned: 0 },
      { predicted: 0.9, churned: 1 },
    ];
    // (0.5, 0.5) ½, (0.5, 0.2) 1, (0.9, 0.5) 1, (0.9, 0.2) 1 → 3.5 / 4
    expect(areaUnderCurve(outcomes)).toBe(0.875);
  });

  it('is null with one outcome only', () => {
    expect(areaUnderCurve([{ predicted: 0.3, churned: 0 }])).toBeNull();
  });
});

describe('calibrationBins', () => {
  it('cuts the customers sorted by prediction into equal groups with mean prediction and observed rate', () => {
    const outcomes = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6].map((predicted, i) => ({
      predicted,
      churned: i >= 4 ? 1 : 0,
    }));
    /*
     * Without customer ids every example counts as its own customer: 2 per bin. Wilson at n = 2, z² = 3.8416:
     * rate 0: (0 + 0.9604 ± 1.96·√(0.2401)) / 2.9208 → 0 … 1.9208 / 2.9208 = 0.657628; rate 1 mirrors it.
     */
    expect(calibrationBins(outcomes, 3)).toEqual([
      {
        customers: 2,
        distinctCustomers: 2,
        churners: 0,
        meanPredicted: expect.closeTo(0.15, 12),
        observedRate: 0,
        observedLower: 0,
        observedUpper: expect.closeTo(0.657628, 6),
      },
      {
        customers: 2,
        distinctCustomers: 2,
        churners: 0,
        meanPredicted: expect.closeTo(0.35, 12),
        observedRate: 0,
        observedLower: 0,
        observedUpper: expect.closeTo(0.657628, 6),
      },
      {
        customers: 2,
        distinctCustomers: 2,
        churners: 2,
        meanPredicted: expect.closeTo(0.55, 12),
        observedRate: 1,
        observedLower: expect.closeTo(0.342372, 6),
        observedUpper: 1,
      },
    ]);
  });

  it("counts a customer's examples at several snapshots once in the interval", () => {
    // Customer 7 churned and is seen at two snapshots: 2 churners of 2 examples, but one customer. Wilson at
    // rate 1, n = 1: (1 + 1.9208 ± 1.96 · √(3.8416 / 4)) / 4.8416 = 1 / 4.8416 = 0.206543 … 1.
    const [bin] = calibrationBins(
      [
        { predicted: 0.4, churned: 1, customer: 7 },
        { predicted: 0.5, churned: 1, customer: 7 },
      ],
      1,
    );
    expect(bin).toMatchObject({ customers: 2, distinctCustomers: 1, churners: 2, observedRate: 1 });
    expect(bin!.observedLower).toBeCloseTo(0.206543, 6);
    expect(bin!.observedUpper).toBe(1);
  });
});

describe('wilsonInterval', () => {
  it('is the Wilson score interval at 95%', () => {
    // Rate 0.5 on 100: (0.5 + 0.019208 ± 1.96 · √(0.0025 + 0.00009604)) / 1.038416 = 0.403830 … 0.596170.
    const half = wilsonInterval(0.5, 100);
    expect(half.lower).toBeCloseTo(0.40383, 5);
    expect(half.upper).toBeCloseTo(0.59617, 5);
    // Rate 0 on 10: not empty: 0 … 2 · 0.19208 / 1.38416 = 0.277540.
    const none = wilsonInterval(0, 10);
    expect(none.lower).toBe(0);
    expect(none.upper).toBeCloseTo(0.27754, 5);
    expect(wilsonInterval(0.3, 0)).toEqual({ lower: 0, upper: 1 });
  });
});

describe('the folds of cross-validation', () => {
  it('puts each id in the fold of its FNV-1a hash modulo 5', () => {
    // FNV-1a 32-bit worked out apart (Python): C0000001..8 hash to 3820749833, 3770416976, 3787194595,
    // 3871082690, 3887860309, 3837527452, 3854305071, 3938193166.
    const ids = Array.from({ length: 8 }, (_, i) => `C000000${i + 1}`);
    expect(ids.map(foldOf)).toEqual([3, 1, 0, 0, 4, 2, 1, 1]);
  });

  it('splits ids into five folds of about a fifth each, the same on every run', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `C${String(i + 1).padStart(7, '0')}`);
    for (let fold = 0; fold < FOLDS; fold++) {
      const share = ids.filter((id) => foldOf(id) === fold).length / ids.length;
      expect(share).toBeGreaterThan(0.18);
      expect(share).toBeLessThan(0.22);
    }
    expect(ids.map(foldOf)).toEqual(ids.map(foldOf));
  });

  /** Examples whose one informative feature (npsLatest) separates churners from the others, with noise. */
  const examples = (flipped: string | null): Example[] =>
    Array.from({ length: 200 }, (_, i) => {
      const externalId = `C${String(i + 1).padStart(7, '0')}`;
      const nps = i % 11;
      const churned = (nps < 4 && i % 3 !== 0) || i % 17 === 0 ? 1 : 0;
      const values = FEATURES.map(({ name }) => (name === 'npsLatest' ? nps : 0));
      return {
        customer: { id: i + 1, externalId, churnedAt: null, lifetimeValue: null, segment, values },
        churned: (externalId === flipped ? 1 - churned : churned) as 0 | 1,
      };
    });
  const segment = { generation: '', region: '', tier: '' };

  it('predicts each example by a model that never saw it: its own outcome cannot move its prediction', () => {
    const before = outOfFoldOutcomes(examples(null));
    const after = outOfFoldOutcomes(examples('C0000003'));
    const prediction = (outcomes: Outcome[], id: number) =>
      outcomes.find(({ customer }) => customer === id)!.predicted;
    expect(after).toHaveLength(200);
    // C0000003 (fold 0) flipped: its own prediction is unchanged, one of fold 1 moves (fitted with it).
    expect(prediction(after, 3)).toBe(prediction(before, 3));
    expect(prediction(after, 2)).not.toBe(prediction(before, 2));
    // Low NPS churns: every out-of-fold model ranks NPS 0 above NPS 10.
    expect(prediction(before, 1)).toBeGreaterThan(prediction(before, 11));
  });
});

describe('explainScore', () => {
  /**
   * A model where only feature j counts: intercept 0, weight ln 3 on (value − 0) / value, so the
   * customer's log-odds are ln 3, the probability 3/4 (score 75), and without the feature ½: +25 points.
   */
  const oneFeatureModel = (j: number, value: number): ScoringModel => ({
    version: 'test',
    intercept: 0,
    features: FEATURES.map(({ name }, k) => ({
      name,
      mean: 0,
      scale: k === j ? value : 1,
      weight: k === j ? Math.log(3) : 0,
    })),
  });

  /** Each feature's driver, in the words an executive reads, for one example value. */
  const EXPECTED: Record<string, [number, string]> = {
    npsLatest: [3, 'latest NPS 3'],
    npsChange: [-4, 'NPS down 4 since the previous score'],
    csatLatest: [2, 'latest CSAT 2'],
    csatChange: [1, 'CSAT up 1 since the previous score'],
    lowScores30: [1, '1 low survey score in 30 days'],
    lowScores90: [2, '2 low survey scores in 90 days'],
    lowScores180: [3, '3 low survey scores in 180 days'],
    promoters180: [1, '1 promoter score in 180 days'],
    contacts30: [3, '3 contacts in 30 days'],
    contacts90: [1, '1 contact in 90 days'],
    contacts180: [5, '5 contacts in 180 days'],
    repeatContacts30: [1, '1 repeat contact in 30 days'],
    repeatContacts90: [2, '2 repeat contacts in 90 days'],
    repeatContacts180: [2, '2 repeat contacts in 180 days'],
    unresolved30: [1, '1 unresolved contact in 30 days'],
    unresolved90: [1, '1 unresolved contact in 90 days'],
    unresolved180: [2, '2 unresolved contacts in 180 days'],
    longWaits30: [1, '1 long wait in 30 days'],
    longWaits90: [2, '2 long waits in 90 days'],
    longWaits180: [3, '3 long waits in 180 days'],
    escalated90: [3, '3 escalated contacts in 90 days'],
    complaints90: [1, '1 complaint in 90 days'],
    complaints180: [2, '2 complaints in 180 days'],
    apologies90: [1, '1 apology in 90 days'],
    apologies180: [2, '2 apologies in 180 days'],
    perksWithoutApology180: [1, '1 recompense without apology in 180 days'],
    escalatedSessions90: [1, '1 escalated self-service session in 90 days'],
    backfiredSessions90: [1, '1 backfired self-service session in 90 days'],
    abandonedSessions30: [1, '1 abandoned self-service session in 30 days'],
    abandonedSessions90: [4, '4 abandoned self-service sessions in 90 days'],
    abandonedSessions180: [5, '5 abandoned self-service sessions in 180 days'],
    daysSinceBadExperience: [12.5, 'last bad experience 12 days ago'],
    tenureYears: [2.25, 'customer for 2.3 years'],
    vip: [1, 'VIP tier'],
    lifetimeValueLog: [Math.log1p(1500), 'lifetime value 1,500'],
  };

  it('has an expected explanation for every feature', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(FEATURES.map(({ name }) => name).sort());
  });

  it.each(FEATURES.map(({ name }, j) => ({ name, j })))(
    'explains $name in words and score points',
    ({ name, j }) => {
      const [value, label] = EXPECTED[name]!;
      const values = FEATURES.map((_, k) => (k === j ? value : 0));
      expect(explainScore(oneFeatureModel(j, value), values)).toEqual({
        score: 75,
        drivers: [{ feature: name, label, value, points: 25 }],
      });
    },
  );

  it('keeps the largest effects first, at most five, and leaves out unknown values and effects under half a point', () => {
    // Weights ln 3 on contacts30 (+), −ln 3 on vip (−), 2 ln 3 on lowScores90, tiny on tenureYears.
    const weights: Record<string, number> = {
      contacts30: Math.log(3),
      vip: -Math.log(3),
      lowScores90: 2 * Math.log(3),
      tenureYears: 0.001,
      npsLatest: 5,
    };
    const model: ScoringModel = {
      version: 'test',
      intercept: 0,
      features: FEATURES.map(({ name }) => ({ name, mean: 0, scale: 1, weight: weights[name] ?? 0 })),
    };
    const values = FEATURES.map(({ name }) =>
      name === 'npsLatest'
        ? null
        : (({ contacts30: 1, vip: 1, lowScores90: 1, tenureYears: 1 } as Record<string, number>)[name] ?? 0),
    );
    // Log-odds ln 3 − ln 3 + 2 ln 3 = 2 ln 3: p = 9/10, score 90. Without lowScores90 the log-odds are 0,
    // p = ½: +40 points; without contacts30, ln 3 and p = ¾: +15; without vip, 3 ln 3 and p = 27/28:
    // 100 × (0.9 − 27/28) = −6.43, so −6; tenureYears moves p by 0.009 points: left out; npsLatest unknown.
    const { score, drivers } = explainScore(model, values);
    expect(score).toBe(90);
    expect(drivers.map(({ feature, points }) => [feature, points])).toEqual([
      ['lowScores90', 40],
      ['contacts30', 15],
      ['vip', -6],
    ]);
    expect(drivers.length).toBeLessThanOrEqual(MAX_DRIVERS);
  });
});

describe('aucInterval', () => {
  it('is A ± 1.96 SE by Hanley and McNeil', () => {
    /*
     * A = 0.8, 10 churners, 40 non-churners: Q1 = 0.8 / 1.2 = 0.666667, Q2 = 2 × 0.64 / 1.8 = 0.711111;
     * SE² = (0.8 × 0.2 + 9 × (0.666667 − 0.64) + 39 × (0.711111 − 0.64)) / 400
     *     = (0.16 + 0.24 + 2.773333) / 400 = 0.007933, SE = 0.089069; 0.8 ∓ 0.174575.
     */
    const interval = aucInterval(0.8, 10, 40)!;
    expect(interval.lower).toBeCloseTo(0.625425, 5);
    expect(interval.upper).toBeCloseTo(0.974575, 5);
  });

  it('is clipped to 0-1 and null without an AUC or an outcome', () => {
    expect(aucInterval(1, 2, 2)).toEqual({ lower: 1, upper: 1 });
    expect(aucInterval(null, 5, 5)).toBeNull();
    expect(aucInterval(0.7, 0, 5)).toBeNull();
  });
});

describe('topDecileShare and brierScore', () => {
  const outcomes = [
    0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05, 0.04, 0.03, 0.02, 0.01, 0, 0, 0, 0, 0, 0,
  ].map((predicted, i) => ({ predicted, churned: [0, 2, 9].includes(i) ? 1 : 0 }));

  it('counts the churners among the highest-scored tenth', () => {
    // 20 examples: the top round(2) are 0.9 (churned) and 0.8 (not); churners 0.9, 0.7, 0.1: 1 of 3.
    expect(topDecileShare(outcomes)).toBeCloseTo(1 / 3, 12);
    expect(topDecileShare([{ predicted: 0.5, churned: 0 }])).toBeNull();
  });

  it('is the mean squared error of the probabilities', () => {
    // (0.9 − 1)² + (0.2 − 0)² + (0.5 − 1)² = 0.01 + 0.04 + 0.25 = 0.30, over 3.
    const three = [
      { predicted: 0.9, churned: 1 },
      { predicted: 0.2, churned: 0 },
      { predicted: 0.5, churned: 1 },
    ];
    expect(brierScore(three)).toBeCloseTo(0.1, 12);
    expect(brierScore([])).toBeNull();
  });
});

describe('revenue at risk totals', () => {
  it('sums the expected loss over every score and the value at or above the threshold', () => {
    // 0.1 × 1,000 + 0.7 × 300 + 0.95 × 200 = 100 + 210 + 190 = 500; at 70 or more: 2 + 1 customers, 500 of value.
    const totals = totalsOf(
      [
        { score: 10, customers: 4, value: 1000 },
        { score: 70, customers: 2, value: 300 },
        { score: 95, customers: 1, value: 200 },
      ],
      70,
    );
    expect(totals).toEqual({ scoredCustomers: 7, expectedLoss: 500, atRiskCustomers: 3, atRiskValue: 500 });
    expect(totalsOf([{ score: 70, customers: 2, value: 300 }], 71).atRiskCustomers).toBe(0);
  });

  it('sums the same per segment, each segment once in the order it first appears', () => {
    const vip = { generation: 'boomer', region: 'north', tier: 'VIP' };
    const standard = { generation: 'boomer', region: 'north', tier: 'STANDARD' };
    // VIP: 0.8 × 1,000 + 0.2 × 500 = 900, one customer (1,000) at 70 or more; STANDARD: 0.5 × 40 = 20.
    expect(
      segmentTotalsOf(
        [
          { ...vip, score: 80, customers: 1, value: 1000 },
          { ...standard, score: 50, customers: 1, value: 40 },
          { ...vip, score: 20, customers: 1, value: 500 },
        ],
        70,
      ),
    ).toEqual([
      { ...vip, scoredCustomers: 2, expectedLoss: 900, atRiskCustomers: 1, atRiskValue: 1000 },
      { ...standard, scoredCustomers: 1, expectedLoss: 20, atRiskCustomers: 0, atRiskValue: 0 },
    ]);
  });

  it("takes the high-risk threshold from the risk-jump alert rule's configuration", () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cx-rules-')), 'rules.json');
    writeFileSync(file, JSON.stringify({ riskJump: { threshold: 55 } }));
    expect(highRiskThreshold({ CX_ALERT_RULES: file })).toBe(55);
    expect(highRiskThreshold({})).toBe(70);
  });
});

describe('nextStep', () => {
  const event = (data: Partial<Parameters<typeof nextStep>[0][number]>) => ({
    customerId: 1,
    at: new Date('2026-11-20T10:00:00Z'),
    kind: 'complaint',
    label: 'complaint about billing by phone, without an apology',
    unresolved: false,
    apology: false as boolean | null,
    reason: 'billing',
    ...data,
  });

  it('routes a customer who prefers a live agent to one, before anything else', () => {
    expect(nextStep([event({})], 'agent note', null).action).toBe(NextStepAction.ROUTE_TO_LIVE_AGENT);
  });

  it('calls back with an apology when the generation kept more complainers with apologies', () => {
    const step = nextStep([event({})], null, { apology: 8, perks: 21.5 });
    expect(step).toEqual({
      action: NextStepAction.CALL_BACK_WITH_APOLOGY,
      text: 'Call back with a personal apology and fix the problem about billing of 2026-11-20.',
      reason:
        'In this generation, 8.0% of complainers who got an apology left within 90 days, against 21.5% of those given perks alone.',
    });
    expect(nextStep([event({ apology: null, unresolved: true })], null, null).action).toBe(
      NextStepAction.CALL_BACK,
    );
  });

  it('closes the loop on a low score, and otherwise checks in', () => {
    const low = event({ kind: 'low_score', label: 'NPS 3', apology: null, reason: null });
    expect(nextStep([low], null, null).text).toBe(
      'Close the loop on the NPS 3 of 2026-11-20: ask what went wrong.',
    );
    expect(nextStep([], null, null).action).toBe(NextStepAction.CHECK_IN);
  });
});

describe('penaltyFor', () => {
  it('is 1 from 500 training churners up, 500 / churners below', () => {
    expect(penaltyFor(2962)).toBe(1);
    expect(penaltyFor(500)).toBe(1);
    expect(penaltyFor(20)).toBe(25);
    expect(penaltyFor(0)).toBe(500);
  });
});
