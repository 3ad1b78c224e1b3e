import { Field, ID, InputType } from 'type-graphql';
import { WebhookDeliveryStatus } from '../webhook-delivery-status.js';

@InputType({ description: 'Which webhook deliveries to list; unset fields match every delivery.' })
export class WebhookDeliveryFilter {
  @Field(() => String, { nullable: true, description: 'Only deliveries to the endpoint of this name.' })
  endpoint?: string | null;

  @Field(() => WebhookDeliveryStatus, { nullable: true, description: 'Only deliveries in this status.' })
  status?: WebhookDeliveryStatus | null;

  @Field(() => ID, { nullable: true, description: 'Only deliveries of the events of this alert.' })
  alertId?: string | null;
}
