import { Dimension } from './dimension.js';

/**
 * The semantic layer: every measure, the rows it is computed from (its family) and how it follows from
 * sums and counts that the database aggregates. Deriving a measure from integer sums and counts in one
 * place gives the same digits on SQLite and PostgreSQL, and is what rollups will store.
 */
export type Family = 'surveys' | 'contacts' | 'selfService' | 'wordOfMouth' | 'churn' | 'risk';

const CUSTOMER_DIMENSIONS = [Dimension.GENERATION, Dimension.REGION, Dimension.TIER];
/** Who handled a contact, and so who earned the responses about it. */
export const AGENT_DIMENSIONS = [Dimension.AGENT, Dimension.TEAM, Dimension.QUEUE];

/** The dimensions (and so the filters) each family can be split by. */
export const FAMILY_DIMENSIONS: Record<Family, readonly Dimension[]> = {
  surveys: [Dimension.CHANNEL, ...CUSTOMER_DIMENSIONS, ...AGENT_DIMENSIONS],
  contacts: [Dimension.CHANNEL, ...CUSTOMER_DIMENSIONS, Dimension.REASON, ...AGENT_DIMENSIONS],
  selfService: [Dimension.ENTRY, ...CUSTOMER_DIMENSIONS],
  wordOfMouth: CUSTOMER_DIMENSIONS,
  churn: CUSTOMER_DIMENSIONS,
  risk: CUSTOMER_DIMENSIONS,
};

/** Sums and counts of one group, by the names fact-queries.ts gives them. */
export type Aggregates = Record<string, number>;

/** How a measure's value reads: the unit the dashboard formats it in. */
export type MeasureUnit =
  'npsPoints' | 'score5' | 'score7' | 'percent' | 'count' | 'seconds' | 'people' | 'money';

/** Which way of a change is good news. */
export type Direction = 'higher' | 'lower' | 'neither';

interface MeasureDefinition {
  family: Family;
  /** Short display name, e.g. "First-contact resolution". */
  label: string;
  unit: MeasureUnit;
  /** Decimals a reader needs to tell a real move from noise (display rounding only). */
  decimals: number;
  better: Direction;
  /**
   * What the value rests on, when it is an estimate from a sample: the rows it counts (plural noun) and
   * the measure of the same row that holds their number, where one exists. Counts and sums have none.
   */
  sample?: { noun: string; field?: string };
  /** The aggregates it is derived from. */
  aggregates: readonly string[];
  /** Integer measures are counts; the others are floats at full precision. */
  integer?: boolean;
  derive(a: Aggregates): number | null;
  /** What it counts, its unit and range, for the schema. */
  description: string;
}

/** numerator / denominator; null without a denominator (no underlying rows). */
export const ratio = (numerator: number | undefined, denominator: number | undefined): number | null =>
  denominator ? numerator! / denominator : null;
/** 100 × numerator / denominator; null without a denominator. */
export const percent = (numerator: number | undefined, denominator: number | undefined): number | null =>
  denominator ? (100 * numerator!) / denominator : null;
const countOrNull = (count: number | undefined): number | null => count || null;

/** The normal quantile of 95% margins of error (docs/concepts.md). */
export const Z_95 = 1.96;

/** Variance of an NPS estimate, in NPS points squared: 100² × (p + d − (p − d)²) / n; null without responses. */
export function npsVariance(a: Aggregates): number | null {
  const n = a.npsResponses;
  if (!n) return null;
  const p = a.promoters! / n;
  const d = a.detractors! / n;
  return (100 ** 2 * (p + d - (p - d) ** 2)) / n;
}

/** Variance of the mean CSAT score (sample variance / n); null under 2 responses. */
export function csatMeanVariance(a: Aggregates): number | null {
  const n = a.csatResponses ?? 0;
  if (n < 2) return null;
  const sampleVariance = (a.csatSquares! - a.csatSum! ** 2 / n) / (n - 1);
  return Math.max(sampleVariance, 0) / n;
}

const NPS = ['npsResponses', 'promoters', 'detractors'] as const;

export const MEASURES = {
  nps: {
    label: 'NPS',
    unit: 'npsPoints',
    decimals: 1,
    better: 'higher',
    sample: { noun: 'responses', field: 'npsResponses' },
    family: 'surveys',
    aggregates: NPS,
    derive: (a) => percent(a.promoters! - a.detractors!, a.npsResponses),
    description:
      'Net Promoter Score, -100 to 100: promoters (9-10) minus detractors (0-6) as a percentage of nps responses.',
  },
  npsMarginOfError: {
    label: 'NPS margin of error (95%)',
    unit: 'npsPoints',
    decimals: 1,
    better: 'lower',
    family: 'surveys',
    aggregates: NPS,
    derive: (a) => {
      const variance = npsVariance(a);
      return variance === null ? null : Z_95 * Math.sqrt(variance);
    },
    description:
      'Half-width of the 95% confidence interval of nps, in NPS points: 1.96 × 100 × sqrt((p + d − (p − d)²) / n), ' +
      'p and d the promoter and detractor shares.',
  },
  npsResponses: {
    label: 'NPS responses',
    unit: 'count',
    decimals: 0,
    better: 'neither',
    family: 'surveys',
    aggregates: NPS,
    integer: true,
    derive: (a) => countOrNull(a.npsResponses),
    description: 'Number of nps responses (scores 0-10).',
  },
  promotersPct: {
    label: 'Promoters',
    unit: 'percent',
    decimals: 1,
    better: 'higher',
    sample: { noun: 'responses', field: 'npsResponses' },
    family: 'surveys',
    aggregates: NPS,
    derive: (a) => percent(a.promoters, a.npsResponses),
    description: 'Share of nps responses scoring 9 or 10, percent 0-100.',
  },
  detractorsPct: {
    label: 'Detractors',
    unit: 'percent',
    decimals: 1,
    better: 'lower',
    sample: { noun: 'responses', field: 'npsResponses' },
    family: 'surveys',
    aggregates: NPS,
    derive: (a) => percent(a.detractors, a.npsResponses),
    description: 'Share of nps responses scoring 0 to 6, percent 0-100.',
  },
  csatAvg: {
    label: 'CSAT',
    unit: 'score5',
    decimals: 2,
    better: 'higher',
    sample: { noun: 'responses', field: 'csatResponses' },
    family: 'surveys',
    aggregates: ['csatResponses', 'csatSum'],
    derive: (a) => ratio(a.csatSum, a.csatResponses),
    description: 'Mean score of csat responses, 1-5.',
  },
  csatTop2Pct: {
    label: 'CSAT top-2',
    unit: 'percent',
    decimals: 1,
    better: 'higher',
    sample: { noun: 'responses', field: 'csatResponses' },
    family: 'surveys',
    aggregates: ['csatResponses', 'csatTop2'],
    derive: (a) => percent(a.csatTop2, a.csatResponses),
    description: 'Share of csat responses scoring 4 or 5 (satisfied), percent 0-100.',
  },
  csatResponses: {
    label: 'CSAT responses',
    unit: 'count',
    decimals: 0,
    better: 'neither',
    family: 'surveys',
    aggregates: ['csatResponses'],
    integer: true,
    derive: (a) => countOrNull(a.csatResponses),
    description: 'Number of csat responses (scores 1-5).',
  },
  cesAvg: {
    label: 'CES',
    unit: 'score7',
    decimals: 2,
    better: 'higher',
    sample: { noun: 'responses', field: 'cesResponses' },
    family: 'surveys',
    aggregates: ['cesResponses', 'cesSum'],
    derive: (a) => ratio(a.cesSum, a.cesResponses),
    description: 'Mean score of ces (customer effort) responses, 1-7.',
  },
  cesResponses: {
    label: 'CES responses',
    unit: 'count',
    decimals: 0,
    better: 'neither',
    family: 'surveys',
    aggregates: ['cesResponses'],
    integer: true,
    derive: (a) => countOrNull(a.cesResponses),
    description: 'Number of ces responses (scores 1-7).',
  },
  contacts: {
    label: 'Contacts',
    unit: 'count',
    decimals: 0,
    better: 'neither',
    family: 'contacts',
    aggregates: ['contacts'],
    integer: true,
    derive: (a) => countOrNull(a.contacts),
    description: 'Number of assisted contacts.',
  },
  avgHandleSeconds: {
    label: 'Average handle time',
    unit: 'seconds',
    decimals: 0,
    better: 'neither',
    sample: { noun: 'contacts', field: 'contacts' },
    family: 'contacts',
    aggregates: ['handleSum', 'handleCount'],
    derive: (a) => ratio(a.handleSum, a.handleCount),
    description: 'Mean handle time in seconds, over the contacts whose handle_seconds is known.',
  },
  avgWaitSeconds: {
    label: 'Average wait',
    unit: 'seconds',
    decimals: 0,
    better: 'lower',
    sample: { noun: 'contacts', field: 'contacts' },
    family: 'contacts',
    aggregates: ['waitSum', 'waitCount'],
    derive: (a) => ratio(a.waitSum, a.waitCount),
    description:
      'Mean wait before an agent answered, in seconds, over the contacts whose wait_seconds is known.',
  },
  fcrRate: {
    label: 'First-contact resolution',
    unit: 'percent',
    decimals: 1,
    better: 'higher',
    sample: { noun: 'contacts', field: 'contacts' },
    family: 'contacts',
    aggregates: ['contacts', 'firstContactResolved'],
    derive: (a) => percent(a.firstContactResolved, a.contacts),
    description:
      'First-contact resolution, percent 0-100: contacts with first_contact_resolution true / all contacts ' +
      '(unknown counts as not resolved first time).',
  },
  escalationRate: {
    label: 'Escalation rate',
    unit: 'percent',
    decimals: 1,
    better: 'lower',
    sample: { noun: 'contacts', field: 'contacts' },
    family: 'contacts',
    aggregates: ['contacts', 'escalatedContacts'],
    derive: (a) => percent(a.escalatedContacts, a.contacts),
    description: 'Percent 0-100 of contacts escalated to a supervisor or tier 2.',
  },
  repeatContactRate: {
    label: 'Repeat contacts',
    unit: 'percent',
    decimals: 1,
    better: 'lower',
    sample: { noun: 'contacts', field: 'contacts' },
    family: 'contacts',
    aggregates: ['contacts', 'repeatedContacts'],
    derive: (a) => percent(a.repeatedContacts, a.contacts),
    description:
      'Percent 0-100 of contacts followed by another contact of the same customer, in any channel, starting ' +
      'later but within 7 days (even after the end of the window).',
  },
  selfServiceSessions: {
    label: 'Self-service sessions',
    unit: 'count',
    decimals: 0,
    better: 'neither',
    family: 'selfService',
    aggregates: ['sessions'],
    integer: true,
    derive: (a) => countOrNull(a.sessions),
    description: 'Number of self-service sessions.',
  },
  deflectionRate: {
    label: 'Containment',
    unit: 'percent',
    decimals: 1,
    better: 'higher',
    sample: { noun: 'sessions', field: 'selfServiceSessions' },
    family: 'selfService',
    aggregates: ['sessions', 'resolvedSessions'],
    derive: (a) => percent(a.resolvedSessions, a.sessions),
    description: 'Containment, percent 0-100: self-service sessions with outcome resolved / sessions.',
  },
  trueDeflectionRate: {
    label: 'True deflection',
    unit: 'percent',
    decimals: 1,
    better: 'higher',
    sample: { noun: 'sessions', field: 'selfServiceSessions' },
    family: 'selfService',
    aggregates: ['sessions', 'trulyDeflectedSessions'],
    derive: (a) => percent(a.trulyDeflectedSessions, a.sessions),
    description:
      'Percent 0-100 of self-service sessions resolved and not followed by a contact of the same customer ' +
      'within 72 hours of the session start. Abandoned sessions never count as deflected.',
  },
  selfServiceEscalationRate: {
    label: 'Self-service escalation',
    unit: 'percent',
    decimals: 1,
    better: 'lower',
    sample: { noun: 'sessions', field: 'selfServiceSessions' },
    family: 'selfService',
    aggregates: ['sessions', 'escalatedSessions'],
    derive: (a) => percent(a.escalatedSessions, a.sessions),
    description: 'Percent 0-100 of self-service sessions that ended escalated to an agent.',
  },
  backfireRate: {
    label: 'Backfire rate',
    unit: 'percent',
    decimals: 1,
    better: 'lower',
    sample: { noun: 'escalated sessions' },
    family: 'selfService',
    aggregates: ['escalatedSessions', 'backfiredSessions'],
    derive: (a) => percent(a.backfiredSessions, a.escalatedSessions),
    description:
      'Percent 0-100 of escalated self-service sessions followed, within 7 days of the session start, by a ' +
      'detractor nps (0-6) or a csat of 1-2 from the same customer. Null without escalated sessions.',
  },
  womReach: {
    label: 'Word-of-mouth reach',
    unit: 'people',
    decimals: 0,
    better: 'lower',
    family: 'wordOfMouth',
    aggregates: ['womReach'],
    integer: true,
    derive: (a) => (a.womReach === undefined ? null : a.womReach),
    description:
      'Estimated people reached by negative word of mouth: each distinct customer with a detractor nps in ' +
      'the period counts 825 if they used the social channel in the period (a contact or a survey about ' +
      'it), else 12. Null without detractors.',
  },
  churnRate: {
    label: 'Churn rate',
    unit: 'percent',
    decimals: 1,
    better: 'lower',
    sample: { noun: 'active customers' },
    family: 'churn',
    aggregates: ['churnedCustomers', 'activeCustomers'],
    derive: (a) => percent(a.churnedCustomers, a.activeCustomers),
    description:
      "Percent of customers lost: customers with churnedAt in the period / customers active at the period's " +
      'start (signed up before it, not churned before it). The period is the time bucket cut to the window, ' +
      'or without a grain the window itself, which then needs filter.from. Null when no one was active.',
  },
  revenueAtRisk: {
    label: 'Revenue at risk',
    unit: 'money',
    decimals: 0,
    better: 'lower',
    family: 'risk',
    aggregates: ['expectedLoss', 'hasScores'],
    derive: (a) => (a.hasScores ? a.expectedLoss! : null),
    description:
      'Revenue at risk, the expected loss: Σ over active customers (not churned) of their churn-risk score / 100 ' +
      '(the probability of leaving within 90 days) × lifetime_value, in the currency of the import. The latest ' +
      'scores answer for the window that contains the present (with a grain, the period holding it); earlier ' +
      'windows and periods read the daily risk history (riskHistory: the last day of each), kept for the whole ' +
      'base and per segment (generation × region × tier), so dimensions and segment filters work there too (days ' +
      'snapshotted before segments were kept have none). Null before any customer is scored.',
  },
} satisfies Record<string, MeasureDefinition>;

export type Measure = keyof typeof MEASURES;

export const MEASURE_NAMES = Object.keys(MEASURES) as Measure[];
