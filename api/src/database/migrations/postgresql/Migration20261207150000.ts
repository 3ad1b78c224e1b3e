import { Migration } from '@mikro-orm/migrations';

/** rollup_customers_days: signups and churns per day without a segment, filled by the rollup build that follows. */
export class Migration20261207150000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "rollup_customers_days" ("day" timestamptz not null, "signups" bigint not null default 0, "churns" bigint not null default 0, constraint "rollup_customers_days_pkey" primary key ("day"));`,
    );
  }
}
