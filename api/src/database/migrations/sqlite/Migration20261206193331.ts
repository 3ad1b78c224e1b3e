import { Migration } from '@mikro-orm/migrations';

export class Migration20261206193331 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`rollup_customer_mix_days\` (\`customer_id\` integer not null, \`day\` datetime not null, \`generation\` text null, \`region\` text null, \`tier\` text null, \`sessions\` bigint not null default 0, \`contacts\` bigint not null default 0, \`previous_day\` datetime null, \`previous_session_day\` datetime null, primary key (\`customer_id\`, \`day\`));`,
    );
    this.addSql(
      `create index \`rollup_customer_mix_days_day_generation_previous_day_sessions_previous_session_day_index\` on \`rollup_customer_mix_days\` (\`day\`, \`generation\`, \`previous_day\`, \`sessions\`, \`previous_session_day\`);`,
    );

    this.addSql(
      `create table \`rollup_escalation_follow_ups\` (\`response_id\` integer not null, \`day\` datetime not null, \`entry\` text not null, \`customer_id\` integer not null, \`generation\` text null, \`region\` text null, \`tier\` text null, \`type\` text not null, \`score\` integer not null, primary key (\`response_id\`, \`day\`, \`entry\`));`,
    );
    this.addSql(
      `create index \`rollup_escalation_follow_ups_day_index\` on \`rollup_escalation_follow_ups\` (\`day\`);`,
    );
    this.addSql(
      `create index \`rollup_escalation_follow_ups_customer_id_index\` on \`rollup_escalation_follow_ups\` (\`customer_id\`);`,
    );

    this.addSql(
      `create table \`rollup_risk_scores\` (\`generation\` text not null, \`region\` text not null, \`tier\` text not null, \`score\` integer not null, \`customers\` bigint not null default 0, primary key (\`generation\`, \`region\`, \`tier\`, \`score\`));`,
    );

    this.addSql(
      `create table \`rollup_wom_customer_days\` (\`customer_id\` integer not null, \`day\` datetime not null, \`generation\` text null, \`region\` text null, \`tier\` text null, \`detractor_responses\` bigint not null default 0, \`social_uses\` bigint not null default 0, primary key (\`customer_id\`, \`day\`));`,
    );
    this.addSql(
      `create index \`rollup_wom_customer_days_day_index\` on \`rollup_wom_customer_days\` (\`day\`);`,
    );

    // Rebuilt with the rollups by the next start (buildRollupsIfMissing) or `pnpm cx rollups rebuild`.
    this.addSql(`delete from \`rollup_state\`;`);
  }
}
