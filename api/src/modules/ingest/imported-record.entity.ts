import { Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';

/**
 * Columns every imported record shares. The integer primary key stays internal (compact joins over
 * millions of facts); clients address records by the id of the system they came from. The GraphQL
 * fields declared here are inherited by each subclass's object type.
 */
@ObjectType()
export abstract class ImportedRecord {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Field(() => ID, {
    name: 'id',
    description: 'Identifier in the source system: the id column of the import.',
  })
  @Property({ type: 'string', unique: true })
  externalId!: string;

  @Field(() => DateTimeScalar, { description: 'When CX Pulse first stored this record (UTC).' })
  @Property({ type: 'datetime', onCreate: () => new Date() })
  createdAt: Date = new Date();

  @Field(() => DateTimeScalar, {
    description: 'When CX Pulse last inserted or changed this record (UTC); the key for incremental sync.',
  })
  // Incremental sync seeks and orders by (updated_at, id); one import stamps all its rows alike, so the
  // id must be in the index or every page would sort all rows of that import.
  @Index({ properties: ['updatedAt', 'id'] })
  @Property({ type: 'datetime', onCreate: () => new Date(), onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
