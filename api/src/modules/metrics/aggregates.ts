import {
  countWhere,
  isAbandonedSession,
  isBackfiredSession,
  isCes,
  isCsat,
  isCsatTop2,
  isDetractor,
  isEngagedSession,
  isEscalatedContact,
  isEscalatedSession,
  isEscalationResolved,
  isFirstContactResolved,
  isNps,
  isPromoter,
  isRepeatContact,
  isResolvedSession,
  isTrulyDeflected,
} from '../../core/conditions.js';

/**
 * The aggregates of the measure catalogue (measures.ts): the integer sums and counts the database computes
 * per group, from which every measure derives. Each is a typed object that measures reference directly,
 * declared once with its family (which rows it counts), its additivity (whether it sums over days, and so
 * whether a daily rollup can store it) and, for the fact families, its SQL over the fact table aliased
 * `f`, built from the named conditions of core/conditions.ts.
 */
export type Family = 'surveys' | 'contacts' | 'selfService' | 'wordOfMouth' | 'churn' | 'risk';

/** The families read from one fact table with one row per fact (fact-queries.ts FACT_TABLES). */
export type FactFamily = 'surveys' | 'contacts' | 'selfService';

export interface Aggregate<F extends Family = Family> {
  /** Its key in a group's aggregates, its column alias in SQL and (snake-cased) its rollup column. */
  readonly name: string;
  readonly family: F;
  /**
   * Whether the aggregate of a union of groups is the sum of theirs (counts and sums of rows), so that
   * rollups store it per day. Distinct customers, people active at a start and latest scores are not.
   */
  readonly additive: boolean;
}

/** A subset of a fact table's rows: its condition, and the name of the aggregate counting its rows. */
export interface Scope<Counter extends string = string> {
  readonly condition: string;
  readonly counter: Counter;
}

/** An aggregate of a fact family: SQL over one fact table aliased `f`, additive over days. */
export interface FactAggregate<F extends FactFamily = FactFamily> extends Aggregate<F> {
  readonly additive: true;
  /** The aggregate expression, over the rows of the group. */
  readonly sql: string;
  /** The rows it concerns when only some of the table's rows matter (e.g. one survey type). */
  readonly scope?: Scope;
}

interface FactAggregateSpec<Name extends string> {
  sql: string;
  scope?: Scope<Name>;
}

/** The aggregates of a fact family, named by their keys; a scope names its counter among them. */
function factAggregates<F extends FactFamily, Name extends string>(
  family: F,
  specs: Record<Name, FactAggregateSpec<NoInfer<Name>>>,
): { readonly [N in Name]: FactAggregate<F> } {
  const entries = Object.entries(specs) as [Name, FactAggregateSpec<Name>][];
  return Object.fromEntries(
    entries.map(([name, spec]) => [name, { name, family, additive: true, ...spec }]),
  ) as unknown as { readonly [N in Name]: FactAggregate<F> };
}

/**
 * Aggregates whose SQL is a query of its own (fact-queries.ts, revenue-at-risk.ts and their rollups),
 * because they count distinct customers or periods rather than rows.
 */
function derivedAggregates<F extends Family, Name extends string>(
  family: F,
  names: readonly Name[],
): { readonly [N in Name]: Aggregate<F> } {
  return Object.fromEntries(names.map((name) => [name, { name, family, additive: false }])) as unknown as {
    readonly [N in Name]: Aggregate<F>;
  };
}

const scope = <Counter extends string>(condition: string, counter: Counter): Scope<Counter> => ({
  condition,
  counter,
});
/** The sum of `value` over the rows of `scope`. */
const sumIn = (scope: Scope, value: string) => `sum(case when ${scope.condition} then ${value} end)`;

const NPS = scope(isNps('f'), 'npsResponses');
const CSAT = scope(isCsat('f'), 'csatResponses');
const CES = scope(isCes('f'), 'cesResponses');
const ESCALATED = scope(isEscalatedSession('f'), 'escalatedSessions');

/** Survey responses, by their type and score. */
export const SURVEYS = factAggregates('surveys', {
  responses: { sql: 'count(*)' },
  npsResponses: { sql: countWhere(NPS.condition), scope: NPS },
  promoters: { sql: countWhere(isPromoter('f')), scope: NPS },
  detractors: { sql: countWhere(isDetractor('f')), scope: NPS },
  csatResponses: { sql: countWhere(CSAT.condition), scope: CSAT },
  csatSum: { sql: sumIn(CSAT, 'f.score'), scope: CSAT },
  csatSquares: { sql: sumIn(CSAT, 'f.score * f.score'), scope: CSAT },
  csatTop2: { sql: countWhere(isCsatTop2('f')), scope: CSAT },
  cesResponses: { sql: countWhere(CES.condition), scope: CES },
  cesSum: { sql: sumIn(CES, 'f.score'), scope: CES },
});

/** Assisted contacts, their durations and outcomes. */
export const CONTACTS = factAggregates('contacts', {
  contacts: { sql: 'count(*)' },
  handleSum: { sql: 'sum(f.handle_seconds)' },
  handleCount: { sql: 'count(f.handle_seconds)' },
  waitSum: { sql: 'sum(f.wait_seconds)' },
  waitCount: { sql: 'count(f.wait_seconds)' },
  firstContactResolved: { sql: countWhere(isFirstContactResolved('f')) },
  escalatedContacts: { sql: countWhere(isEscalatedContact('f')) },
  repeatedContacts: { sql: countWhere(isRepeatContact('f')) },
});

/** Self-service sessions and how they ended. */
export const SESSIONS = factAggregates('selfService', {
  sessions: { sql: 'count(*)' },
  engagedSessions: { sql: countWhere(isEngagedSession('f')) },
  resolvedSessions: { sql: countWhere(isResolvedSession('f')) },
  abandonedSessions: { sql: countWhere(isAbandonedSession('f')) },
  escalatedSessions: { sql: countWhere(ESCALATED.condition) },
  trulyDeflectedSessions: { sql: countWhere(isTrulyDeflected('f')) },
  escalationResolvedSessions: { sql: countWhere(isEscalationResolved('f')), scope: ESCALATED },
  backfiredSessions: { sql: countWhere(isBackfiredSession('f')), scope: ESCALATED },
});

/** Detractor customers of a period and the people their word of mouth reaches (fact-queries.ts). */
export const WORD_OF_MOUTH = derivedAggregates('wordOfMouth', ['womReach', 'detractorCustomers']);

/** Customers lost in a period and customers active at its start (fact-queries.ts queryChurn). */
export const CHURN = derivedAggregates('churn', ['churnedCustomers', 'activeCustomers']);

/** The churn-risk scores of active customers (revenue-at-risk.ts); hasScores is 1 where any exists. */
export const RISK = derivedAggregates('risk', [
  'expectedLoss',
  'hasScores',
  'scoredCustomers',
  'atRiskCustomers',
  'atRiskValue',
]);

/** The aggregates of each fact family, by name, as the fact queries and rollups read them. */
export const FACT_AGGREGATES: { readonly [F in FactFamily]: Readonly<Record<string, FactAggregate<F>>> } = {
  surveys: SURVEYS,
  contacts: CONTACTS,
  selfService: SESSIONS,
};
