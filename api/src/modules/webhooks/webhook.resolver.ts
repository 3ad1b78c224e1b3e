import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionType, PageArgs, type Connection } from '../../graphql/connection.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { AlertEvent } from '../alerts/alert-event.entity.js';
import { WebhookDeliveryFilter } from './dto/webhook-delivery-filter.input.js';
import { WebhookEndpoint } from './dto/webhook-endpoint.type.js';
import { WebhookDelivery } from './webhook-delivery.entity.js';
import { WebhookOutbox } from './webhook-outbox.js';

const WebhookDeliveryConnection = connectionType(WebhookDelivery, 'webhook deliveries');

/** The webhook endpoints, their delivery log, and a second chance for deliveries given up. */
@Resolver(() => WebhookDelivery)
export class WebhookResolver {
  @Query(() => [WebhookEndpoint], {
    description: 'The webhook endpoints of the configuration (CX_WEBHOOKS), with their delivery counts.',
  })
  webhookEndpoints(@Ctx() { em, webhooks }: GraphQLContext): Promise<WebhookEndpoint[]> {
    return new WebhookOutbox(em).describeEndpoints(webhooks.endpoints);
  }

  @Query(() => WebhookDeliveryConnection, {
    description:
      'The webhook delivery log: one row per endpoint and alert event, the oldest queued first, 50 per page ' +
      'by default. For what went wrong: filter status FAILED.',
  })
  webhookDeliveries(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => WebhookDeliveryFilter, {
      nullable: true,
      description: 'Which deliveries; all when omitted.',
    })
    filter: WebhookDeliveryFilter | null,
    @Ctx() { em }: GraphQLContext,
  ): Promise<Connection<WebhookDelivery>> {
    return new WebhookOutbox(em).list(filter ?? {}, page);
  }

  @Mutation(() => WebhookDelivery, {
    description:
      'Sends a FAILED delivery again: it becomes PENDING, due now, with a fresh retry schedule (e.g. once the ' +
      'receiver is fixed).',
  })
  redeliverWebhook(
    @Arg('id', () => ID, { description: 'The id of the delivery, from webhookDeliveries.' }) id: string,
    @Ctx() { em }: GraphQLContext,
  ): Promise<WebhookDelivery> {
    return new WebhookOutbox(em).redeliver(id, new Date());
  }

  @FieldResolver(() => AlertEvent, { description: 'The change of the alert this delivery sends.' })
  event(@Root() delivery: WebhookDelivery, @Ctx() { loaders }: GraphQLContext): Promise<AlertEvent> {
    return loaders.alertEventById.load(delivery.event.id);
  }

  @FieldResolver(() => ID, { description: 'The id of the alert whose change this delivery sends.' })
  async alertId(@Root() delivery: WebhookDelivery, @Ctx() { loaders }: GraphQLContext): Promise<string> {
    return String((await loaders.alertEventById.load(delivery.event.id)).alert.id);
  }
}
