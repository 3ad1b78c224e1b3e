import { Migration } from '@mikro-orm/migrations';

export class Migration20261207080000 extends Migration {
  override async up(): Promise<void> {
    // The daily risk snapshot split by segment, so that a segment's revenue at risk has a history too. Days
    // snapshotted before this migration keep their whole-base totals only.
    this.addSql(
      `create table "risk_snapshot_segments" ("day" timestamptz not null, "generation" text not null, "region" text not null, "tier" text not null, "scored_customers" int not null, "loss_cent_points" bigint not null, "at_risk_customers" int not null, "at_risk_cents" bigint not null, constraint "risk_snapshot_segments_pkey" primary key ("day", "generation", "region", "tier"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "risk_snapshot_segments" cascade;`);
  }
}
