import { Migration } from '@mikro-orm/migrations';

export class Migration20261123170741 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "rollup_contacts_channel_generation" ("day" timestamptz not null, "channel" text not null, "generation" text not null, "contacts" bigint not null default 0, "handle_sum" bigint not null default 0, "handle_count" bigint not null default 0, "wait_sum" bigint not null default 0, "wait_count" bigint not null default 0, "first_contact_resolved" bigint not null default 0, "escalated_contacts" bigint not null default 0, "repeated_contacts" bigint not null default 0, constraint "rollup_contacts_channel_generation_pkey" primary key ("day", "channel", "generation"));`,
    );

    this.addSql(
      `create table "rollup_contacts_channel_generation_tier" ("day" timestamptz not null, "channel" text not null, "generation" text not null, "tier" text not null, "contacts" bigint not null default 0, "handle_sum" bigint not null default 0, "handle_count" bigint not null default 0, "wait_sum" bigint not null default 0, "wait_count" bigint not null default 0, "first_contact_resolved" bigint not null default 0, "escalated_contacts" bigint not null default 0, "repeated_contacts" bigint not null default 0, constraint "rollup_contacts_channel_generation_tier_pkey" primary key ("day", "channel", "generation", "tier"));`,
    );

    this.addSql(
      `create table "rollup_contacts_channel_region" ("day" timestamptz not null, "channel" text not null, "region" text not null, "contacts" bigint not null default 0, "handle_sum" bigint not null default 0, "handle_count" bigint not null default 0, "wait_sum" bigint not null default 0, "wait_count" bigint not null default 0, "first_contact_resolved" bigint not null default 0, "escalated_contacts" bigint not null default 0, "repeated_contacts" bigint not null default 0, constraint "rollup_contacts_channel_region_pkey" primary key ("day", "channel", "region"));`,
    );

    this.addSql(
      `create table "rollup_contacts_reason_channel" ("day" timestamptz not null, "reason" text not null, "channel" text not null, "contacts" bigint not null default 0, "handle_sum" bigint not null default 0, "handle_count" bigint not null default 0, "wait_sum" bigint not null default 0, "wait_count" bigint not null default 0, "first_contact_resolved" bigint not null default 0, "escalated_contacts" bigint not null default 0, "repeated_contacts" bigint not null default 0, constraint "rollup_contacts_reason_channel_pkey" primary key ("day", "reason", "channel"));`,
    );

    this.addSql(
      `create table "rollup_customers_generation_region_tier" ("day" timestamptz not null, "generation" text not null, "region" text not null, "tier" text not null, "signups" bigint not null default 0, "churns" bigint not null default 0, constraint "rollup_customers_generation_region_tier_pkey" primary key ("day", "generation", "region", "tier"));`,
    );

    this.addSql(
      `create table "rollup_sessions_entry_generation_tier" ("day" timestamptz not null, "entry" text not null, "generation" text not null, "tier" text not null, "sessions" bigint not null default 0, "engaged_sessions" bigint not null default 0, "resolved_sessions" bigint not null default 0, "abandoned_sessions" bigint not null default 0, "escalated_sessions" bigint not null default 0, "truly_deflected_sessions" bigint not null default 0, "escalation_resolved_sessions" bigint not null default 0, "backfired_sessions" bigint not null default 0, constraint "rollup_sessions_entry_generation_tier_pkey" primary key ("day", "entry", "generation", "tier"));`,
    );

    this.addSql(
      `create table "rollup_sessions_entry_region" ("day" timestamptz not null, "entry" text not null, "region" text not null, "sessions" bigint not null default 0, "engaged_sessions" bigint not null default 0, "resolved_sessions" bigint not null default 0, "abandoned_sessions" bigint not null default 0, "escalated_sessions" bigint not null default 0, "truly_deflected_sessions" bigint not null default 0, "escalation_resolved_sessions" bigint not null default 0, "backfired_sessions" bigint not null default 0, constraint "rollup_sessions_entry_region_pkey" primary key ("day", "entry", "region"));`,
    );

    this.addSql(
      `create table "rollup_surveys_channel_generation" ("day" timestamptz not null, "channel" text not null, "generation" text not null, "responses" bigint not null default 0, "nps_responses" bigint not null default 0, "promoters" bigint not null default 0, "detractors" bigint not null default 0, "csat_responses" bigint not null default 0, "csat_sum" bigint not null default 0, "csat_squares" bigint not null default 0, "csat_top2" bigint not null default 0, "ces_responses" bigint not null default 0, "ces_sum" bigint not null default 0, constraint "rollup_surveys_channel_generation_pkey" primary key ("day", "channel", "generation"));`,
    );

    this.addSql(
      `create table "rollup_surveys_channel_generation_tier" ("day" timestamptz not null, "channel" text not null, "generation" text not null, "tier" text not null, "responses" bigint not null default 0, "nps_responses" bigint not null default 0, "promoters" bigint not null default 0, "detractors" bigint not null default 0, "csat_responses" bigint not null default 0, "csat_sum" bigint not null default 0, "csat_squares" bigint not null default 0, "csat_top2" bigint not null default 0, "ces_responses" bigint not null default 0, "ces_sum" bigint not null default 0, constraint "rollup_surveys_channel_generation_tier_pkey" primary key ("day", "channel", "generation", "tier"));`,
    );

    this.addSql(
      `create table "rollup_surveys_channel_region" ("day" timestamptz not null, "channel" text not null, "region" text not null, "responses" bigint not null default 0, "nps_responses" bigint not null default 0, "promoters" bigint not null default 0, "detractors" bigint not null default 0, "csat_responses" bigint not null default 0, "csat_sum" bigint not null default 0, "csat_squares" bigint not null default 0, "csat_top2" bigint not null default 0, "ces_responses" bigint not null default 0, "ces_sum" bigint not null default 0, constraint "rollup_surveys_channel_region_pkey" primary key ("day", "channel", "region"));`,
    );

    this.addSql(
      `create table "rollup_state" ("id" int not null default 1, "built_at" timestamptz not null, "churned_before_signup" int not null default 0, constraint "rollup_state_pkey" primary key ("id"));`,
    );

    this.addSql(`alter table "contacts" add column "repeated" boolean not null default false;`);

    this.addSql(
      `alter table "self_service_sessions" add column "truly_deflected" boolean not null default false, add column "escalation_resolved" boolean not null default false, add column "backfired" boolean not null default false;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "rollup_contacts_channel_generation" cascade;`);

    this.addSql(`drop table if exists "rollup_contacts_channel_generation_tier" cascade;`);

    this.addSql(`drop table if exists "rollup_contacts_channel_region" cascade;`);

    this.addSql(`drop table if exists "rollup_contacts_reason_channel" cascade;`);

    this.addSql(`drop table if exists "rollup_customers_generation_region_tier" cascade;`);

    this.addSql(`drop table if exists "rollup_sessions_entry_generation_tier" cascade;`);

    this.addSql(`drop table if exists "rollup_sessions_entry_region" cascade;`);

    this.addSql(`drop table if exists "rollup_surveys_channel_generation" cascade;`);

    this.addSql(`drop table if exists "rollup_surveys_channel_generation_tier" cascade;`);

    this.addSql(`drop table if exists "rollup_surveys_channel_region" cascade;`);

    this.addSql(`drop table if exists "rollup_state" cascade;`);

    this.addSql(`alter table "contacts" drop column "repeated";`);

    this.addSql(
      `alter table "self_service_sessions" drop column "truly_deflected", drop column "escalation_resolved", drop column "backfired";`,
    );
  }
}
