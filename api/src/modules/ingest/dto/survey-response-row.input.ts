import { Field, InputType, Int } from 'type-graphql';
import { Channel } from '../../contacts/channel.js';
import { SurveyType } from '../../surveys/survey-type.js';
import { CUSTOMER_REFERENCE, ID_INPUT, TIMESTAMP_INPUT } from './input-descriptions.js';

@InputType({ description: 'One survey response, as a row of the surveys import (columns in camelCase).' })
export class SurveyResponseRowInput {
  @Field(() => String, {
    description: `Id of the response in the survey tool (${ID_INPUT}); the key of the upsert.`,
  })
  responseId!: string;

  @Field(() => String, { description: `The customer who answered: ${CUSTOMER_REFERENCE}` })
  customerId!: string;

  @Field(() => SurveyType, { description: 'Kind of question; fixes the score range.' })
  type!: SurveyType;

  @Field(() => Int, { description: 'Score: NPS 0-10, CSAT 1-5, CES 1-7.' })
  score!: number;

  @Field(() => String, { nullable: true, description: 'Free-text comment. Personal data.' })
  comment?: string | null;

  @Field(() => Channel, { nullable: true, description: 'Channel the response is about, when known.' })
  channel?: Channel | null;

  @Field(() => String, {
    nullable: true,
    description: 'Journey touchpoint surveyed (e.g. onboarding, billing).',
  })
  touchpoint?: string | null;

  @Field(() => String, { description: `When the customer answered. ${TIMESTAMP_INPUT}` })
  respondedAt!: string;

  @Field(() => String, {
    nullable: true,
    description: `contactId of the contact the response is about: an existing contact of the same customer (${ID_INPUT}).`,
  })
  contactId?: string | null;
}
