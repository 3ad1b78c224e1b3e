import { Migration } from '@mikro-orm/migrations';

const ROLES = `'executive', 'analyst', 'supervisor', 'bi', 'ingest', 'admin'`;

/**
 * The SUPERVISOR role: the role check of api_keys and users admits 'supervisor'. SQLite changes a check only
 * by rebuilding the table: each new table is filled with the rows (ids kept), the old one dropped and the new
 * one renamed. Sessions reference users, so this must run with foreign keys off (migrateSchema does so), or
 * dropping the old users table would cascade-delete every session: it refuses to run otherwise.
 */
export class Migration20261207090000 extends Migration {
  override async up(): Promise<void> {
    const [pragma] = await this.execute('pragma foreign_keys');
    if (Number((pragma as { foreign_keys?: unknown } | undefined)?.foreign_keys) !== 0) {
      throw new Error('this migration rebuilds users and must run with foreign keys off: run `cx migrate`');
    }
    this.addSql(
      `create table \`api_keys__supervisor\` (\`id\` integer not null primary key autoincrement, \`name\` text not null, \`role\` text check (\`role\` in (${ROLES})) not null, \`token_hash\` text not null, \`token_start\` text not null, \`created_at\` datetime not null, \`revoked_at\` datetime null);`,
    );
    this.addSql(
      `insert into \`api_keys__supervisor\` (\`id\`, \`name\`, \`role\`, \`token_hash\`, \`token_start\`, \`created_at\`, \`revoked_at\`) select \`id\`, \`name\`, \`role\`, \`token_hash\`, \`token_start\`, \`created_at\`, \`revoked_at\` from \`api_keys\`;`,
    );
    this.addSql(`drop table \`api_keys\`;`);
    this.addSql(`alter table \`api_keys__supervisor\` rename to \`api_keys\`;`);
    this.addSql(`create unique index \`api_keys_token_hash_unique\` on \`api_keys\` (\`token_hash\`);`);
    this.addSql(
      `create table \`users__supervisor\` (\`id\` integer not null primary key autoincrement, \`email\` text not null, \`name\` text not null, \`role\` text check (\`role\` in (${ROLES})) not null, \`password_hash\` text not null, \`created_at\` datetime not null, \`disabled_at\` datetime null);`,
    );
    this.addSql(
      `insert into \`users__supervisor\` (\`id\`, \`email\`, \`name\`, \`role\`, \`password_hash\`, \`created_at\`, \`disabled_at\`) select \`id\`, \`email\`, \`name\`, \`role\`, \`password_hash\`, \`created_at\`, \`disabled_at\` from \`users\`;`,
    );
    this.addSql(`drop table \`users\`;`);
    this.addSql(`alter table \`users__supervisor\` rename to \`users\`;`);
    this.addSql(`create unique index \`users_email_unique\` on \`users\` (\`email\`);`);
  }
}
