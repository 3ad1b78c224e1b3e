import { Arg, Args, Ctx, Query, Resolver } from 'type-graphql';
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
}
