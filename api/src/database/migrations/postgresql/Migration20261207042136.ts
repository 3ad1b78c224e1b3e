import { Migration } from '@mikro-orm/migrations';

export class Migration20261207042136 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "exception_reviews" ("id" serial primary key, "contact_id" int not null, "status" text check ("status" in ('pending', 'upheld', 'corrected')) not null, "note" text not null, "reviewed_at" timestamptz not null, "reviewer_name" text not null, "reviewer_kind" text check ("reviewer_kind" in ('user', 'api_key', 'system')) not null);`,
    );
    this.addSql(`create index "exception_reviews_reviewed_at_index" on "exception_reviews" ("reviewed_at");`);
    this.addSql(
      `alter table "exception_reviews" add constraint "exception_reviews_contact_id_unique" unique ("contact_id");`,
    );

    this.addSql(
      `alter table "exception_reviews" add constraint "exception_reviews_contact_id_foreign" foreign key ("contact_id") references "contacts" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "exception_reviews" cascade;`);
  }
}
