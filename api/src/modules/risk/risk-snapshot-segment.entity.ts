import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Churn risk of one customer segment (generation × region × tier) on one day: the same totals as the day's
 * RiskSnapshot, split so that the history of a segment, or of a dimension, is a sum over a few hundred rows.
 * Money is kept in whole cents (and cents × score points), so that any sum of segments gives the digits of
 * the live figures (revenue-at-risk.ts) and of the whole base. Written with every snapshot (risk-history.ts).
 */
@Entity({ tableName: 'risk_snapshot_segments' })
export class RiskSnapshotSegment {
  @PrimaryKey({ type: 'datetime' })
  day!: Date;

  /** The customers' generation; '' when unknown (as in the churn-risk counts rollup). */
  @PrimaryKey({ type: 'text' })
  generation!: string;

  @PrimaryKey({ type: 'text' })
  region!: string;

  @PrimaryKey({ type: 'text' })
  tier!: string;

  @Property({ type: 'integer' })
  scoredCustomers!: number;

  /** Σ score × lifetime value in cents: the expected loss × 10,000. */
  @Property({ type: 'bigint' })
  lossCentPoints!: string;

  @Property({ type: 'integer' })
  atRiskCustomers!: number;

  /** Lifetime value of the customers at or above the day's threshold, in cents. */
  @Property({ type: 'bigint' })
  atRiskCents!: string;
}
