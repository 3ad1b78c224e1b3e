import { Migration } from '@mikro-orm/migrations';

export class Migration20261123105811 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "import_runs" ("id" serial primary key, "kind" text check ("kind" in ('customers', 'surveys', 'contacts', 'selfservice')) not null, "source" text not null, "rows_read" int not null, "inserted" int not null, "updated" int not null, "unchanged" int not null, "started_at" timestamptz not null, "finished_at" timestamptz not null);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "import_runs" cascade;`);
  }
}
