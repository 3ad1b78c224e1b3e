import { DAY_SECONDS } from './time.js';

/**
 * The CX rules that decide what a row counts as (docs/concepts.md), each defined once as SQL over a row
 * alias (or over the bare columns when the alias is '', as an index predicate needs) and used by the fact queries, the rollups and their derived tables, the recovery and
 * recurring-cause views, the backfire flag and alert, and the churn-risk features alike. Plain SQL that
 * both databases read the same way; anything dialect-specific stays in database/dialect.ts.
 */

/** The column `name` of the row alias `alias`, or the bare column when the alias is ''. */
const column = (alias: string, name: string) => (alias ? `${alias}.${name}` : name);

/** The survey response `r` is an NPS answer. */
export const isNps = (r: string) => `${column(r, 'type')} = 'nps'`;
/** The survey response `r` is a CSAT answer. */
export const isCsat = (r: string) => `${column(r, 'type')} = 'csat'`;
/** The survey response `r` is a CES answer. */
export const isCes = (r: string) => `${column(r, 'type')} = 'ces'`;

/** A promoter: NPS 9-10. */
export const isPromoter = (r: string) => `${isNps(r)} and ${column(r, 'score')} >= 9`;
/** A detractor: NPS 0-6. */
export const isDetractor = (r: string) => `${isNps(r)} and ${column(r, 'score')} <= 6`;
/** A satisfied CSAT answer (top two boxes): 4-5. */
export const isCsatTop2 = (r: string) => `${isCsat(r)} and ${column(r, 'score')} >= 4`;
/** A low CSAT: 1-2. */
export const isLowCsat = (r: string) => `${isCsat(r)} and ${column(r, 'score')} <= 2`;
/** A high-effort CES: 1-2. */
export const isLowCes = (r: string) => `${isCes(r)} and ${column(r, 'score')} <= 2`;
/** A low score of any survey type: a detractor NPS, a low CSAT or a high-effort CES. */
export const isLowScore = (r: string) => `(${isDetractor(r)}) or (${isLowCsat(r)}) or (${isLowCes(r)})`;
/** A score that backfires an escalated self-service session: a detractor NPS or a low CSAT. */
export const isBackfireScore = (r: string) => `(${isDetractor(r)}) or (${isLowCsat(r)})`;

/** The self-service session `s` ended escalated to an agent. */
export const isEscalatedSession = (s: string) => `${column(s, 'outcome')} = 'escalated'`;
/** The self-service session `s` ended resolved (contained). */
export const isResolvedSession = (s: string) => `${column(s, 'outcome')} = 'resolved'`;
/** The self-service session `s` was abandoned. */
export const isAbandonedSession = (s: string) => `${column(s, 'outcome')} = 'abandoned'`;
/** The self-service session `s` failed the customer: it ended escalated or abandoned (not resolved). */
export const isFailedSession = (s: string) => `${column(s, 'outcome')} in ('escalated', 'abandoned')`;
/** The self-service session `s` went past its first step. */
export const isEngagedSession = (s: string) => `${column(s, 'steps')} >= 2`;
/** The self-service session `s` was resolved and no contact followed within TRUE_DEFLECTION_SECONDS (its flag). */
export const isTrulyDeflected = (s: string) => `${column(s, 'truly_deflected')} = true`;
/** The escalated self-service session `s` was resolved by the agent it reached. */
export const isEscalationResolved = (s: string) => `${column(s, 'escalation_resolved')} = true`;
/** The escalated self-service session `s` was followed by a backfire score within BACKFIRE_SECONDS (its flag). */
export const isBackfiredSession = (s: string) => `${column(s, 'backfired')} = true`;

/** The contact `k` resolved the issue the first time (unknown is not). */
export const isFirstContactResolved = (k: string) => `${column(k, 'first_contact_resolution')} = true`;
/** The contact `k` was escalated to a supervisor or tier 2. */
export const isEscalatedContact = (k: string) => `${column(k, 'escalated')} = true`;
/** The contact `k` was recorded as not resolved (unknown is not). */
export const isUnresolvedContact = (k: string) => `${column(k, 'resolved')} = false`;
/** The contact `k` was a complaint: its recovery was recorded (apology true or false), whatever it gave. */
export const isComplaint = (k: string) => `${column(k, 'apology')} is not null`;
/** The agent apologised on the contact `k` (a complaint). */
export const isApology = (k: string) => `${column(k, 'apology')} = true`;
/** The agent did not apologise on the complaint `k` (unknown is no complaint). */
export const isWithoutApology = (k: string) => `${column(k, 'apology')} = false`;
/** The contact `k` was followed by another of the same customer within REPEAT_CONTACT_SECONDS (its flag). */
export const isRepeatContact = (k: string) => `${column(k, 'repeated')} = true`;

/** The contact `k` is a recovery: the agent apologised or gave a recompense. */
export const isRecovery = (k: string) => `(${isApology(k)} or ${column(k, 'recompense_type')} is not null)`;

/** A contact within this long after the same customer's previous one is a repeat contact. */
export const REPEAT_CONTACT_SECONDS = 7 * DAY_SECONDS;
/** A resolved session is truly deflected when no contact follows within this long. */
export const TRUE_DEFLECTION_SECONDS = 3 * DAY_SECONDS;
/** How long after an escalated session a low score still counts as its backfire. */
export const BACKFIRE_SECONDS = 7 * DAY_SECONDS;

/** SQL counting the rows that meet `condition`. */
export const countWhere = (condition: string) => `sum(case when ${condition} then 1 else 0 end)`;

/** SQL grouping by the first `columns` select-list positions: `group by 1, 2, 3`. */
export const groupBy = (columns: number) =>
  `group by ${Array.from({ length: columns }, (_, i) => i + 1).join(', ')}`;
