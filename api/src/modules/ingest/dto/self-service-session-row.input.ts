import { Field, InputType, Int } from 'type-graphql';
import { SelfServiceEntry, SelfServiceOutcome } from '../../selfservice/entry.js';
import { CUSTOMER_REFERENCE, ID_INPUT, TIMESTAMP_INPUT } from './input-descriptions.js';

@InputType({
  description: 'One self-service session, as a row of the selfservice import (columns in camelCase).',
})
export class SelfServiceSessionRowInput {
  @Field(() => String, {
    description: `Id of the session in the self-service system (${ID_INPUT}); the key of the upsert.`,
  })
  sessionId!: string;

  @Field(() => String, { description: `The customer who tried self-service: ${CUSTOMER_REFERENCE}` })
  customerId!: string;

  @Field(() => SelfServiceEntry, { description: 'Where the session started.' })
  entry!: SelfServiceEntry;

  @Field(() => String, { description: `When the session started. ${TIMESTAMP_INPUT}` })
  startedAt!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Steps taken (pages viewed, bot turns or menu choices), 0 or more.',
  })
  steps?: number | null;

  @Field(() => SelfServiceOutcome, { description: 'How the session ended.' })
  outcome!: SelfServiceOutcome;

  @Field(() => String, {
    nullable: true,
    description: `contactId of the assisted contact it escalated to (${ID_INPUT}; not checked); only with outcome ESCALATED.`,
  })
  escalatedContactId?: string | null;
}
