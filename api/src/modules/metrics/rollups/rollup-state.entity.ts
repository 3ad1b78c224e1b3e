import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Whether the rollups (and the sequence flags) have been built from the facts, and from which
 * definitions, in a single row. A migrated database starts without it, so queries keep to the facts
 * until the rollups are built.
 */
@Entity({ tableName: 'rollup_state' })
export class RollupState {
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id: number = 1;

  @Property({ type: 'datetime' })
  builtAt!: Date;

  /**
   * The rollupFingerprint() of the definitions the rollups were built from (null: built before
   * fingerprints were kept). A start that finds another one rebuilds the rollups.
   */
  @Property({ type: 'text', nullable: true })
  fingerprint?: string | null;

  /**
   * Customers whose churned_at precedes their signup_date. The churn rollup counts churns by churn day
   * and cannot place them exactly, so churnRate keeps to the facts while there are any.
   */
  @Property({ type: 'integer', default: 0 })
  churnedBeforeSignup: number = 0;
}
