import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The version of everything cached GraphQL answers are computed from: one row (id 1) whose counter
 * grows, inside the writing transaction, with every committed import that wrote rows, every risk
 * refresh and after every GraphQL mutation. The result cache keys on it, so a change makes every
 * older answer a miss at once, in every API process.
 */
@Entity({ tableName: 'data_version' })
export class DataVersion {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id!: number;

  @Property({ type: 'integer' })
  version!: number;

  /**
   * The latest version whose writer waits to see it: every change but the background ingest worker's
   * applies, whose batches were acknowledged before. Answers older than it are never served; answers
   * older than `version` alone may be, for a moment (the result cache's stale-while-revalidate).
   */
  @Property({ type: 'integer', default: 0 })
  awaitedVersion!: number;

  @Property({ type: 'datetime' })
  changedAt!: Date;
}
