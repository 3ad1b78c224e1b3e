import { Migration } from '@mikro-orm/migrations';

/**
 * 'agents' among the kinds of ingest_batches, as among those of import_runs: the two were added side by
 * side, and ingest_batches was created with the four kinds before agents. SQLite changes a check only by
 * rebuilding the table (nothing references it).
 */
export class Migration20261207055015 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`ingest_batches__temp_alter\` (\`id\` integer not null primary key autoincrement, \`kind\` text check (\`kind\` in ('customers', 'surveys', 'contacts', 'selfservice', 'agents')) not null, \`source\` text not null, \`rows\` text not null, \`row_count\` integer not null, \`received_at\` datetime not null, \`applied_at\` datetime null, \`problems\` text null);`,
    );
    this.addSql(
      `insert into \`ingest_batches__temp_alter\` select \`id\`, \`kind\`, \`source\`, \`rows\`, \`row_count\`, \`received_at\`, \`applied_at\`, \`problems\` from \`ingest_batches\`;`,
    );
    this.addSql(`drop table \`ingest_batches\`;`);
    this.addSql(`alter table \`ingest_batches__temp_alter\` rename to \`ingest_batches\`;`);
    this.addSql(
      `create index \`ingest_batches_applied_at_id_index\` on \`ingest_batches\` (\`applied_at\`, \`id\`);`,
    );
  }
}
