import { Migration } from '@mikro-orm/migrations';

export class Migration20261207040959 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "risk_snapshots" ("day" timestamptz not null, "as_of" timestamptz not null, "scored_customers" int not null, "expected_loss" double precision not null, "at_risk_customers" int not null, "at_risk_value" double precision not null, "threshold" int not null, constraint "risk_snapshots_pkey" primary key ("day"));`,
    );

    this.addSql(
      `alter table "risk_models" add column "snapshots" int not null default 1, add column "auc_lower" double precision null, add column "auc_upper" double precision null, add column "nps_baseline_auc" double precision null, add column "contacts_baseline_auc" double precision null, add column "top_decile_share" double precision null, add column "brier_score" double precision null;`,
    );

    this.addSql(`alter table "rollup_risk_scores" add column "value_cents" bigint not null default 0;`);

    // The churn-risk counts gain the customers' lifetime value: rebuilt with the rollups by the next start
    // (buildRollupsIfMissing) or `pnpm cx rollups rebuild`.
    this.addSql(`delete from "rollup_state";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "risk_snapshots" cascade;`);

    this.addSql(
      `alter table "risk_models" drop column "snapshots", drop column "auc_lower", drop column "auc_upper", drop column "nps_baseline_auc", drop column "contacts_baseline_auc", drop column "top_decile_share", drop column "brier_score";`,
    );

    this.addSql(`alter table "rollup_risk_scores" drop column "value_cents";`);

    this.addSql(`delete from "rollup_state";`);
  }
}
