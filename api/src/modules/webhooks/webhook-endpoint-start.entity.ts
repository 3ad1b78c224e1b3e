import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * When each endpoint name was first configured: it receives the alert events from then on, so adding
 * an endpoint does not replay the whole history.
 */
@Entity({ tableName: 'webhook_endpoints' })
export class WebhookEndpointStart {
  @PrimaryKey({ type: 'text' })
  name!: string;

  @Property({ type: 'datetime' })
  configuredAt!: Date;
}
