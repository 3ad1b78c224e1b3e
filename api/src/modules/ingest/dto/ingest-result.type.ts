import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../../graphql/scalars.js';

@ObjectType({ description: 'One problem with one row of an ingest mutation.' })
export class IngestProblem {
  @Field(() => Int, { description: 'Position of the row in the rows argument, counted from 1.' })
  row!: number;

  @Field(() => String, { description: 'Input field at fault (as named in the input type).' })
  field!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The offending value as given; null when it was empty.',
  })
  value!: string | null;

  @Field(() => String, { description: 'What the field accepts.' })
  expected!: string;

  @Field(() => String, {
    description:
      'The problem in one line, e.g. `row 3, field score: got "11", expected an integer from 0 to 10 for an nps response`.',
  })
  message!: string;
}

@ObjectType({
  description:
    'Outcome of an ingest mutation. The rows form one transaction: when problemCount is above 0, nothing ' +
    'was written and the three counts are 0.',
})
export class IngestResult {
  @Field(() => Int, { description: 'Rows whose id was new: stored as new records.' })
  inserted!: number;

  @Field(() => Int, { description: 'Rows whose id existed with at least one different value: overwritten.' })
  updated!: number;

  @Field(() => Int, { description: 'Rows whose id existed with identical values: nothing written for them.' })
  unchanged!: number;

  @Field(() => Int, { description: 'Problems found in all rows (problems lists the first 50).' })
  problemCount!: number;

  @Field(() => [IngestProblem], { description: 'The first 50 problems, in row order.' })
  problems!: IngestProblem[];

  @Field(() => Int, {
    description:
      'Rows acknowledged for the ingest worker (apply: BACKGROUND): stored durably, applied within the ' +
      'freshness bound; 0 when the rows were applied at once or refused.',
  })
  queued!: number;

  @Field(() => ID, {
    nullable: true,
    description: 'The queued batch (apply: BACKGROUND); null when the rows were applied at once or refused.',
  })
  batchId!: string | null;
}

@ObjectType({
  description:
    'Batches acknowledged by ingest mutations with apply: BACKGROUND and not yet applied: how far metrics ' +
    'are behind what was acknowledged.',
})
export class IngestBacklog {
  @Field(() => Int, { description: 'Batches waiting for the ingest worker.' })
  pendingBatches!: number;

  @Field(() => Int, { description: 'Rows in the waiting batches.' })
  pendingRows!: number;

  @Field(() => Float, {
    description:
      'Freshness lag in seconds: age of the oldest waiting batch (0 when none waits). Rows show in metrics ' +
      "within this lag plus the result cache's stale bound.",
  })
  lagSeconds!: number;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the worker last applied a batch (UTC); null when none was applied in the last hour.',
  })
  lastAppliedAt!: Date | null;
}
