import { Migration } from '@mikro-orm/migrations';

export class Migration20261207035926 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "agents" ("id" serial primary key, "external_id" varchar(255) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" text null, "team" text null, "hired_on" timestamptz null, "channels" text null);`,
    );
    this.addSql(`alter table "agents" add constraint "agents_external_id_unique" unique ("external_id");`);
    this.addSql(`create index "agents_team_index" on "agents" ("team");`);
    this.addSql(`create index "agents_updated_at_id_index" on "agents" ("updated_at", "id");`);

    this.addSql(
      `create table "rollup_contacts_agent_queue_channel" ("day" timestamptz not null, "agent" text not null, "queue" text not null, "channel" text not null, "contacts" bigint not null default 0, "handle_sum" bigint not null default 0, "handle_count" bigint not null default 0, "wait_sum" bigint not null default 0, "wait_count" bigint not null default 0, "first_contact_resolved" bigint not null default 0, "escalated_contacts" bigint not null default 0, "repeated_contacts" bigint not null default 0, constraint "rollup_contacts_agent_queue_channel_pkey" primary key ("day", "agent", "queue", "channel"));`,
    );

    this.addSql(
      `create table "rollup_surveys_agent_queue_channel" ("day" timestamptz not null, "agent" text not null, "queue" text not null, "channel" text not null, "responses" bigint not null default 0, "nps_responses" bigint not null default 0, "promoters" bigint not null default 0, "detractors" bigint not null default 0, "csat_responses" bigint not null default 0, "csat_sum" bigint not null default 0, "csat_squares" bigint not null default 0, "csat_top2" bigint not null default 0, "ces_responses" bigint not null default 0, "ces_sum" bigint not null default 0, constraint "rollup_surveys_agent_queue_channel_pkey" primary key ("day", "agent", "queue", "channel"));`,
    );

    this.addSql(`alter table "import_runs" drop constraint if exists "import_runs_kind_check";`);

    this.addSql(`alter table "contacts" add column "approved_by" text null;`);
    this.addSql(
      `create index "contacts_agent_id_started_at_index" on "contacts" ("agent_id", "started_at");`,
    );

    this.addSql(
      `alter table "import_runs" add constraint "import_runs_kind_check" check("kind" in ('customers', 'surveys', 'contacts', 'selfservice', 'agents'));`,
    );

    this.addSql(`alter table "survey_responses" add column "contact_id" text null;`);
    this.addSql(`create index "survey_responses_contact_id_index" on "survey_responses" ("contact_id");`);

    // The new rollups are empty: marked unbuilt, they are filled at the next start.
    this.addSql(`delete from "rollup_state";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "agents" cascade;`);

    this.addSql(`drop table if exists "rollup_contacts_agent_queue_channel" cascade;`);

    this.addSql(`drop table if exists "rollup_surveys_agent_queue_channel" cascade;`);

    this.addSql(`alter table "import_runs" drop constraint if exists "import_runs_kind_check";`);

    this.addSql(`drop index "contacts_agent_id_started_at_index";`);
    this.addSql(`alter table "contacts" drop column "approved_by";`);

    this.addSql(
      `alter table "import_runs" add constraint "import_runs_kind_check" check("kind" in ('customers', 'surveys', 'contacts', 'selfservice'));`,
    );

    this.addSql(`drop index "survey_responses_contact_id_index";`);
    this.addSql(`alter table "survey_responses" drop column "contact_id";`);

    this.addSql(`delete from "rollup_state";`);
  }
}
