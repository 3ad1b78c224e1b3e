import type { EntityManager } from '@mikro-orm/knex';
import type { Connection, SyncPageRequest } from '../../core/pagination.js';
import { definedOnly, oneOf } from '../../core/filters.js';
import { paginate } from '../../database/paginate.js';
import { Agent } from './agent.entity.js';

export class AgentService {
  constructor(private readonly em: EntityManager) {}

  /** The imported agents with these agent_ids, in one query; ids never imported are left out. */
  findByAgentIds(ids: readonly string[]): Promise<Agent[]> {
    return this.em.find(Agent, { externalId: { $in: [...ids] } });
  }

  /** A page of agents in import order, optionally of some teams only. */
  list(teams: string[] | null, page: SyncPageRequest): Promise<Connection<Agent>> {
    return paginate(this.em, Agent, definedOnly({ team: oneOf(teams) }), page);
  }
}
