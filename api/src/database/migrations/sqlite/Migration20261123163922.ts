import { Migration } from '@mikro-orm/migrations';

export class Migration20261123163922 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`data_version\` (\`id\` integer not null, \`version\` integer not null, \`changed_at\` datetime not null, primary key (\`id\`));`,
    );
    // The one row the result cache reads; datetimes are epoch milliseconds on SQLite.
    this.addSql(
      `insert into \`data_version\` (\`id\`, \`version\`, \`changed_at\`) values (1, 0, cast(unixepoch('subsec') * 1000 as integer));`,
    );
  }
}
