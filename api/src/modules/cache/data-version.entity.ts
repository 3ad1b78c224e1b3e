import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The version of everything cached GraphQL answers are computed from: one row (id 1) whose counter
 * grows, inside the writing transaction, with every committed import that wrote rows, every risk
 * refresh and after every GraphQL mutation. The result cache keys on it, so a change makes every
 * older answer unreachable at once, in every API process.
 */
@Entity({ tableName: 'data_version' })
export class DataVersion {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id!: number;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'datetime' })
  changedAt!: Date;
}
