import { Migration } from '@mikro-orm/migrations';

export class Migration20261123134956 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "alerts" ("id" serial primary key, "rule" text check ("rule" in ('vip_detractor', 'backfired_self_service', 'repeat_contacts', 'risk_jump', 'long_wait')) not null, "trigger_key" text not null, "customer_id" int not null, "tier" text check ("tier" in ('standard', 'vip')) not null, "status" text check ("status" in ('open', 'acknowledged', 'customer_contacted', 'resolved')) not null default 'open', "value" int not null, "triggered_at" timestamptz not null, "opened_at" timestamptz not null, "due_at" timestamptz not null, "owner" text null, "acknowledged_at" timestamptz null, "customer_contacted_at" timestamptz null, "resolved_at" timestamptz null);`,
    );
    this.addSql(`create index "alerts_opened_at_index" on "alerts" ("opened_at");`);
    this.addSql(
      `create index "alerts_customer_id_opened_at_index" on "alerts" ("customer_id", "opened_at");`,
    );
    this.addSql(`create index "alerts_status_due_at_index" on "alerts" ("status", "due_at");`);
    this.addSql(
      `alter table "alerts" add constraint "alerts_rule_trigger_key_unique" unique ("rule", "trigger_key");`,
    );

    this.addSql(
      `create table "alert_events" ("id" serial primary key, "alert_id" int not null, "at" timestamptz not null, "action" text check ("action" in ('opened', 'acknowledged', 'assigned', 'customer_contacted', 'resolved', 'note_added')) not null, "status" text check ("status" in ('open', 'acknowledged', 'customer_contacted', 'resolved')) not null, "text" text null, "actor_name" text not null, "actor_kind" text check ("actor_kind" in ('user', 'api_key', 'system')) not null);`,
    );
    this.addSql(`create index "alert_events_alert_id_at_index" on "alert_events" ("alert_id", "at");`);

    this.addSql(
      `create table "live_agent_preferences" ("id" serial primary key, "customer_id" int not null, "reason" text not null, "source" text check ("source" in ('agent_note', 'automatic')) not null, "since" timestamptz not null);`,
    );
    this.addSql(
      `alter table "live_agent_preferences" add constraint "live_agent_preferences_customer_id_unique" unique ("customer_id");`,
    );

    this.addSql(
      `alter table "alerts" add constraint "alerts_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "alert_events" add constraint "alert_events_alert_id_foreign" foreign key ("alert_id") references "alerts" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "live_agent_preferences" add constraint "live_agent_preferences_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "alert_events" drop constraint "alert_events_alert_id_foreign";`);

    this.addSql(`drop table if exists "alerts" cascade;`);

    this.addSql(`drop table if exists "alert_events" cascade;`);

    this.addSql(`drop table if exists "live_agent_preferences" cascade;`);
  }
}
