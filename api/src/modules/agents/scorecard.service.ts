import type { EntityManager } from '@mikro-orm/knex';
import { Channel } from '../contacts/channel.js';
import { RECOVERY_CHURN_DAYS, RECOVERY_SURVEY_DAYS } from '../metrics/dto/recovery-effectiveness.type.js';
import type { MetricFilter } from '../metrics/dto/metric-filter.input.js';
import { countWhere, isApology, isRecovery } from '../../core/conditions.js';
import {
  channelContacts,
  recompenseCents,
  SCORECARD_CONTACT_AGGREGATES,
} from '../metrics/rollups/agent-days.js';
import { MEASURES, percent, type Aggregates } from '../metrics/measures.js';
import { SqlBuilder } from '../metrics/sql-builder.js';
import { agentDaySums, agentDaysAnswer, ROLLUP_AGENT, sumAs, sumsOf } from './agent-day-reads.js';
import {
  checkContactFilter,
  compareKeys,
  contactConditions,
  CONTACTS_WITH_AGENT,
  groupKey,
  keyOf,
  sumsByKey,
  surveyAggregates,
  surveySums,
  withinDaysAfterContact,
} from './agent-groups.js';
import type { AgentScorecard, ScorecardGrouping } from './dto/agent-scorecard.type.js';

type Rows = Record<string, unknown>[];

/** The sums of the contact measures, over the contacts f. */
const CONTACT_MEASURE_SUMS = SCORECARD_CONTACT_AGGREGATES.map(({ sql, name }) => `${sql} as "${name}"`).join(
  ', ',
);

/** A recovery: the agent apologised or gave a recompense (recoveryEffectiveness's APOLOGY and PERKS_ONLY). */
const RECOVERY = isRecovery('f');

const CHANNELS = Object.values(Channel);
/** The name of the contacts of `channel` in a row of sums from the agent days. */
const channelSum = (channel: Channel) => `channel:${channel}`;

/** The scorecard's sums as the rollup stores them under the same names (the survey sums by prefix). */
const ROLLUP_SUMS = sumsOf([
  'contacts',
  ...SCORECARD_CONTACT_AGGREGATES.map(({ name }) => name),
  'apologies',
  'recompenseCents',
  ...['NpsResponses', 'Promoters', 'Detractors', 'CsatResponses', 'CsatSum'].map((sum) => `about${sum}`),
  ...['NpsResponses', 'Promoters', 'Detractors'].map((sum) => `recovery${sum}`),
]);

/**
 * Agent and team scorecards, over the contacts that started in the window (and match the filter's segment):
 * the contact sums, the contacts per channel, the responses about the contacts (survey contact_id), and the
 * answers the customers gave after a recovery. Read from the agent days (one grouped query) when they
 * answer, otherwise from the facts (four); each groups by the scorecard's key in the database, and here they
 * are only joined by key and the rates derived.
 */
export class ScorecardService {
  constructor(private readonly em: EntityManager) {}

  async scorecards(
    filter: MetricFilter,
    by: ScorecardGrouping,
    minSample: number,
  ): Promise<AgentScorecard[]> {
    checkContactFilter(filter);
    const [sums, channels] = (await agentDaysAnswer(this.em, filter))
      ? await this.fromRollup(filter, by)
      : await this.fromFacts(filter, by);
    const byChannel = new Map<string, [Channel, number][]>();
    for (const row of channels) {
      const list = byChannel.get(keyOf(row)) ?? [];
      list.push([row.channel as Channel, Number(row.contacts)]);
      byChannel.set(keyOf(row), list);
    }
    return [...sumsByKey(sums).entries()]
      .map(([id, { key: row, sums }]) => toScorecard(row, sums, byChannel.get(id) ?? [], minSample))
      .sort(compareKeys);
  }

  /**
   * The grouped sums and the contacts per channel, from the agent days, in one statement: the channels are
   * a sum per channel value beside the others, turned into rows per channel here.
   */
  private async fromRollup(filter: MetricFilter, by: ScorecardGrouping): Promise<[Rows, Rows]> {
    const rows = await agentDaySums(
      new SqlBuilder(this.em),
      filter,
      [
        // One row per agent: each known agent counts once.
        ['agents', "case when r.agent = '' then 0 else 1 end"],
        ...ROLLUP_SUMS,
        ...sumsOf(['recoveries', 'recoveriesResolved', 'recoveriesChurned']),
        sumAs('exceptions', 'outOfPolicy'),
        sumAs('exceptionsPeerApproved', 'peerApproved'),
        ...CHANNELS.map((channel) => sumAs(channelContacts(channel), channelSum(channel))),
      ],
      groupKey(by, ROLLUP_AGENT),
    );
    const channels = rows.flatMap((row) =>
      CHANNELS.filter((channel) => Number(row[channelSum(channel)]) > 0).map((channel) => ({
        agentId: row.agentId,
        team: row.team,
        channel,
        contacts: row[channelSum(channel)],
      })),
    );
    return [rows, channels];
  }

  /** The same from the contacts: the sums (over three queries) and the contacts per channel. */
  private async fromFacts(filter: MetricFilter, by: ScorecardGrouping): Promise<[Rows, Rows]> {
    const builder = new SqlBuilder(this.em);
    const where = () => contactConditions(builder, filter);
    const key = groupKey(by);
    const grouped = (select: string, join = '', condition = '1 = 1', extraGroup = '') =>
      builder.rows(
        builder.raw(
          `select ${key.select}, ${select} ${CONTACTS_WITH_AGENT}${join} where ${condition} and ? ${key.groupBy}${extraGroup}`,
          [where()],
        ),
      );
    const churnedAfter = withinDaysAfterContact(builder, 'c.churned_at', RECOVERY_CHURN_DAYS);
    const [totals, channels, about, afterRecovery] = await Promise.all([
      grouped(
        `count(distinct f.agent_id) as agents, count(*) as contacts, ` +
          `${CONTACT_MEASURE_SUMS}, ` +
          `${countWhere(RECOVERY)} as recoveries, ${countWhere(isApology('f'))} as apologies, ` +
          `coalesce(sum(${recompenseCents('f')}), 0) as "recompenseCents", ` +
          `${countWhere(`${RECOVERY} and f.resolved = true`)} as "recoveriesResolved", ` +
          `${countWhere(`${RECOVERY} and ${churnedAfter}`)} as "recoveriesChurned", ` +
          `${countWhere('f.out_of_policy = true')} as "outOfPolicy", ` +
          `${countWhere('f.out_of_policy = true and f.peer_approved = true')} as "peerApproved"`,
      ),
      grouped('f.channel, count(*) as contacts', '', '1 = 1', ', f.channel'),
      grouped(surveySums('about', countWhere), ' join survey_responses r on r.contact_id = f.external_id'),
      // A response after two recoveries of its customer counts for both, as in recoveryEffectiveness.
      grouped(
        surveySums('recovery', countWhere),
        ' join survey_responses r on r.customer_id = f.customer_id and ' +
          withinDaysAfterContact(builder, 'r.responded_at', RECOVERY_SURVEY_DAYS),
        RECOVERY,
      ),
    ]);
    return [[...totals, ...about, ...afterRecovery], channels];
  }
}

function toScorecard(
  key: Record<string, unknown>,
  a: Aggregates,
  channels: [Channel, number][],
  minSample: number,
): AgentScorecard {
  const surveys = surveyAggregates(a, 'about');
  const recovery = surveyAggregates(a, 'recovery');
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
    avgCsat: MEASURES.avgCsat.derive(surveys),
    csatAvg: MEASURES.avgCsat.derive(surveys),
    csatResponses: surveys.csatResponses!,
    csatTooFew: surveys.csatResponses! < minSample,
    recoveries: a.recoveries ?? 0,
    apologies: a.apologies ?? 0,
    recompenseCost: (a.recompenseCents ?? 0) / 100,
    recoveryResolvedRate: percent(a.recoveriesResolved, a.recoveries),
    recoveryChurnRate: percent(a.recoveriesChurned, a.recoveries),
    recoveryNpsAfter: MEASURES.nps.derive(recovery),
    recoveryNpsResponsesAfter: recovery.npsResponses!,
    outOfPolicy: a.outOfPolicy ?? 0,
    peerApproved: a.peerApproved ?? 0,
  };
}
