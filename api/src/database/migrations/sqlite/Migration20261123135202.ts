import { Migration } from '@mikro-orm/migrations';

export class Migration20261123135202 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`customer_risk\` (\`id\` integer not null primary key autoincrement, \`customer_id\` integer not null, \`score\` integer not null, \`previous_score\` integer null, \`drivers\` text not null, \`scored_at\` datetime not null, \`model_version\` text not null, constraint \`customer_risk_customer_id_foreign\` foreign key(\`customer_id\`) references \`customers\`(\`id\`) on delete cascade on update cascade);`,
    );
    this.addSql(
      `create unique index \`customer_risk_customer_id_unique\` on \`customer_risk\` (\`customer_id\`);`,
    );
    this.addSql(`create index \`customer_risk_score_id_index\` on \`customer_risk\` (\`score\`, \`id\`);`);

    this.addSql(
      `create table \`risk_models\` (\`id\` integer not null primary key autoincrement, \`version\` text not null, \`trained_at\` datetime not null, \`snapshot_at\` datetime not null, \`outcome_days\` integer not null, \`penalty\` double not null, \`intercept\` double not null, \`features\` text not null, \`training_customers\` integer not null, \`training_churners\` integer not null, \`held_out_customers\` integer not null, \`held_out_churners\` integer not null, \`auc\` double null, \`calibration\` text not null);`,
    );
  }
}
