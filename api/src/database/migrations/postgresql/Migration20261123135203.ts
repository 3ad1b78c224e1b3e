import { Migration } from '@mikro-orm/migrations';

export class Migration20261123135203 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "customer_risk" ("id" serial primary key, "customer_id" int not null, "score" int not null, "previous_score" int null, "drivers" text not null, "scored_at" timestamptz not null, "model_version" text not null);`,
    );
    this.addSql(
      `alter table "customer_risk" add constraint "customer_risk_customer_id_unique" unique ("customer_id");`,
    );
    this.addSql(`create index "customer_risk_score_id_index" on "customer_risk" ("score", "id");`);

    this.addSql(
      `create table "risk_models" ("id" serial primary key, "version" text not null, "trained_at" timestamptz not null, "snapshot_at" timestamptz not null, "outcome_days" int not null, "penalty" double precision not null, "intercept" double precision not null, "features" text not null, "training_customers" int not null, "training_churners" int not null, "held_out_customers" int not null, "held_out_churners" int not null, "auc" double precision null, "calibration" text not null);`,
    );

    this.addSql(
      `alter table "customer_risk" add constraint "customer_risk_customer_id_foreign" foreign key ("customer_id") references "customers" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_risk" cascade;`);

    this.addSql(`drop table if exists "risk_models" cascade;`);
  }
}
