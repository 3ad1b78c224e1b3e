import type { EntityManager } from '@mikro-orm/knex';
import type { Channel } from '../contacts/channel.js';
import { RECOVERY_CHURN_DAYS, RECOVERY_SURVEY_DAYS } from '../metrics/dto/recovery-effectiveness.type.js';
import type { MetricFilter } from '../metrics/dto/metric-filter.input.js';
import { countWhere } from '../../core/conditions.js';
import { CONTACTS } from '../metrics/aggregates.js';
import { MEASURES, percent, type Aggregates } from '../metrics/measures.js';
import { SqlBuilder } from '../metrics/sql-builder.js';
import {
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

/** The contact aggregates of the catalogue the scorecard derives its contact measures from. */
const CONTACT_MEASURE_SUMS = [
  CONTACTS.handleSum,
  CONTACTS.handleCount,
  CONTACTS.waitSum,
  CONTACTS.waitCount,
  CONTACTS.firstContactResolved,
  CONTACTS.escalatedContacts,
  CONTACTS.repeatedContacts,
]
  .map(({ sql, name }) => `${sql} as "${name}"`)
  .join(', ');

/** A recovery: the agent apologised or gave a recompense (recoveryEffectiveness's APOLOGY and PERKS_ONLY). */
const RECOVERY = '(f.apology = true or f.recompense_type is not null)';

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
          `${countWhere(RECOVERY)} as recoveries, ${countWhere('f.apology = true')} as apologies, ` +
          `coalesce(sum(f.recompense_value), 0) as "recompenseCost", ` +
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
    const byChannel = new Map<string, [Channel, number][]>();
    for (const row of channels) {
      const list = byChannel.get(keyOf(row)) ?? [];
      list.push([row.channel as Channel, Number(row.contacts)]);
      byChannel.set(keyOf(row), list);
    }
    return [...sumsByKey([...totals, ...about, ...afterRecovery]).entries()]
      .map(([id, { key: row, sums }]) => toScorecard(row, sums, byChannel.get(id) ?? [], minSample))
      .sort(compareKeys);
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
    recompenseCost: a.recompenseCost ?? 0,
    recoveryResolvedRate: percent(a.recoveriesResolved, a.recoveries),
    recoveryChurnRate: percent(a.recoveriesChurned, a.recoveries),
    recoveryNpsAfter: MEASURES.nps.derive(recovery),
    recoveryNpsResponsesAfter: recovery.npsResponses!,
    outOfPolicy: a.outOfPolicy ?? 0,
    peerApproved: a.peerApproved ?? 0,
  };
}
