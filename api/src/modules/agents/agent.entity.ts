import { Entity, Index, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { ImportedRecord } from '../ingest/imported-record.entity.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { Channel } from '../contacts/channel.js';

/** The separator of the channels column, in the import file and in the database. */
export const CHANNEL_SEPARATOR = ';';

@ObjectType({
  description:
    'A contact-center agent, from the optional agents import. Contacts name their agent by agent_id whether ' +
    'or not the agent was imported; an agent not imported is known only by that id (no name or team).',
})
@Entity({ tableName: 'agents' })
export class Agent extends ImportedRecord {
  @Field(() => String, {
    nullable: true,
    description:
      "The agent's name. Personal data: null for roles without access to it (ANALYST, SUPERVISOR and ADMIN have it).",
  })
  @Property({ type: 'text', nullable: true })
  name: string | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'Team the agent belongs to, free text as imported (dimension TEAM of metrics).',
  })
  @Index()
  @Property({ type: 'text', nullable: true })
  team: string | null = null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the agent was hired (UTC).' })
  @Property({ type: 'datetime', nullable: true })
  hiredOn: Date | null = null;

  /** The channels the agent is skilled for, `;`-separated as imported (validated channel values). */
  @Property({ type: 'text', nullable: true })
  channels: string | null = null;

  @Field(() => [Channel], {
    name: 'channels',
    description: 'Channels the agent is skilled for, as imported; empty when not given.',
  })
  get channelList(): Channel[] {
    return this.channels ? (this.channels.split(CHANNEL_SEPARATOR) as Channel[]) : [];
  }
}
