import { Migration } from '@mikro-orm/migrations';

export class Migration20261123164010 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "webhook_deliveries" ("id" serial primary key, "endpoint" text not null, "event_id" int not null, "status" text check ("status" in ('pending', 'delivered', 'failed')) not null default 'pending', "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "claimed_until" timestamptz null, "claimed_by" text null, "last_attempt_at" timestamptz null, "last_status_code" int null, "last_error" text null, "delivered_at" timestamptz null, "created_at" timestamptz not null);`,
    );
    this.addSql(
      `create index "webhook_deliveries_status_next_attempt_at_index" on "webhook_deliveries" ("status", "next_attempt_at");`,
    );
    this.addSql(
      `alter table "webhook_deliveries" add constraint "webhook_deliveries_endpoint_event_id_unique" unique ("endpoint", "event_id");`,
    );

    this.addSql(
      `create table "webhook_endpoints" ("name" text not null, "configured_at" timestamptz not null, constraint "webhook_endpoints_pkey" primary key ("name"));`,
    );

    this.addSql(
      `alter table "webhook_deliveries" add constraint "webhook_deliveries_event_id_foreign" foreign key ("event_id") references "alert_events" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(`create index "alert_events_at_index" on "alert_events" ("at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "webhook_deliveries" cascade;`);

    this.addSql(`drop table if exists "webhook_endpoints" cascade;`);

    this.addSql(`drop index "alert_events_at_index";`);
  }
}
