import { Migration } from '@mikro-orm/migrations';

export class Migration20261123140203 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`api_keys\` (\`id\` integer not null primary key autoincrement, \`name\` text not null, \`role\` text check (\`role\` in ('executive', 'analyst', 'bi', 'ingest', 'admin')) not null, \`token_hash\` text not null, \`token_start\` text not null, \`created_at\` datetime not null, \`revoked_at\` datetime null);`,
    );
    this.addSql(`create unique index \`api_keys_token_hash_unique\` on \`api_keys\` (\`token_hash\`);`);

    this.addSql(
      `create table \`users\` (\`id\` integer not null primary key autoincrement, \`email\` text not null, \`name\` text not null, \`role\` text check (\`role\` in ('executive', 'analyst', 'bi', 'ingest', 'admin')) not null, \`password_hash\` text not null, \`created_at\` datetime not null, \`disabled_at\` datetime null);`,
    );
    this.addSql(`create unique index \`users_email_unique\` on \`users\` (\`email\`);`);

    this.addSql(
      `create table \`sessions\` (\`id\` integer not null primary key autoincrement, \`user_id\` integer not null, \`token_hash\` text not null, \`created_at\` datetime not null, \`expires_at\` datetime not null, constraint \`sessions_user_id_foreign\` foreign key(\`user_id\`) references \`users\`(\`id\`) on delete cascade on update cascade);`,
    );
    this.addSql(`create index \`sessions_user_id_index\` on \`sessions\` (\`user_id\`);`);
    this.addSql(`create unique index \`sessions_token_hash_unique\` on \`sessions\` (\`token_hash\`);`);
    this.addSql(`create index \`sessions_expires_at_index\` on \`sessions\` (\`expires_at\`);`);
  }
}
