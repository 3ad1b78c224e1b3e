import { Migration } from '@mikro-orm/migrations';

export class Migration20261207041222 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "ingest_batches" ("id" serial primary key, "kind" text check ("kind" in ('customers', 'surveys', 'contacts', 'selfservice', 'agents')) not null, "source" text not null, "rows" text not null, "row_count" int not null, "received_at" timestamptz not null, "applied_at" timestamptz null, "problems" text null);`,
    );
    this.addSql(
      `create index "ingest_batches_applied_at_id_index" on "ingest_batches" ("applied_at", "id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "ingest_batches" cascade;`);
  }
}
