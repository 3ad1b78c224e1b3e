import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { ImportKind, type RecordKind } from './record-kind.js';

/**
 * One committed import, written in the import's own transaction: a rolled-back import leaves no run.
 * Its id is the data version (it only grows, and grows with every import), which caches key on.
 */
@ObjectType({ description: 'One committed import: a file, a GraphQL ingest call or a chunk of demo data.' })
@Entity({ tableName: 'import_runs' })
export class ImportRun {
  @Field(() => Int, { description: 'Sequence number of the import; the data version once it committed.' })
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => ImportKind, { description: 'Record kind that was imported.' })
  @Enum({ items: () => ImportKind, type: 'text' })
  kind!: RecordKind;

  @Field(() => String, {
    description:
      'Where the rows came from: the file name, "graphql" for an ingest mutation, or "seed" for demo data.',
  })
  @Property({ type: 'text' })
  source!: string;

  @Field(() => Int, {
    description: 'Rows read, valid ones all (a run exists only when every row was valid).',
  })
  @Property({ type: 'integer' })
  rowsRead!: number;

  @Field(() => Int, { description: 'Rows whose id was new.' })
  @Property({ type: 'integer' })
  inserted!: number;

  @Field(() => Int, { description: 'Rows whose id existed with different values.' })
  @Property({ type: 'integer' })
  updated!: number;

  @Field(() => Int, { description: 'Rows whose id existed with identical values (nothing written).' })
  @Property({ type: 'integer' })
  unchanged!: number;

  @Field(() => DateTimeScalar, { description: 'When the import started (UTC).' })
  @Property({ type: 'datetime' })
  startedAt!: Date;

  @Field(() => DateTimeScalar, {
    description: 'When the import committed (UTC): the data is as of this time.',
  })
  @Property({ type: 'datetime' })
  finishedAt!: Date;
}
