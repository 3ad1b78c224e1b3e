import { Migration } from '@mikro-orm/migrations';

export class Migration20261207194000 extends Migration {
  override async up(): Promise<void> {
    // Signups and churns per day and generation, and per day and tier: filled with the rollups by the next
    // start (their definitions changed, so buildRollupsIfMissing rebuilds them) or `pnpm cx rollups rebuild`.
    this.addSql(
      `create table \`rollup_customers_generation\` (\`day\` datetime not null, \`generation\` text not null, \`signups\` bigint not null default 0, \`churns\` bigint not null default 0, primary key (\`day\`, \`generation\`));`,
    );
    this.addSql(
      `create table \`rollup_customers_tier\` (\`day\` datetime not null, \`tier\` text not null, \`signups\` bigint not null default 0, \`churns\` bigint not null default 0, primary key (\`day\`, \`tier\`));`,
    );
  }
}
