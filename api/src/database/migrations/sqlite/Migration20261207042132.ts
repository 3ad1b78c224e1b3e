import { Migration } from '@mikro-orm/migrations';

/** Reviews of out-of-policy exceptions. Generated, then trimmed of the SQLite diff's table rebuilds. */
export class Migration20261207042132 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`exception_reviews\` (\`id\` integer not null primary key autoincrement, \`contact_id\` integer not null, \`status\` text check (\`status\` in ('pending', 'upheld', 'corrected')) not null, \`note\` text not null, \`reviewed_at\` datetime not null, \`reviewer_name\` text not null, \`reviewer_kind\` text check (\`reviewer_kind\` in ('user', 'api_key', 'system')) not null, constraint \`exception_reviews_contact_id_foreign\` foreign key(\`contact_id\`) references \`contacts\`(\`id\`) on delete cascade on update cascade);`,
    );
    this.addSql(
      `create index \`exception_reviews_contact_id_index\` on \`exception_reviews\` (\`contact_id\`);`,
    );
    this.addSql(
      `create index \`exception_reviews_reviewed_at_index\` on \`exception_reviews\` (\`reviewed_at\`);`,
    );
    this.addSql(
      `create unique index \`exception_reviews_contact_id_unique\` on \`exception_reviews\` (\`contact_id\`);`,
    );
  }
}
