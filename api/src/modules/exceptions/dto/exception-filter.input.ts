import { Field, InputType } from 'type-graphql';
import { DateTimeScalar } from '../../../graphql/scalars.js';
import { ReviewStatus } from '../review-outcome.js';

const LIST_RULE = 'Omitted or null: any; an empty list matches nothing.';

@InputType({ description: 'Which out-of-policy exceptions (and, for the report, recoveries) to read.' })
export class ExceptionFilter {
  @Field(() => DateTimeScalar, { nullable: true, description: 'Contacts started at or after this instant.' })
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Contacts started before this instant.' })
  to?: Date | null;

  @Field(() => [ReviewStatus], {
    nullable: true,
    description: `Only exceptions in these review statuses. ${LIST_RULE}`,
  })
  statuses?: ReviewStatus[] | null;

  @Field(() => [String], { nullable: true, description: `Only decisions of these agent ids. ${LIST_RULE}` })
  agents?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: `Only decisions of agents of these teams. ${LIST_RULE}`,
  })
  teams?: string[] | null;
}
