import type { EntityManager, Knex } from '@mikro-orm/knex';
import { followingRows, plusSeconds } from '../../database/dialect.js';
import type { MetricFilter } from '../metrics/dto/metric-filter.input.js';
import { countWhere, isFailedSession } from '../../core/conditions.js';
import { arrivedAfterSelfService, flaggedSum } from '../metrics/rollups/agent-days.js';
import { aggregateColumn } from '../metrics/rollups/rollup-tables.js';
import { MEASURES, percent } from '../metrics/measures.js';
import { SqlBuilder } from '../metrics/sql-builder.js';
import { agentDaySums, agentDaysAnswer, ROLLUP_AGENT, sumAs } from './agent-day-reads.js';
import {
  checkContactFilter,
  compareKeys,
  contactConditions,
  CONTACTS_WITH_AGENT,
  groupKey,
  sumsByKey,
  surveyAggregates,
  surveySums,
  withinDaysAfterContact,
} from './agent-groups.js';
import type { ScorecardGrouping } from './dto/agent-scorecard.type.js';
import {
  AFTER_SELF_SERVICE_HOURS,
  CHURN_AFTER_DAYS,
  SuperAgentVerdict,
  type SuperAgentRanking,
  type SuperAgentRow,
} from './dto/super-agents.type.js';
import { wilsonInterval } from './wilson.js';

/**
 * The contact `f` arrived after self-service: it names the session it escalated from, or it started
 * within AFTER_SELF_SERVICE_HOURS after an escalated or abandoned session of the same customer.
 *
 * The second case is written as the dialect reads it fastest (followingRows): on PostgreSQL one uncorrelated
 * set, the ids of the window's contacts that follow a failed session of the window (widened by the hours
 * before it), built and hashed once; on SQLite an EXISTS probed for each contact of the window. Both select
 * the same contacts (bench/super-agents.bench.ts checks it on a seeded database).
 */
export function afterSelfService(
  builder: SqlBuilder,
  filter: Pick<MetricFilter, 'from' | 'to'>,
  form: 'set' | 'exists' = followingRows(builder.dialect),
): Knex.Raw {
  const hours = AFTER_SELF_SERVICE_HOURS * 3_600;
  if (form === 'exists') return builder.raw(arrivedAfterSelfService(builder.dialect, 'f'));
  const sessions: Knex.Raw[] = [builder.raw(isFailedSession('s'))];
  // A contact of the window follows a session that started at most `hours` before the window, and before its end.
  if (filter.from)
    sessions.push(builder.raw('s.started_at >= ?', [new Date(filter.from.getTime() - hours * 1_000)]));
  if (filter.to) sessions.push(builder.raw('s.started_at < ?', [filter.to]));
  return builder.raw(
    '(f.self_service_session_id is not null or f.id in (select k.id from self_service_sessions s ' +
      'join contacts k on k.customer_id = s.customer_id and k.started_at > s.started_at ' +
      `and k.started_at <= ${plusSeconds(builder.dialect, 's.started_at', hours)} where ? and ?))`,
    [builder.and(sessions), builder.and(builder.window('k.started_at', filter))],
  );
}

/** The ranking's sums: the rollup's sums of the contacts after self-service, under the names of the facts'. */
const ROLLUP_SUMS = [
  'contacts',
  'resolved',
  'churned',
  ...['NpsResponses', 'Promoters', 'Detractors', 'CsatResponses', 'CsatSum'].map((sum) => `about${sum}`),
].map((name) => sumAs(flaggedSum('afterSelfService', name), name));

/**
 * Super agents, measured: per agent or team, the contacts after self-service, how many were resolved
 * (with the 95% Wilson interval), the satisfaction of the responses about them and the churn after. Read
 * from the agent days (their flag after_self_service) when they answer, otherwise from the facts.
 * Rows with at least minSample contacts are ranked by the interval's lower end, the score: it rewards a
 * high rate and enough contacts to trust it. The verdict compares the interval with everyone's rate.
 */
export class SuperAgentService {
  constructor(private readonly em: EntityManager) {}

  /**
   * The ranking's two grouped queries, over the contacts after self-service of the filter: their counts, and
   * the responses about them. `hard` is the condition that picks those contacts (bench/super-agents.bench.ts
   * compares plans).
   */
  queries(
    filter: MetricFilter,
    by: ScorecardGrouping,
  ): { builder: SqlBuilder; hard: Knex.Raw; totals: Knex.Raw; about: Knex.Raw } {
    const builder = new SqlBuilder(this.em);
    const key = groupKey(by);
    const hard = afterSelfService(builder, filter);
    return {
      builder,
      hard,
      totals: builder.raw(
        `select ${key.select}, count(*) as contacts, ${countWhere('f.resolved = true')} as resolved, ` +
          `${countWhere(withinDaysAfterContact(builder, 'c.churned_at', CHURN_AFTER_DAYS))} as churned ` +
          `${CONTACTS_WITH_AGENT} where ? and ? ${key.groupBy}`,
        [hard, contactConditions(builder, filter)],
      ),
      about: builder.raw(
        `select ${key.select}, ${surveySums('about', countWhere)} ${CONTACTS_WITH_AGENT} ` +
          `join survey_responses r on r.contact_id = f.external_id where ? and ? ${key.groupBy}`,
        [hard, contactConditions(builder, filter)],
      ),
    };
  }

  async ranking(filter: MetricFilter, by: ScorecardGrouping, minSample: number): Promise<SuperAgentRanking> {
    checkContactFilter(filter);
    const [totals, about] = (await agentDaysAnswer(this.em, filter))
      ? [await this.fromRollup(filter, by), []]
      : await this.fromFacts(filter, by);
    const contacts = totals.reduce((sum, row) => sum + Number(row.contacts), 0);
    const resolved = totals.reduce((sum, row) => sum + Number(row.resolved), 0);
    const overall = percent(resolved, contacts);
    const rows = [...sumsByKey([...totals, ...about]).values()].map(({ key: row, sums }) =>
      toRow(row, sums, overall, minSample),
    );
    const ranked = rows
      .filter((row) => row.verdict !== SuperAgentVerdict.TOO_FEW)
      .sort((a, b) => b.resolutionLow! - a.resolutionLow! || b.contacts - a.contacts || compareKeys(a, b));
    ranked.forEach((row, index) => (row.rank = index + 1));
    const unranked = rows
      .filter((row) => row.verdict === SuperAgentVerdict.TOO_FEW)
      .sort((a, b) => b.contacts - a.contacts || compareKeys(a, b));
    return { contacts, resolutionRate: overall, minSample, rows: [...ranked, ...unranked] };
  }

  /** The sums per key of the contacts after self-service, from the agent days. */
  private fromRollup(filter: MetricFilter, by: ScorecardGrouping): Promise<Record<string, unknown>[]> {
    return agentDaySums(
      new SqlBuilder(this.em),
      filter,
      ROLLUP_SUMS,
      groupKey(by, ROLLUP_AGENT),
      `r.${aggregateColumn(flaggedSum('afterSelfService', 'contacts'))} > 0`,
    );
  }

  /** The same from the contacts: their counts, and the responses about them. */
  private fromFacts(
    filter: MetricFilter,
    by: ScorecardGrouping,
  ): Promise<[Record<string, unknown>[], Record<string, unknown>[]]> {
    const queries = this.queries(filter, by);
    return Promise.all([queries.builder.rows(queries.totals), queries.builder.rows(queries.about)]);
  }
}

function toRow(
  key: Record<string, unknown>,
  sums: Record<string, number>,
  overall: number | null,
  minSample: number,
): SuperAgentRow {
  const contacts = sums.contacts ?? 0;
  const resolved = sums.resolved ?? 0;
  const interval = wilsonInterval(resolved, contacts);
  const surveys = surveyAggregates(sums, 'about');
  let verdict = SuperAgentVerdict.TYPICAL;
  if (contacts < minSample || !interval || overall === null) verdict = SuperAgentVerdict.TOO_FEW;
  else if (interval.low > overall) verdict = SuperAgentVerdict.SUPER_AGENT;
  else if (interval.high < overall) verdict = SuperAgentVerdict.NEEDS_COACHING;
  return {
    agentId: (key.agentId as string | null) ?? null,
    agentName: (key.agentName as string | null) ?? null,
    team: (key.team as string | null) ?? null,
    contacts,
    resolved,
    resolutionRate: percent(resolved, contacts),
    resolutionLow: interval?.low ?? null,
    resolutionHigh: interval?.high ?? null,
    rank: null,
    verdict,
    npsAfter: MEASURES.nps.derive(surveys),
    npsResponsesAfter: surveys.npsResponses!,
    csatAfter: MEASURES.avgCsat.derive(surveys),
    csatResponsesAfter: surveys.csatResponses!,
    churnRateAfter: percent(sums.churned, contacts),
  };
}
