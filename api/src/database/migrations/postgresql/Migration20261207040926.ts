import { Migration } from '@mikro-orm/migrations';

export class Migration20261207040926 extends Migration {
  override async up(): Promise<void> {
    // Null on a database built before fingerprints: the next start rebuilds its rollups once.
    this.addSql(`alter table "rollup_state" add column "fingerprint" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "rollup_state" drop column "fingerprint";`);
  }
}
