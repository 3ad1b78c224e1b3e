import { Migration } from '@mikro-orm/migrations';

/** The agent views' daily sums (rollup_agent_days), filled by the rollup build that follows the migration. */
export class Migration20261207102742 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`rollup_agent_days\` (\`day\` datetime not null, \`agent\` text not null, \`queue\` text not null, \`channel\` text not null, \`after_self_service\` integer not null, \`out_of_policy\` integer not null, \`recovery\` integer not null, \`contacts\` bigint not null default 0, \`handle_sum\` bigint not null default 0, \`handle_count\` bigint not null default 0, \`wait_sum\` bigint not null default 0, \`wait_count\` bigint not null default 0, \`first_contact_resolved\` bigint not null default 0, \`escalated_contacts\` bigint not null default 0, \`repeated_contacts\` bigint not null default 0, \`resolved\` bigint not null default 0, \`churned\` bigint not null default 0, \`apologies\` bigint not null default 0, \`recompense_cents\` bigint not null default 0, \`recompensed\` bigint not null default 0, \`peer_approved\` bigint not null default 0, \`about_nps_responses\` bigint not null default 0, \`about_promoters\` bigint not null default 0, \`about_detractors\` bigint not null default 0, \`about_csat_responses\` bigint not null default 0, \`about_csat_sum\` bigint not null default 0, \`recovery_nps_responses\` bigint not null default 0, \`recovery_promoters\` bigint not null default 0, \`recovery_detractors\` bigint not null default 0, primary key (\`day\`, \`agent\`, \`queue\`, \`channel\`, \`after_self_service\`, \`out_of_policy\`, \`recovery\`));`,
    );
  }
}
