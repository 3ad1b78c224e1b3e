import { Migration } from '@mikro-orm/migrations';

export class Migration20261123163923 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "data_version" ("id" int not null, "version" int not null, "changed_at" timestamptz not null, constraint "data_version_pkey" primary key ("id"));`,
    );
    // The one row the result cache reads.
    this.addSql(`insert into "data_version" ("id", "version", "changed_at") values (1, 0, now());`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "data_version" cascade;`);
  }
}
