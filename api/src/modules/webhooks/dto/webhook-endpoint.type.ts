import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../../graphql/scalars.js';
import { AlertAction } from '../../alerts/alert-action.js';
import { AlertRule } from '../../alerts/alert-rule.js';
import { Tier } from '../../customers/tier.js';
import { WebhookFormat } from '../webhooks.config.js';

registerEnumType(WebhookFormat, {
  name: 'WebhookFormat',
  description: 'The body an endpoint receives.',
  valuesConfig: {
    JSON: { description: "CX Pulse's own JSON event." },
    SLACK: { description: 'A Slack incoming-webhook message (text and blocks).' },
    TEAMS: { description: 'A Microsoft Teams incoming-webhook message with an Adaptive Card.' },
  },
});

/** Deliveries of one endpoint by status. */
export interface DeliveryCounts {
  pending: number;
  delivered: number;
  failed: number;
}

@ObjectType({
  description:
    'A webhook endpoint of the configuration (CX_WEBHOOKS) and how its deliveries stand. Neither the ' +
    'secret nor the path of the URL is shown: chat webhook URLs are secrets themselves.',
})
export class WebhookEndpoint implements DeliveryCounts {
  @Field(() => String, { description: 'Its unique name in the configuration.' })
  name!: string;

  @Field(() => String, { description: 'Scheme, host and port it is sent to, e.g. https://hooks.slack.com.' })
  origin!: string;

  @Field(() => WebhookFormat, { description: 'The body it receives.' })
  format!: WebhookFormat;

  @Field(() => Boolean, { description: 'False when the configuration turned it off: nothing is sent.' })
  enabled!: boolean;

  @Field(() => Boolean, { description: 'Whether customer names, e-mails and note texts are sent to it.' })
  includePersonalData!: boolean;

  @Field(() => [AlertAction], { nullable: true, description: 'The changes it receives; null for all.' })
  actions!: AlertAction[] | null;

  @Field(() => [AlertRule], {
    nullable: true,
    description: 'The rules whose alerts it receives; null for all.',
  })
  rules!: AlertRule[] | null;

  @Field(() => Tier, { description: 'It receives alerts of customers of this tier or above.' })
  minimumTier!: Tier;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'When a dispatcher first saw it configured: it receives the events from then on. Null until then.',
  })
  since!: Date | null;

  @Field(() => Int, { description: 'Deliveries waiting for an attempt or a retry.' })
  pending!: number;

  @Field(() => Int, { description: 'Deliveries it accepted.' })
  delivered!: number;

  @Field(() => Int, { description: 'Deliveries given up after the last retry.' })
  failed!: number;
}
