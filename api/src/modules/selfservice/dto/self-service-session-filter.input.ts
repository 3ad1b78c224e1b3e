import { Field, InputType } from 'type-graphql';
import { FactFilter } from '../../../graphql/filters.js';
import { SelfServiceEntry, SelfServiceOutcome } from '../entry.js';

@InputType({
  description:
    'Which self-service sessions to return. Unset fields do not filter; every field that is set must match.',
})
export class SelfServiceSessionFilter extends FactFilter('startedAt') {
  @Field(() => [SelfServiceEntry], {
    nullable: true,
    description: 'Only sessions that started at these entry points; an empty list matches none.',
  })
  entries?: SelfServiceEntry[] | null;

  @Field(() => [SelfServiceOutcome], {
    nullable: true,
    description: 'Only sessions that ended this way; an empty list matches none.',
  })
  outcomes?: SelfServiceOutcome[] | null;
}
