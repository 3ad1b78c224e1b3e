import { Migration } from '@mikro-orm/migrations';

export class Migration20261123140205 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "api_keys" ("id" serial primary key, "name" text not null, "role" text check ("role" in ('executive', 'analyst', 'bi', 'ingest', 'admin')) not null, "token_hash" text not null, "token_start" text not null, "created_at" timestamptz not null, "revoked_at" timestamptz null);`,
    );
    this.addSql(`alter table "api_keys" add constraint "api_keys_token_hash_unique" unique ("token_hash");`);

    this.addSql(
      `create table "users" ("id" serial primary key, "email" text not null, "name" text not null, "role" text check ("role" in ('executive', 'analyst', 'bi', 'ingest', 'admin')) not null, "password_hash" text not null, "created_at" timestamptz not null, "disabled_at" timestamptz null);`,
    );
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);

    this.addSql(
      `create table "sessions" ("id" serial primary key, "user_id" int not null, "token_hash" text not null, "created_at" timestamptz not null, "expires_at" timestamptz not null);`,
    );
    this.addSql(`alter table "sessions" add constraint "sessions_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "sessions_expires_at_index" on "sessions" ("expires_at");`);

    this.addSql(
      `alter table "sessions" add constraint "sessions_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "sessions" drop constraint "sessions_user_id_foreign";`);

    this.addSql(`drop table if exists "api_keys" cascade;`);

    this.addSql(`drop table if exists "users" cascade;`);

    this.addSql(`drop table if exists "sessions" cascade;`);
  }
}
