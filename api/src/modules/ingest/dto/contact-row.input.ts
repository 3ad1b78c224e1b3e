import { Field, Float, InputType, Int } from 'type-graphql';
import { Channel } from '../../contacts/channel.js';
import { CUSTOMER_REFERENCE, ID_INPUT, TIMESTAMP_INPUT } from './input-descriptions.js';

@InputType({ description: 'One assisted contact, as a row of the contacts import (columns in camelCase).' })
export class ContactRowInput {
  @Field(() => String, {
    description: `Id of the contact in the contact-center system (${ID_INPUT}); the key of the upsert.`,
  })
  contactId!: string;

  @Field(() => String, { description: `The customer served: ${CUSTOMER_REFERENCE}` })
  customerId!: string;

  @Field(() => Channel, { description: 'Channel of the interaction.' })
  channel!: Channel;

  @Field(() => String, { nullable: true, description: 'Contact reason as coded by the agent or the system.' })
  reason?: string | null;

  @Field(() => String, { nullable: true, description: 'Queue or skill group that handled it.' })
  queue?: string | null;

  @Field(() => String, { nullable: true, description: `Id of the agent who handled it (${ID_INPUT}).` })
  agentId?: string | null;

  @Field(() => String, { description: `When the contact started. ${TIMESTAMP_INPUT}` })
  startedAt!: string;

  @Field(() => Int, { nullable: true, description: 'Seconds the customer waited for an agent, 0 or more.' })
  waitSeconds?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Seconds of agent time (talk, hold, wrap-up), 0 or more.',
  })
  handleSeconds?: number | null;

  @Field(() => Int, { nullable: true, description: 'Transfers between agents or queues, 0 or more.' })
  transfers?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the issue was resolved.' })
  resolved?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether it was resolved in this first contact; cannot be true when resolved is false.',
  })
  firstContactResolution?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether it was escalated to a supervisor or tier 2.',
  })
  escalated?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: `sessionId of the self-service session this contact escalated from, if any (${ID_INPUT}; not checked).`,
  })
  selfServiceSessionId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the resolution was an exception to policy.' })
  outOfPolicy?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether a peer or supervisor approved the exception.',
  })
  peerApproved?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: `agentId of the peer who approved the exception (${ID_INPUT}); need not be an imported agent.`,
  })
  approvedBy?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the agent apologised.' })
  apology?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'Kind of recompense given (e.g. refund, credit, gift), free text.',
  })
  recompenseType?: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Value of the recompense, 0 or more, in the currency of the data; needs recompenseType.',
  })
  recompenseValue?: number | null;
}
