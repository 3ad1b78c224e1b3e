import { Migration } from '@mikro-orm/migrations';

export class Migration20261207193000 extends Migration {
  override async up(): Promise<void> {
    // The recovery counts per day, generation and group: filled with the rollups by the next start
    // (their definitions changed, so buildRollupsIfMissing rebuilds them) or `pnpm cx rollups rebuild`.
    this.addSql(
      `create table "rollup_recovery_days" ("day" timestamptz not null, "generation" text not null, "recovery" text not null, "contacts" bigint not null default 0, "churned" bigint not null default 0, constraint "rollup_recovery_days_pkey" primary key ("day", "generation", "recovery"));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "rollup_recovery_days" cascade;`);
  }
}
