import { Migration } from '@mikro-orm/migrations';

export class Migration20261206193331 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "rollup_customer_mix_days" ("customer_id" int not null, "day" timestamptz not null, "generation" text null, "region" text null, "tier" text null, "sessions" bigint not null default 0, "contacts" bigint not null default 0, "previous_day" timestamptz null, "previous_session_day" timestamptz null, constraint "rollup_customer_mix_days_pkey" primary key ("customer_id", "day"));`,
    );
    this.addSql(
      `create index "rollup_customer_mix_days_day_generation_previous_d_5e4ae_index" on "rollup_customer_mix_days" ("day", "generation", "previous_day", "sessions", "previous_session_day");`,
    );

    this.addSql(
      `create table "rollup_escalation_follow_ups" ("response_id" int not null, "day" timestamptz not null, "entry" text not null, "customer_id" int not null, "generation" text null, "region" text null, "tier" text null, "type" text not null, "score" int not null, constraint "rollup_escalation_follow_ups_pkey" primary key ("response_id", "day", "entry"));`,
    );
    this.addSql(
      `create index "rollup_escalation_follow_ups_day_index" on "rollup_escalation_follow_ups" ("day");`,
    );
    this.addSql(
      `create index "rollup_escalation_follow_ups_customer_id_index" on "rollup_escalation_follow_ups" ("customer_id");`,
    );

    this.addSql(
      `create table "rollup_risk_scores" ("generation" text not null, "region" text not null, "tier" text not null, "score" int not null, "customers" bigint not null default 0, constraint "rollup_risk_scores_pkey" primary key ("generation", "region", "tier", "score"));`,
    );

    this.addSql(
      `create table "rollup_wom_customer_days" ("customer_id" int not null, "day" timestamptz not null, "generation" text null, "region" text null, "tier" text null, "detractor_responses" bigint not null default 0, "social_uses" bigint not null default 0, constraint "rollup_wom_customer_days_pkey" primary key ("customer_id", "day"));`,
    );
    this.addSql(`create index "rollup_wom_customer_days_day_index" on "rollup_wom_customer_days" ("day");`);

    // Rebuilt with the rollups by the next start (buildRollupsIfMissing) or `pnpm cx rollups rebuild`.
    this.addSql(`delete from "rollup_state";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "rollup_customer_mix_days" cascade;`);

    this.addSql(`drop table if exists "rollup_escalation_follow_ups" cascade;`);

    this.addSql(`drop table if exists "rollup_risk_scores" cascade;`);

    this.addSql(`drop table if exists "rollup_wom_customer_days" cascade;`);

    this.addSql(`delete from "rollup_state";`);
  }
}
