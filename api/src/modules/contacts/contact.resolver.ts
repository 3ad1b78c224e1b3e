import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Agent } from '../agents/agent.entity.js';
import { connectionType, SyncPageArgs, type Connection } from '../../graphql/connection.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { CustomerFactResolver } from '../customers/customer-fact.resolver.js';
import { Contact } from './contact.entity.js';
import { ContactService } from './contact.service.js';
import { ContactFilter } from './dto/contact-filter.input.js';

const ContactConnection = connectionType(Contact, 'contacts');

@Resolver(() => Contact)
export class ContactResolver extends CustomerFactResolver(Contact) {
  @Query(() => ContactConnection, {
    description:
      'Assisted contacts matching the filter, oldest startedAt first (ties in import order), 50 per page by default.',
  })
  contacts(
    @Args(() => SyncPageArgs) page: SyncPageArgs,
    @Arg('filter', () => ContactFilter, { nullable: true, description: 'Which contacts; all when omitted.' })
    filter: ContactFilter | null,
    @Ctx() { em }: GraphQLContext,
  ): Promise<Connection<Contact>> {
    return new ContactService(em).list(filter ?? {}, page);
  }

  @FieldResolver(() => Agent, {
    nullable: true,
    description:
      'The agent who handled it, from the agents import; null without agentId or for an agent never imported.',
  })
  agent(@Root() contact: Contact, @Ctx() { loaders }: GraphQLContext): Promise<Agent | null> {
    return contact.agentId === null ? Promise.resolve(null) : loaders.agentById.load(contact.agentId);
  }

  @FieldResolver(() => Agent, {
    nullable: true,
    description: 'The peer who approved the exception (approvedBy), from the agents import; null otherwise.',
  })
  approver(@Root() contact: Contact, @Ctx() { loaders }: GraphQLContext): Promise<Agent | null> {
    return contact.approvedBy === null ? Promise.resolve(null) : loaders.agentById.load(contact.approvedBy);
  }
}
