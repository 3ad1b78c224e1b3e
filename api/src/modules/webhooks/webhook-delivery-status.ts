import { registerEnumType } from 'type-graphql';

/** Where one delivery of one alert event to one endpoint stands. */
export enum WebhookDeliveryStatus {
  PENDING = 'pending',
  DELIVERED = 'delivered',
  FAILED = 'failed',
}

registerEnumType(WebhookDeliveryStatus, {
  name: 'WebhookDeliveryStatus',
  description: 'Where the delivery of one alert event to one webhook endpoint stands.',
  valuesConfig: {
    PENDING: {
      description: 'Not delivered yet: waiting for its first attempt or for a retry (nextAttemptAt).',
    },
    DELIVERED: { description: 'The endpoint answered 2xx.' },
    FAILED: { description: 'Given up after the last retry; redeliverWebhook puts it back to PENDING.' },
  },
});
