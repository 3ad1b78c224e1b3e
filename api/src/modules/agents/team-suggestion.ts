import { DAY_MS } from '../../core/time.js';
import { isFailedSession } from '../../core/conditions.js';
import type { EntityManager, Knex } from '@mikro-orm/knex';
import { selectRows, toDbValue } from '../../database/dialect.js';
import { currentDataVersion } from '../cache/data-version.js';
import { ScorecardGrouping, DEFAULT_MIN_SAMPLE } from './dto/agent-scorecard.type.js';
import { AFTER_SELF_SERVICE_HOURS } from './dto/super-agents.type.js';
import { SuperAgentService } from './super-agent.service.js';
import { dialectOf } from '../../database/dialect.js';

/** Days of contacts the suggested team is chosen on. */
export const SUGGESTION_DAYS = 90;

export interface TeamSuggestion {
  team: string;
  reason: string;
}

/** The best team per database, data version and day: the ranking reads 90 days of contacts. */
const cached = new WeakMap<Knex, { key: string; suggestion: TeamSuggestion | null }>();

/**
 * The team to route a customer to when they exhausted self-service (an escalated or abandoned session in
 * the last AFTER_SELF_SERVICE_HOURS) or prefer a live agent: the team ranked first on the contacts after
 * self-service of the last SUGGESTION_DAYS whole days (highest lower end of the 95% interval of its
 * resolution rate, at least DEFAULT_MIN_SAMPLE such contacts). Null for other customers, or when no
 * team qualifies.
 */
export async function suggestTeam(
  em: EntityManager,
  customerId: string,
  prefersLiveAgent: boolean,
  now = new Date(),
): Promise<TeamSuggestion | null> {
  if (!prefersLiveAgent && !(await exhaustedSelfService(em, customerId, now))) return null;
  const knex = em.getKnex();
  const today = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
  const key = `${(await currentDataVersion(knex)).version}:${today.getTime()}`;
  const hit = cached.get(knex);
  if (hit?.key === key) return hit.suggestion;
  const filter = { from: new Date(today.getTime() - SUGGESTION_DAYS * DAY_MS), to: today };
  const ranking = await new SuperAgentService(em).ranking(filter, ScorecardGrouping.TEAM, DEFAULT_MIN_SAMPLE);
  const best = ranking.rows.find((row) => row.rank !== null && row.team !== null);
  const suggestion = best
    ? {
        team: best.team!,
        reason:
          `team ${best.team} resolved ${best.resolved} of ${best.contacts} contacts after self-service in the last ` +
          `${SUGGESTION_DAYS} days (${best.resolutionRate!.toFixed(0)}%, 95% interval ` +
          `${best.resolutionLow!.toFixed(0)}-${best.resolutionHigh!.toFixed(0)}%), the best of the teams`,
      }
    : null;
  cached.set(knex, { key, suggestion });
  return suggestion;
}

async function exhaustedSelfService(em: EntityManager, customerId: string, now: Date): Promise<boolean> {
  const dialect = dialectOf(em);
  const since = new Date(now.getTime() - AFTER_SELF_SERVICE_HOURS * 3_600_000);
  const rows = await selectRows(
    dialect,
    em
      .getKnex()
      .raw(
        'select 1 as found from self_service_sessions s join customers c on c.id = s.customer_id ' +
          `where c.external_id = ? and ${isFailedSession('s')} and s.started_at >= ? limit 1`,
        [customerId, toDbValue(dialect, since) as Knex.Value],
      ),
  );
  return rows.length > 0;
}
