import type { EntityManager } from '@mikro-orm/knex';
import type { Connection, SyncPageArgs } from '../../graphql/connection.js';
import { definedOnly, oneOf } from '../../graphql/filters.js';
import { paginate } from '../../graphql/paginate.js';
import { Agent } from './agent.entity.js';

export class AgentService {
  constructor(private readonly em: EntityManager) {}

  /** A page of agents in import order, optionally of some teams only. */
  list(teams: string[] | null, page: SyncPageArgs): Promise<Connection<Agent>> {
    return paginate(this.em, Agent, definedOnly({ team: oneOf(teams) }), page);
  }
}
