import { Migration } from '@mikro-orm/migrations';

/**
 * data_version.awaited_version: the latest version whose writer waits to see it (every change so far:
 * the background ingest worker's applies are the only changes that will not move it).
 */
export class Migration20261207160000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table \`data_version\` add column \`awaited_version\` integer not null default 0;`);
    this.addSql(`update \`data_version\` set \`awaited_version\` = \`version\`;`);
  }
}
