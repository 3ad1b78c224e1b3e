import { Migration } from '@mikro-orm/migrations';

export class Migration20261123105810 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`import_runs\` (\`id\` integer not null primary key autoincrement, \`kind\` text check (\`kind\` in ('customers', 'surveys', 'contacts', 'selfservice')) not null, \`source\` text not null, \`rows_read\` integer not null, \`inserted\` integer not null, \`updated\` integer not null, \`unchanged\` integer not null, \`started_at\` datetime not null, \`finished_at\` datetime not null);`,
    );
  }
}
