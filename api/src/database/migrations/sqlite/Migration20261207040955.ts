import { Migration } from '@mikro-orm/migrations';

export class Migration20261207040955 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`risk_snapshots\` (\`day\` datetime not null, \`as_of\` datetime not null, \`scored_customers\` integer not null, \`expected_loss\` double not null, \`at_risk_customers\` integer not null, \`at_risk_value\` double not null, \`threshold\` integer not null, primary key (\`day\`));`,
    );

    this.addSql(`alter table \`risk_models\` add column \`snapshots\` integer not null default 1;`);
    this.addSql(`alter table \`risk_models\` add column \`auc_lower\` double null;`);
    this.addSql(`alter table \`risk_models\` add column \`auc_upper\` double null;`);
    this.addSql(`alter table \`risk_models\` add column \`nps_baseline_auc\` double null;`);
    this.addSql(`alter table \`risk_models\` add column \`contacts_baseline_auc\` double null;`);
    this.addSql(`alter table \`risk_models\` add column \`top_decile_share\` double null;`);
    this.addSql(`alter table \`risk_models\` add column \`brier_score\` double null;`);

    this.addSql(`alter table \`rollup_risk_scores\` add column \`value_cents\` bigint not null default 0;`);

    // The churn-risk counts gain the customers' lifetime value: rebuilt with the rollups by the next start
    // (buildRollupsIfMissing) or `pnpm cx rollups rebuild`.
    this.addSql(`delete from \`rollup_state\`;`);
  }
}
