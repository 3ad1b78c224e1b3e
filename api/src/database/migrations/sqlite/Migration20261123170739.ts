import { Migration } from '@mikro-orm/migrations';

export class Migration20261123170739 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`rollup_contacts_channel_generation\` (\`day\` datetime not null, \`channel\` text not null, \`generation\` text not null, \`contacts\` bigint not null default 0, \`handle_sum\` bigint not null default 0, \`handle_count\` bigint not null default 0, \`wait_sum\` bigint not null default 0, \`wait_count\` bigint not null default 0, \`first_contact_resolved\` bigint not null default 0, \`escalated_contacts\` bigint not null default 0, \`repeated_contacts\` bigint not null default 0, primary key (\`day\`, \`channel\`, \`generation\`));`,
    );
    this.addSql(
      `create table \`rollup_contacts_channel_generation_tier\` (\`day\` datetime not null, \`channel\` text not null, \`generation\` text not null, \`tier\` text not null, \`contacts\` bigint not null default 0, \`handle_sum\` bigint not null default 0, \`handle_count\` bigint not null default 0, \`wait_sum\` bigint not null default 0, \`wait_count\` bigint not null default 0, \`first_contact_resolved\` bigint not null default 0, \`escalated_contacts\` bigint not null default 0, \`repeated_contacts\` bigint not null default 0, primary key (\`day\`, \`channel\`, \`generation\`, \`tier\`));`,
    );
    this.addSql(
      `create table \`rollup_contacts_channel_region\` (\`day\` datetime not null, \`channel\` text not null, \`region\` text not null, \`contacts\` bigint not null default 0, \`handle_sum\` bigint not null default 0, \`handle_count\` bigint not null default 0, \`wait_sum\` bigint not null default 0, \`wait_count\` bigint not null default 0, \`first_contact_resolved\` bigint not null default 0, \`escalated_contacts\` bigint not null default 0, \`repeated_contacts\` bigint not null default 0, primary key (\`day\`, \`channel\`, \`region\`));`,
    );
    this.addSql(
      `create table \`rollup_contacts_reason_channel\` (\`day\` datetime not null, \`reason\` text not null, \`channel\` text not null, \`contacts\` bigint not null default 0, \`handle_sum\` bigint not null default 0, \`handle_count\` bigint not null default 0, \`wait_sum\` bigint not null default 0, \`wait_count\` bigint not null default 0, \`first_contact_resolved\` bigint not null default 0, \`escalated_contacts\` bigint not null default 0, \`repeated_contacts\` bigint not null default 0, primary key (\`day\`, \`reason\`, \`channel\`));`,
    );
    this.addSql(
      `create table \`rollup_customers_generation_region_tier\` (\`day\` datetime not null, \`generation\` text not null, \`region\` text not null, \`tier\` text not null, \`signups\` bigint not null default 0, \`churns\` bigint not null default 0, primary key (\`day\`, \`generation\`, \`region\`, \`tier\`));`,
    );
    this.addSql(
      `create table \`rollup_sessions_entry_generation_tier\` (\`day\` datetime not null, \`entry\` text not null, \`generation\` text not null, \`tier\` text not null, \`sessions\` bigint not null default 0, \`engaged_sessions\` bigint not null default 0, \`resolved_sessions\` bigint not null default 0, \`abandoned_sessions\` bigint not null default 0, \`escalated_sessions\` bigint not null default 0, \`truly_deflected_sessions\` bigint not null default 0, \`escalation_resolved_sessions\` bigint not null default 0, \`backfired_sessions\` bigint not null default 0, primary key (\`day\`, \`entry\`, \`generation\`, \`tier\`));`,
    );
    this.addSql(
      `create table \`rollup_sessions_entry_region\` (\`day\` datetime not null, \`entry\` text not null, \`region\` text not null, \`sessions\` bigint not null default 0, \`engaged_sessions\` bigint not null default 0, \`resolved_sessions\` bigint not null default 0, \`abandoned_sessions\` bigint not null default 0, \`escalated_sessions\` bigint not null default 0, \`truly_deflected_sessions\` bigint not null default 0, \`escalation_resolved_sessions\` bigint not null default 0, \`backfired_sessions\` bigint not null default 0, primary key (\`day\`, \`entry\`, \`region\`));`,
    );
    this.addSql(
      `create table \`rollup_surveys_channel_generation\` (\`day\` datetime not null, \`channel\` text not null, \`generation\` text not null, \`responses\` bigint not null default 0, \`nps_responses\` bigint not null default 0, \`promoters\` bigint not null default 0, \`detractors\` bigint not null default 0, \`csat_responses\` bigint not null default 0, \`csat_sum\` bigint not null default 0, \`csat_squares\` bigint not null default 0, \`csat_top2\` bigint not null default 0, \`ces_responses\` bigint not null default 0, \`ces_sum\` bigint not null default 0, primary key (\`day\`, \`channel\`, \`generation\`));`,
    );
    this.addSql(
      `create table \`rollup_surveys_channel_generation_tier\` (\`day\` datetime not null, \`channel\` text not null, \`generation\` text not null, \`tier\` text not null, \`responses\` bigint not null default 0, \`nps_responses\` bigint not null default 0, \`promoters\` bigint not null default 0, \`detractors\` bigint not null default 0, \`csat_responses\` bigint not null default 0, \`csat_sum\` bigint not null default 0, \`csat_squares\` bigint not null default 0, \`csat_top2\` bigint not null default 0, \`ces_responses\` bigint not null default 0, \`ces_sum\` bigint not null default 0, primary key (\`day\`, \`channel\`, \`generation\`, \`tier\`));`,
    );
    this.addSql(
      `create table \`rollup_surveys_channel_region\` (\`day\` datetime not null, \`channel\` text not null, \`region\` text not null, \`responses\` bigint not null default 0, \`nps_responses\` bigint not null default 0, \`promoters\` bigint not null default 0, \`detractors\` bigint not null default 0, \`csat_responses\` bigint not null default 0, \`csat_sum\` bigint not null default 0, \`csat_squares\` bigint not null default 0, \`csat_top2\` bigint not null default 0, \`ces_responses\` bigint not null default 0, \`ces_sum\` bigint not null default 0, primary key (\`day\`, \`channel\`, \`region\`));`,
    );
    this.addSql(
      `create table \`rollup_state\` (\`id\` integer not null default 1, \`built_at\` datetime not null, \`churned_before_signup\` integer not null default 0, primary key (\`id\`));`,
    );
    this.addSql(`alter table \`contacts\` add column \`repeated\` integer not null default false;`);
    this.addSql(
      `alter table \`self_service_sessions\` add column \`truly_deflected\` integer not null default false;`,
    );
    this.addSql(
      `alter table \`self_service_sessions\` add column \`escalation_resolved\` integer not null default false;`,
    );
    this.addSql(
      `alter table \`self_service_sessions\` add column \`backfired\` integer not null default false;`,
    );
  }
}
