import { Migration } from '@mikro-orm/migrations';

export class Migration20261207041221 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`ingest_batches\` (\`id\` integer not null primary key autoincrement, \`kind\` text check (\`kind\` in ('customers', 'surveys', 'contacts', 'selfservice', 'agents')) not null, \`source\` text not null, \`rows\` text not null, \`row_count\` integer not null, \`received_at\` datetime not null, \`applied_at\` datetime null, \`problems\` text null);`,
    );
    this.addSql(
      `create index \`ingest_batches_applied_at_id_index\` on \`ingest_batches\` (\`applied_at\`, \`id\`);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists \`ingest_batches\`;`);
  }
}
