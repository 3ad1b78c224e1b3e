import { Migration } from '@mikro-orm/migrations';

export class Migration20261123094007 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "customers" ("id" serial primary key, "external_id" varchar(255) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" text null, "email" text null, "birth_year" int not null, "generation" text check ("generation" in ('silent', 'boomer', 'gen_x', 'millennial', 'gen_z')) not null, "region" text null, "tier" text check ("tier" in ('standard', 'vip')) null, "lifetime_value" double precision null, "signup_date" timestamptz not null, "churned_at" timestamptz null);`,
    );
    this.addSql(
      `alter table "customers" add constraint "customers_external_id_unique" unique ("external_id");`,
    );
    this.addSql(`create index "customers_updated_at_index" on "customers" ("updated_at");`);
    this.addSql(`create index "customers_generation_index" on "customers" ("generation");`);
    this.addSql(`create index "customers_region_index" on "customers" ("region");`);
    this.addSql(`create index "customers_churned_at_index" on "customers" ("churned_at");`);

    this.addSql(
      `create table "contacts" ("id" serial primary key, "external_id" varchar(255) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "customer_id" int not null, "channel" text check ("channel" in ('phone', 'chat', 'email', 'social', 'video', 'in_person')) not null, "reason" text null, "queue" text null, "agent_id" text null, "started_at" timestamptz not null, "wait_seconds" int null, "handle_seconds" int null, "transfers" int null, "resolved" boolean null, "first_contact_resolution" boolean null, "escalated" boolean null, "self_service_session_id" text null, "out_of_policy" boolean null, "peer_approved" boolean null, "apology" boolean null, "recompense_type" text null, "recompense_value" double precision null);`,
    );
    this.addSql(
      `alter table "contacts" add constraint "contacts_external_id_unique" unique ("external_id");`,
    );
    this.addSql(`create index "contacts_updated_at_index" on "contacts" ("updated_at");`);
    this.addSql(
      `create index "contacts_self_service_session_id_index" on "contacts" ("self_service_session_id");`,
    );
    this.addSql(`create index "contacts_started_at_channel_index" on "contacts" ("started_at", "channel");`);
    this.addSql(
      `create index "contacts_customer_id_started_at_index" on "contacts" ("customer_id", "started_at");`,
    );

    this.addSql(
      `create table "self_service_sessions" ("id" serial primary key, "external_id" varchar(255) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "customer_id" int not null, "entry" text check ("entry" in ('faq', 'knowledge_base', 'chatbot', 'ivr', 'community')) not null, "started_at" timestamptz not null, "steps" int null, "outcome" text check ("outcome" in ('resolved', 'abandoned', 'escalated')) not null, "escalated_contact_id" text null);`,
    );
    this.addSql(
      `alter table "self_service_sessions" add constraint "self_service_sessions_external_id_unique" unique ("external_id");`,
    );
    this.addSql(
      `create index "self_service_sessions_updated_at_index" on "self_service_sessions" ("updated_at");`,
    );
    this.addSql(
      `create index "self_service_sessions_started_at_entry_index" on "self_service_sessions" ("started_at", "entry");`,
    );
    this.addSql(
      `create index "self_service_sessions_customer_id_started_at_index" on "self_service_sessions" ("customer_id", "started_at");`,
    );

    this.addSql(
      `create table "survey_responses" ("id" serial primary key, "external_id" varchar(255) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "customer_id" int not null, "type" text check ("type" in ('nps', 'csat', 'ces')) not null, "score" int not null, "comment" text null, "channel" text check ("channel" in ('phone', 'chat', 'email', 'social', 'video', 'in_person')) null, "touchpoint" text null, "responded_at" timestamptz not null);`,
    );
    this.addSql(
      `alter table "survey_responses" add constraint "survey_responses_external_id_unique" unique ("external_id");`,
    );
    this.addSql(`create index "survey_responses_updated_at_index" on "survey_responses" ("updated_at");`);
    this.addSql(
      `create index "survey_responses_responded_at_type_index" on "survey_responses" ("responded_at", "type");`,
    );
    this.addSql(
      `create index "survey_responses_customer_id_responded_at_index" on "survey_responses" ("customer_id", "responded_at");`,
    );

    this.addSql(
      `alter table "contacts" add constraint "contacts_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "self_service_sessions" add constraint "self_service_sessions_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "survey_responses" add constraint "survey_responses_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "contacts" drop constraint "contacts_customer_id_foreign";`);

    this.addSql(
      `alter table "self_service_sessions" drop constraint "self_service_sessions_customer_id_foreign";`,
    );

    this.addSql(`alter table "survey_responses" drop constraint "survey_responses_customer_id_foreign";`);

    this.addSql(`drop table if exists "customers" cascade;`);

    this.addSql(`drop table if exists "contacts" cascade;`);

    this.addSql(`drop table if exists "self_service_sessions" cascade;`);

    this.addSql(`drop table if exists "survey_responses" cascade;`);
  }
}
