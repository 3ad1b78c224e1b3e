import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'How many alerts are waiting for action, right now.' })
export class AlertCounts {
  @Field(() => Int, { description: 'Alerts not yet resolved (OPEN, ACKNOWLEDGED or CUSTOMER_CONTACTED).' })
  unresolved!: number;

  @Field(() => Int, { description: 'Alerts in status OPEN: nobody has acknowledged them yet.' })
  open!: number;

  @Field(() => Int, { description: 'Unresolved alerts past their dueAt.' })
  overdue!: number;
}
