import { Field, InputType } from 'type-graphql';
import { Channel } from '../../contacts/channel.js';
import { ID_INPUT, TIMESTAMP_INPUT } from './input-descriptions.js';

@InputType({ description: 'One contact-center agent, as a row of the agents import (columns in camelCase).' })
export class AgentRowInput {
  @Field(() => String, {
    description: `Id of the agent, as contacts name it in agentId (${ID_INPUT}); the key of the upsert.`,
  })
  agentId!: string;

  @Field(() => String, { nullable: true, description: "The agent's name. Personal data." })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Team the agent belongs to.' })
  team?: string | null;

  @Field(() => String, { nullable: true, description: `When the agent was hired. ${TIMESTAMP_INPUT}` })
  hiredOn?: string | null;

  @Field(() => [Channel], { nullable: true, description: 'Channels the agent is skilled for.' })
  channels?: Channel[] | null;
}
