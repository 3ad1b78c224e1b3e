import { Field, InputType } from 'type-graphql';
import { FactFilter } from '../../../graphql/filters.js';
import { Channel } from '../channel.js';

@InputType({
  description: 'Which contacts to return. Unset fields do not filter; every field that is set must match.',
})
export class ContactFilter extends FactFilter('startedAt') {
  @Field(() => [Channel], {
    nullable: true,
    description: 'Only contacts on these channels; an empty list matches none.',
  })
  channels?: Channel[] | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Only contacts with these reasons (exact, case-sensitive match as imported; contacts without a reason never match); ' +
      'an empty list matches none.',
  })
  reasons?: string[] | null;
}
