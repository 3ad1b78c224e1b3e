import { Migration } from '@mikro-orm/migrations';

/**
 * birth_year and generation may be null (a CRM or helpdesk export without a birth year: generation
 * unknown). SQLite drops NOT NULL only by rebuilding the table: the new customers table is filled with
 * the rows (ids kept), the old one dropped and the new one renamed. Every fact table references
 * customers, so this must run with foreign keys off (migrateSchema does so), or dropping the old table
 * would cascade-delete them: it refuses to run otherwise.
 */
export class Migration20261207042500 extends Migration {
  override async up(): Promise<void> {
    const [pragma] = await this.execute('pragma foreign_keys');
    if (Number((pragma as { foreign_keys?: unknown } | undefined)?.foreign_keys) !== 0) {
      throw new Error(
        'this migration rebuilds customers and must run with foreign keys off: run `cx migrate`',
      );
    }
    this.addSql(
      `create table \`customers__nullable_birth_year\` (\`id\` integer not null primary key autoincrement, \`external_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text null, \`email\` text null, \`birth_year\` integer null, \`generation\` text check (\`generation\` in ('silent', 'boomer', 'gen_x', 'millennial', 'gen_z')) null, \`region\` text null, \`tier\` text check (\`tier\` in ('standard', 'vip')) null, \`lifetime_value\` double null, \`signup_date\` datetime not null, \`churned_at\` datetime null);`,
    );
    this.addSql(
      `insert into \`customers__nullable_birth_year\` (\`id\`, \`external_id\`, \`created_at\`, \`updated_at\`, \`name\`, \`email\`, \`birth_year\`, \`generation\`, \`region\`, \`tier\`, \`lifetime_value\`, \`signup_date\`, \`churned_at\`) select \`id\`, \`external_id\`, \`created_at\`, \`updated_at\`, \`name\`, \`email\`, \`birth_year\`, \`generation\`, \`region\`, \`tier\`, \`lifetime_value\`, \`signup_date\`, \`churned_at\` from \`customers\`;`,
    );
    this.addSql(`drop table \`customers\`;`);
    this.addSql(`alter table \`customers__nullable_birth_year\` rename to \`customers\`;`);
    this.addSql(`create unique index \`customers_external_id_unique\` on \`customers\` (\`external_id\`);`);
    this.addSql(`create index \`customers_generation_index\` on \`customers\` (\`generation\`);`);
    this.addSql(`create index \`customers_region_index\` on \`customers\` (\`region\`);`);
    this.addSql(`create index \`customers_churned_at_index\` on \`customers\` (\`churned_at\`);`);
    this.addSql(`create index \`customers_updated_at_id_index\` on \`customers\` (\`updated_at\`, \`id\`);`);
  }
}
