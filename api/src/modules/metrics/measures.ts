import { Dimension } from './dimension.js';
import {
  CHURN,
  CONTACTS,
  RISK,
  SESSIONS,
  SURVEYS,
  WORD_OF_MOUTH,
  type Aggregate,
  type Family,
} from './aggregates.js';

/**
 * The measure catalogue, the semantic layer's single source of truth: every measure as one entry that
 * references the aggregates it derives from (aggregates.ts) by their typed objects, with its description,
 * unit, rounding, good direction, sample and variance. The GraphQL measure fields (dto/measure-fields.ts),
 * the `metrics` query and exports, the overview's headline KPIs and their significance tests
 * (overview.service.ts) and the `measureCatalogue` query the dashboard presents numbers from are all derived
 * from it; rollups store every additive aggregate of a family, so a measure built on existing aggregates
 * needs nothing else (docs/adding-a-measure.md). Deriving measures from integer sums and counts in one place
 * gives the same digits on SQLite and PostgreSQL, from the facts or the rollups.
 */
export type { Family };

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

/** Sums and counts of one group, by aggregate name (Aggregate.name), as the queries return them. */
export type Aggregates = Record<string, number>;

/** How a measure's value reads: the unit the dashboard formats it in. */
export type MeasureUnit =
  'npsPoints' | 'score5' | 'score7' | 'percent' | 'count' | 'seconds' | 'people' | 'money';

/** Which way of a change is good news. */
export type Direction = 'higher' | 'lower' | 'neither';

/** Aggregates a derivation reads, under names of its own. */
type Uses<F extends Family> = Readonly<Record<string, Aggregate<F>>>;
/** Their values in one group: every one is present (a group without them has no value at all). */
type Values<U> = { readonly [K in keyof U]: number };

/** A function of some aggregates, and those aggregates. */
export interface Derivation {
  /** The names of the aggregates it reads, in the order queries select them. */
  readonly aggregates: readonly string[];
  /** Its value in a group; null when the group lacks one of its aggregates (no rows of the family). */
  readonly of: (a: Aggregates) => number | null;
}

function derivation<U extends Uses<Family>>(uses: U, of: (v: Values<U>) => number | null): Derivation {
  const entries = Object.entries(uses);
  return {
    aggregates: [...new Set(entries.map(([, aggregate]) => aggregate.name))],
    of: (a) => {
      const values: Record<string, number> = {};
      for (const [key, aggregate] of entries) {
        const value = a[aggregate.name];
        if (value === undefined) return null;
        values[key] = value;
      }
      return of(values as Values<U>);
    },
  };
}

/** One entry of the catalogue, as written. */
interface MeasureSpec<F extends Family, U extends Uses<F>> {
  /** Short display name, e.g. "First-contact resolution". */
  label: string;
  /** What it counts, its unit and range, for the schema. */
  description: string;
  unit: MeasureUnit;
  /** Decimals a reader needs to tell a real move from noise (display rounding only). */
  decimals: number;
  better: Direction;
  /** The aggregates it derives from; they all belong to one family, which is the measure's. */
  uses: U;
  derive: (v: Values<U>) => number | null;
  /** The aggregate counting the rows the value rests on (the overview's sample size). */
  sampleSize: Aggregate<F>;
  /**
   * When the value is an estimate from a sample: the rows it counts (plural noun), and the measure of the
   * same row holding their number where one exists. Such a measure is flagged below the minimum sample.
   */
  sample?: { noun: string; field?: string };
  /** Variance of the estimate, for margins of error and significance tests (needs 2 rows or more). */
  variance?: Derivation;
  /** A headline KPI of the overview (in catalogue order). */
  headline?: boolean;
  /** Its name before a rename: kept in the schema as a deprecated alias returning the same value. */
  formerly?: string;
}

/** A measure of the catalogue, as the rest of the code reads it. */
export interface MeasureDefinition extends Derivation {
  readonly family: Family;
  readonly label: string;
  readonly description: string;
  readonly unit: MeasureUnit;
  readonly decimals: number;
  readonly better: Direction;
  /** Counts (of rows or people) are GraphQL Int; the others are Float at full precision. */
  readonly integer: boolean;
  readonly sampleSize: Aggregate;
  readonly sample?: { readonly noun: string; readonly field?: string };
  readonly variance?: Derivation;
  readonly headline: boolean;
  readonly formerly?: string;
  /** The value of a group's aggregates (the same as `of`). */
  readonly derive: (a: Aggregates) => number | null;
}

function measure<F extends Family, U extends Uses<F>>(spec: MeasureSpec<F, U>): MeasureDefinition {
  const { aggregates, of } = derivation(spec.uses, spec.derive);
  return {
    family: spec.sampleSize.family,
    label: spec.label,
    description: spec.description,
    unit: spec.unit,
    decimals: spec.decimals,
    better: spec.better,
    integer: spec.unit === 'count' || spec.unit === 'people',
    sampleSize: spec.sampleSize,
    ...(spec.sample && { sample: spec.sample }),
    ...(spec.variance && { variance: spec.variance }),
    headline: spec.headline ?? false,
    ...(spec.formerly && { formerly: spec.formerly }),
    aggregates,
    of,
    derive: of,
  };
}

/** numerator / denominator; null without a denominator (no underlying rows). */
export const ratio = (numerator: number | undefined, denominator: number | undefined): number | null =>
  denominator ? numerator! / denominator : null;
/** 100 × numerator / denominator; null without a denominator. */
export const percent = (numerator: number | undefined, denominator: number | undefined): number | null =>
  denominator ? (100 * numerator!) / denominator : null;

/** The normal quantile of 95% margins of error (docs/concepts.md). */
export const Z_95 = 1.96;

type Common = 'label' | 'description' | 'headline' | 'formerly';

/** The number of rows an aggregate counts; null without any. */
function countOf<F extends Family>(
  rows: Aggregate<F>,
  spec: Pick<MeasureSpec<F, Uses<F>>, Common>,
): MeasureDefinition {
  return measure({
    ...spec,
    unit: 'count',
    decimals: 0,
    better: 'neither',
    uses: { rows },
    derive: ({ rows }) => rows || null,
    sampleSize: rows,
  });
}

/** Percent 0-100 of the rows of `whole` that are in `part`, an estimate from the rows of `whole`. */
function percentOf<F extends Family>(
  part: Aggregate<F>,
  whole: Aggregate<F>,
  spec: Pick<MeasureSpec<F, Uses<F>>, Common | 'better'> & { noun: string; field?: string },
): MeasureDefinition {
  const { noun, field, ...rest } = spec;
  return measure({
    ...rest,
    unit: 'percent',
    decimals: 1,
    uses: { whole, part },
    derive: ({ whole, part }) => percent(part, whole),
    sampleSize: whole,
    sample: { noun, ...(field && { field }) },
  });
}

/** The mean of a score or duration: its sum over the rows that have one, by their count. */
function meanOf<F extends Family>(
  uses: { sum: Aggregate<F>; count: Aggregate<F> },
  spec: Pick<
    MeasureSpec<F, Uses<F>>,
    Common | 'better' | 'unit' | 'decimals' | 'sampleSize' | 'sample' | 'variance'
  >,
): MeasureDefinition {
  return measure({ ...spec, uses, derive: ({ sum, count }) => ratio(sum, count) });
}

/** The NPS's aggregates. */
const NPS = { responses: SURVEYS.npsResponses, promoters: SURVEYS.promoters, detractors: SURVEYS.detractors };

/** Variance of an NPS estimate, in NPS points squared: 100² × (p + d − (p − d)²) / n; null without responses. */
function npsVariance({ responses: n, promoters, detractors }: Values<typeof NPS>): number | null {
  if (!n) return null;
  const p = promoters / n;
  const d = detractors / n;
  return (100 ** 2 * (p + d - (p - d) ** 2)) / n;
}

/** Variance of the mean CSAT score (sample variance / n); null under 2 responses. */
const CSAT_MEAN_VARIANCE = derivation(
  { n: SURVEYS.csatResponses, sum: SURVEYS.csatSum, squares: SURVEYS.csatSquares },
  ({ n, sum, squares }) => {
    if (n < 2) return null;
    const sampleVariance = (squares - sum ** 2 / n) / (n - 1);
    return Math.max(sampleVariance, 0) / n;
  },
);

const RESPONSES = { noun: 'responses' };

export const MEASURES = {
  nps: measure({
    label: 'NPS',
    unit: 'npsPoints',
    decimals: 1,
    better: 'higher',
    headline: true,
    uses: NPS,
    derive: ({ responses, promoters, detractors }) => percent(promoters - detractors, responses),
    sampleSize: SURVEYS.npsResponses,
    sample: { ...RESPONSES, field: 'npsResponses' },
    variance: derivation(NPS, npsVariance),
    description:
      'Net Promoter Score, -100 to 100: promoters (9-10) minus detractors (0-6) as a percentage of nps responses.',
  }),
  npsMarginOfError: measure({
    label: 'NPS margin of error (95%)',
    unit: 'npsPoints',
    decimals: 1,
    better: 'lower',
    uses: NPS,
    derive: (v) => {
      const variance = npsVariance(v);
      return variance === null ? null : Z_95 * Math.sqrt(variance);
    },
    sampleSize: SURVEYS.npsResponses,
    description:
      'Half-width of the 95% confidence interval of nps, in NPS points: 1.96 × 100 × sqrt((p + d − (p − d)²) / n), ' +
      'p and d the promoter and detractor shares.',
  }),
  npsResponses: countOf(SURVEYS.npsResponses, {
    label: 'NPS responses',
    description: 'Number of nps responses (scores 0-10).',
  }),
  promotersPct: percentOf(SURVEYS.promoters, SURVEYS.npsResponses, {
    label: 'Promoters',
    better: 'higher',
    ...RESPONSES,
    field: 'npsResponses',
    description: 'Share of nps responses scoring 9 or 10, percent 0-100.',
  }),
  detractorsPct: percentOf(SURVEYS.detractors, SURVEYS.npsResponses, {
    label: 'Detractors',
    better: 'lower',
    ...RESPONSES,
    field: 'npsResponses',
    description: 'Share of nps responses scoring 0 to 6, percent 0-100.',
  }),
  passivesPct: measure({
    label: 'Passives',
    unit: 'percent',
    decimals: 1,
    better: 'neither',
    uses: NPS,
    derive: ({ responses, promoters, detractors }) => percent(responses - promoters - detractors, responses),
    sampleSize: SURVEYS.npsResponses,
    sample: { ...RESPONSES, field: 'npsResponses' },
    description: 'Share of nps responses scoring 7 or 8 (passives), percent 0-100.',
  }),
  avgCsat: meanOf(
    { count: SURVEYS.csatResponses, sum: SURVEYS.csatSum },
    {
      label: 'CSAT',
      formerly: 'csatAvg',
      unit: 'score5',
      decimals: 2,
      better: 'higher',
      headline: true,
      sampleSize: SURVEYS.csatResponses,
      sample: { ...RESPONSES, field: 'csatResponses' },
      variance: CSAT_MEAN_VARIANCE,
      description: 'Mean score of csat responses, 1-5.',
    },
  ),
  csatTop2Pct: percentOf(SURVEYS.csatTop2, SURVEYS.csatResponses, {
    label: 'CSAT top-2',
    better: 'higher',
    headline: true,
    ...RESPONSES,
    field: 'csatResponses',
    description: 'Share of csat responses scoring 4 or 5 (satisfied), percent 0-100.',
  }),
  csatResponses: countOf(SURVEYS.csatResponses, {
    label: 'CSAT responses',
    description: 'Number of csat responses (scores 1-5).',
  }),
  avgCes: meanOf(
    { count: SURVEYS.cesResponses, sum: SURVEYS.cesSum },
    {
      label: 'CES',
      formerly: 'cesAvg',
      unit: 'score7',
      decimals: 2,
      better: 'higher',
      headline: true,
      sampleSize: SURVEYS.cesResponses,
      sample: { ...RESPONSES, field: 'cesResponses' },
      description: 'Mean score of ces (customer effort) responses, 1-7.',
    },
  ),
  cesResponses: countOf(SURVEYS.cesResponses, {
    label: 'CES responses',
    description: 'Number of ces responses (scores 1-7).',
  }),
  contacts: countOf(CONTACTS.contacts, {
    label: 'Contacts',
    headline: true,
    description: 'Number of assisted contacts.',
  }),
  avgHandleSeconds: meanOf(
    { sum: CONTACTS.handleSum, count: CONTACTS.handleCount },
    {
      label: 'Average handle time',
      unit: 'seconds',
      decimals: 0,
      better: 'neither',
      headline: true,
      sampleSize: CONTACTS.handleCount,
      sample: { noun: 'contacts', field: 'contacts' },
      description: 'Mean handle time in seconds, over the contacts whose handle_seconds is known.',
    },
  ),
  avgWaitSeconds: meanOf(
    { sum: CONTACTS.waitSum, count: CONTACTS.waitCount },
    {
      label: 'Average wait',
      unit: 'seconds',
      decimals: 0,
      better: 'lower',
      headline: true,
      sampleSize: CONTACTS.waitCount,
      sample: { noun: 'contacts', field: 'contacts' },
      description:
        'Mean wait before an agent answered, in seconds, over the contacts whose wait_seconds is known.',
    },
  ),
  fcrRate: percentOf(CONTACTS.firstContactResolved, CONTACTS.contacts, {
    label: 'First-contact resolution',
    better: 'higher',
    headline: true,
    noun: 'contacts',
    field: 'contacts',
    description:
      'First-contact resolution, percent 0-100: contacts with first_contact_resolution true / all contacts ' +
      '(unknown counts as not resolved first time).',
  }),
  escalationRate: percentOf(CONTACTS.escalatedContacts, CONTACTS.contacts, {
    label: 'Escalation rate',
    better: 'lower',
    headline: true,
    noun: 'contacts',
    field: 'contacts',
    description: 'Percent 0-100 of contacts escalated to a supervisor or tier 2.',
  }),
  repeatContactRate: percentOf(CONTACTS.repeatedContacts, CONTACTS.contacts, {
    label: 'Repeat contacts',
    better: 'lower',
    headline: true,
    noun: 'contacts',
    field: 'contacts',
    description:
      'Percent 0-100 of contacts followed by another contact of the same customer, in any channel, starting ' +
      'later but within 7 days (even after the end of the window).',
  }),
  selfServiceSessions: countOf(SESSIONS.sessions, {
    label: 'Self-service sessions',
    headline: true,
    description: 'Number of self-service sessions.',
  }),
  deflectionRate: percentOf(SESSIONS.resolvedSessions, SESSIONS.sessions, {
    label: 'Containment',
    better: 'higher',
    headline: true,
    noun: 'sessions',
    field: 'selfServiceSessions',
    description: 'Containment, percent 0-100: self-service sessions with outcome resolved / sessions.',
  }),
  trueDeflectionRate: percentOf(SESSIONS.trulyDeflectedSessions, SESSIONS.sessions, {
    label: 'True deflection',
    better: 'higher',
    headline: true,
    noun: 'sessions',
    field: 'selfServiceSessions',
    description:
      'Percent 0-100 of self-service sessions resolved and not followed by a contact of the same customer ' +
      'within 72 hours of the session start. Abandoned sessions never count as deflected.',
  }),
  selfServiceEscalationRate: percentOf(SESSIONS.escalatedSessions, SESSIONS.sessions, {
    label: 'Self-service escalation',
    better: 'lower',
    noun: 'sessions',
    field: 'selfServiceSessions',
    description: 'Percent 0-100 of self-service sessions that ended escalated to an agent.',
  }),
  backfireRate: percentOf(SESSIONS.backfiredSessions, SESSIONS.escalatedSessions, {
    label: 'Backfire rate',
    better: 'lower',
    headline: true,
    noun: 'escalated sessions',
    description:
      'Percent 0-100 of escalated self-service sessions followed, within 7 days of the session start, by a ' +
      'detractor nps (0-6) or a csat of 1-2 from the same customer. Null without escalated sessions.',
  }),
  womReach: measure({
    label: 'Word-of-mouth reach',
    unit: 'people',
    decimals: 0,
    better: 'lower',
    headline: true,
    uses: { reach: WORD_OF_MOUTH.womReach },
    derive: ({ reach }) => reach,
    sampleSize: WORD_OF_MOUTH.detractorCustomers,
    description:
      'Estimated people reached by negative word of mouth: each distinct customer with a detractor nps in ' +
      'the period counts 825 if they used the social channel in the period (a contact or a survey about ' +
      'it), else 12. Null without detractors.',
  }),
  churnRate: measure({
    label: 'Churn rate',
    unit: 'percent',
    decimals: 1,
    better: 'lower',
    headline: true,
    uses: { churned: CHURN.churnedCustomers, active: CHURN.activeCustomers },
    derive: ({ churned, active }) => percent(churned, active),
    sampleSize: CHURN.activeCustomers,
    sample: { noun: 'active customers' },
    description:
      "Percent of customers lost: customers with churnedAt in the period / customers active at the period's " +
      'start (signed up before it, not churned before it). The period is the time bucket cut to the window, ' +
      'or without a grain the window itself, which then needs filter.from. Null when no one was active.',
  }),
  revenueAtRisk: measure({
    label: 'Revenue at risk',
    unit: 'money',
    decimals: 0,
    better: 'lower',
    headline: true,
    uses: { expectedLoss: RISK.expectedLoss, hasScores: RISK.hasScores },
    derive: ({ expectedLoss, hasScores }) => (hasScores ? expectedLoss : null),
    sampleSize: RISK.scoredCustomers,
    description:
      'Revenue at risk, the expected loss: Σ over active customers (not churned) of their churn-risk score / 100 ' +
      '(the probability of leaving within 90 days) × lifetime_value, in the currency of the import. The latest ' +
      'scores answer for the window that contains the present (with a grain, the period holding it); earlier ' +
      'windows and periods read the daily risk history (riskHistory: the last day of each), kept for the whole ' +
      'base and per segment (generation × region × tier), so dimensions and segment filters work there too (days ' +
      'snapshotted before segments were kept have none). Null before any customer is scored.',
  }),
} satisfies Record<string, MeasureDefinition>;

export type Measure = keyof typeof MEASURES;

export const MEASURE_NAMES = Object.keys(MEASURES) as Measure[];

/** Former names of renamed measures, by the measure that now bears them. */
export const FORMER_NAMES: ReadonlyMap<string, Measure> = new Map(
  MEASURE_NAMES.flatMap((name) => {
    const { formerly } = MEASURES[name];
    return formerly ? [[formerly, name] as const] : [];
  }),
);

/** The measure a name selects, under its current or its former name; undefined for any other name. */
export const measureNamed = (name: string): Measure | undefined =>
  MEASURE_NAMES.includes(name as Measure) ? (name as Measure) : FORMER_NAMES.get(name);

/** `values` with each renamed measure's value under its former name as well, for the deprecated aliases. */
export function withFormerNames<T>(values: Partial<Record<Measure, T>>): Record<string, T> {
  const all: Record<string, T> = { ...values };
  for (const [former, measure] of FORMER_NAMES) if (measure in values) all[former] = values[measure]!;
  return all;
}

/** The overview's headline KPIs, in the order the dashboard lays out its tiles. */
export const HEADLINE_MEASURES: readonly Measure[] = MEASURE_NAMES.filter((name) => MEASURES[name].headline);
