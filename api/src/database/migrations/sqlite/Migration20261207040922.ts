import { Migration } from '@mikro-orm/migrations';

export class Migration20261207040922 extends Migration {
  override async up(): Promise<void> {
    // Null on a database built before fingerprints: the next start rebuilds its rollups once.
    this.addSql(`alter table \`rollup_state\` add column \`fingerprint\` text null;`);
  }
}
