import { Migration } from '@mikro-orm/migrations';

export class Migration20261206210632 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index \`rollup_escalation_follow_ups_day_index\`;`);

    this.addSql(
      `create index \`rollup_escalation_follow_ups_day_entry_response_id_type_score_generation_region_tier_index\` on \`rollup_escalation_follow_ups\` (\`day\`, \`entry\`, \`response_id\`, \`type\`, \`score\`, \`generation\`, \`region\`, \`tier\`);`,
    );

    this.addSql(`drop index \`rollup_wom_customer_days_day_index\`;`);

    this.addSql(
      `create index \`rollup_wom_customer_days_day_customer_id_detractor_responses_social_uses_generation_region_tier_index\` on \`rollup_wom_customer_days\` (\`day\`, \`customer_id\`, \`detractor_responses\`, \`social_uses\`, \`generation\`, \`region\`, \`tier\`);`,
    );
  }
}
