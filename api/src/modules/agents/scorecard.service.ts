import type { EntityManager } from '@mikro-orm/knex';
import { plusSeconds } from '../../database/dialect.js';
import { checkWindowOrder } from '../../graphql/filters.js';
import type { Channel } from '../contacts/channel.js';
import { RECOVERY_CHURN_DAYS, RECOVERY_SURVEY_DAYS } from '../metrics/dto/recovery-effectiveness.type.js';
import type { MetricFilter } from '../metrics/dto/metric-filter.input.js';
import { countWhere, FACT_TABLES } from '../metrics/fact-queries.js';
import { MEASURES, percent, type Aggregates } from '../metrics/measures.js';
import { validateMetricsRequest } from '../metrics/metrics.service.js';
import { SqlBuilder } from '../metrics/sql-builder.js';
import { ScorecardGrouping, type AgentScorecard } from './dto/agent-scorecard.type.js';

const DAY_SECONDS = 86_400;
const KEY_NAMES = new Set(['agentId', 'agentName', 'team']);
/** A recovery: the agent apologised or gave a recompense (recoveryEffectiveness's APOLOGY and PERKS_ONLY). */
const RECOVERY = '(f.apology = true or f.recompense_type is not null)';

/** The columns a scorecard is keyed by, over the contact `f` and its agent `a`. */
const KEYS: Record<ScorecardGrouping, { agentId: string; agentName: string; team: string }> = {
  [ScorecardGrouping.AGENT]: { agentId: 'f.agent_id', agentName: 'a.name', team: 'a.team' },
  [ScorecardGrouping.TEAM]: { agentId: 'null', agentName: 'null', team: 'a.team' },
};

/**
 * Agent and team scorecards. Four grouped queries over the contacts that started in the window (and match
 * the filter's segment): the contact sums, the contacts per channel, the responses about the contacts
 * (survey contact_id), and the answers the customers gave after a recovery. Each groups by the scorecard's
 * key in the database; here they are only joined by key and the rates derived.
 */
export class ScorecardService {
  constructor(private readonly em: EntityManager) {}

  async scorecards(
    filter: MetricFilter,
    by: ScorecardGrouping,
    minSample: number,
  ): Promise<AgentScorecard[]> {
    checkWindowOrder(filter);
    // The rules of the contact measures: every filter list they accept, agents, teams and queues included.
    validateMetricsRequest({ measures: ['contacts'], dimensions: [], grain: null, filter });
    const builder = new SqlBuilder(this.em);
    const { dialect } = builder;
    const keys = KEYS[by];
    const keyColumns = [keys.agentId, keys.agentName, keys.team];
    const keySelect = `${keys.agentId} as "agentId", ${keys.agentName} as "agentName", ${keys.team} as team`;
    const groupBy = `group by ${keyColumns.filter((column) => column !== 'null').join(', ')}`;
    const from =
      'from contacts f join customers c on c.id = f.customer_id left join agents a on a.external_id = f.agent_id';
    const where = () =>
      builder.and([
        ...builder.window('f.started_at', filter),
        ...builder.dimensionFilters(FACT_TABLES.contacts.columns, filter),
      ]);
    const after = (column: string, days: number) =>
      `${column} > f.started_at and ${column} <= ${plusSeconds(dialect, 'f.started_at', days * DAY_SECONDS)}`;

    const totals = builder.rows(
      builder.raw(
        `select ${keySelect}, count(distinct f.agent_id) as agents, count(*) as contacts, ` +
          `sum(f.handle_seconds) as "handleSum", count(f.handle_seconds) as "handleCount", ` +
          `sum(f.wait_seconds) as "waitSum", count(f.wait_seconds) as "waitCount", ` +
          `${countWhere('f.first_contact_resolution = true')} as "firstContactResolved", ` +
          `${countWhere('f.escalated = true')} as "escalatedContacts", ` +
          `${countWhere('f.repeated = true')} as "repeatedContacts", ` +
          `${countWhere(RECOVERY)} as recoveries, ${countWhere('f.apology = true')} as apologies, ` +
          `coalesce(sum(f.recompense_value), 0) as "recompenseCost", ` +
          `${countWhere(`${RECOVERY} and f.resolved = true`)} as "recoveriesResolved", ` +
          `${countWhere(`${RECOVERY} and ${after('c.churned_at', RECOVERY_CHURN_DAYS)}`)} as "recoveriesChurned", ` +
          `${countWhere('f.out_of_policy = true')} as "outOfPolicy", ` +
          `${countWhere('f.out_of_policy = true and f.peer_approved = true')} as "peerApproved" ` +
          `${from} where ? ${groupBy}`,
        [where()],
      ),
    );
    const channels = builder.rows(
      builder.raw(
        `select ${keySelect}, f.channel, count(*) as contacts ${from} where ? ${groupBy}, f.channel`,
        [where()],
      ),
    );
    const surveyScores = (prefix: string) =>
      `${countWhere(`r.type = 'nps'`)} as "${prefix}NpsResponses", ` +
      `${countWhere(`r.type = 'nps' and r.score >= 9`)} as "${prefix}Promoters", ` +
      `${countWhere(`r.type = 'nps' and r.score <= 6`)} as "${prefix}Detractors", ` +
      `${countWhere(`r.type = 'csat'`)} as "${prefix}CsatResponses", ` +
      `sum(case when r.type = 'csat' then r.score else 0 end) as "${prefix}CsatSum"`;
    const attributed = builder.rows(
      builder.raw(
        `select ${keySelect}, ${surveyScores('about')} ${from} ` +
          `join survey_responses r on r.contact_id = f.external_id where ? ${groupBy}`,
        [where()],
      ),
    );
    // A response after two recoveries of its customer counts for both, as in recoveryEffectiveness.
    const afterRecovery = builder.rows(
      builder.raw(
        `select ${keySelect}, ${surveyScores('recovery')} ${from} ` +
          `join survey_responses r on r.customer_id = f.customer_id and ${after('r.responded_at', RECOVERY_SURVEY_DAYS)} ` +
          `where ${RECOVERY} and ? ${groupBy}`,
        [where()],
      ),
    );

    const cards = new Map<
      string,
      { key: Record<string, unknown>; sums: Aggregates; channels: [Channel, number][] }
    >();
    const card = (row: Record<string, unknown>) => {
      const id = JSON.stringify([row.agentId ?? null, row.team ?? null]);
      let found = cards.get(id);
      if (!found) cards.set(id, (found = { key: row, sums: {}, channels: [] }));
      return found;
    };
    for (const row of [...(await totals), ...(await attributed), ...(await afterRecovery)]) {
      const { sums } = card(row);
      for (const [name, value] of Object.entries(row))
        if (!KEY_NAMES.has(name)) sums[name] = Number(value ?? 0);
    }
    for (const row of await channels) card(row).channels.push([row.channel as Channel, Number(row.contacts)]);
    return [...cards.values()]
      .map(({ key, sums, channels: byChannel }) => toScorecard(key, sums, byChannel, minSample))
      .sort(compareKeys);
  }
}

function toScorecard(
  key: Record<string, unknown>,
  a: Aggregates,
  channels: [Channel, number][],
  minSample: number,
): AgentScorecard {
  const scores = (prefix: string): Aggregates => ({
    npsResponses: a[`${prefix}NpsResponses`] ?? 0,
    promoters: a[`${prefix}Promoters`] ?? 0,
    detractors: a[`${prefix}Detractors`] ?? 0,
    csatResponses: a[`${prefix}CsatResponses`] ?? 0,
    csatSum: a[`${prefix}CsatSum`] ?? 0,
  });
  const surveys = scores('about');
  const recovery = scores('recovery');
  const contacts = a.contacts ?? 0;
  return {
    agentId: (key.agentId as string | null) ?? null,
    agentName: (key.agentName as string | null) ?? null,
    team: (key.team as string | null) ?? null,
    agents: a.agents ?? 0,
    contacts,
    contactsTooFew: contacts < minSample,
    channels: channels
      .sort(([channelA, a1], [channelB, b1]) => b1 - a1 || (channelA < channelB ? -1 : 1))
      .map(([channel, count]) => ({ channel, contacts: count })),
    fcrRate: MEASURES.fcrRate.derive(a),
    repeatContactRate: MEASURES.repeatContactRate.derive(a),
    escalationRate: MEASURES.escalationRate.derive(a),
    avgHandleSeconds: MEASURES.avgHandleSeconds.derive(a),
    avgWaitSeconds: MEASURES.avgWaitSeconds.derive(a),
    nps: MEASURES.nps.derive(surveys),
    npsResponses: surveys.npsResponses!,
    npsTooFew: surveys.npsResponses! < minSample,
    csatAvg: MEASURES.csatAvg.derive(surveys),
    csatResponses: surveys.csatResponses!,
    csatTooFew: surveys.csatResponses! < minSample,
    recoveries: a.recoveries ?? 0,
    apologies: a.apologies ?? 0,
    recompenseCost: a.recompenseCost ?? 0,
    recoveryResolvedRate: percent(a.recoveriesResolved, a.recoveries),
    recoveryChurnRate: percent(a.recoveriesChurned, a.recoveries),
    recoveryNpsAfter: MEASURES.nps.derive(recovery),
    recoveryNpsResponsesAfter: recovery.npsResponses!,
    outOfPolicy: a.outOfPolicy ?? 0,
    peerApproved: a.peerApproved ?? 0,
  };
}

/** By agent id (or team) by code point, the unknown last. */
function compareKeys(a: AgentScorecard, b: AgentScorecard): number {
  for (const [x, y] of [
    [a.agentId, b.agentId],
    [a.team, b.team],
  ]) {
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return x! < y! ? -1 : 1;
  }
  return 0;
}
