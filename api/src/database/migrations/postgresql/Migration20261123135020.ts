import { Migration } from '@mikro-orm/migrations';

export class Migration20261123135020 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index "customers_updated_at_index";`);

    this.addSql(`create index "customers_updated_at_id_index" on "customers" ("updated_at", "id");`);

    this.addSql(`drop index "contacts_updated_at_index";`);

    this.addSql(`create index "contacts_updated_at_id_index" on "contacts" ("updated_at", "id");`);

    this.addSql(`drop index "self_service_sessions_updated_at_index";`);

    this.addSql(
      `create index "self_service_sessions_updated_at_id_index" on "self_service_sessions" ("updated_at", "id");`,
    );

    this.addSql(`drop index "survey_responses_updated_at_index";`);

    this.addSql(
      `create index "survey_responses_updated_at_id_index" on "survey_responses" ("updated_at", "id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "contacts_updated_at_id_index";`);

    this.addSql(`create index "contacts_updated_at_index" on "contacts" ("updated_at");`);

    this.addSql(`drop index "customers_updated_at_id_index";`);

    this.addSql(`create index "customers_updated_at_index" on "customers" ("updated_at");`);

    this.addSql(`drop index "self_service_sessions_updated_at_id_index";`);

    this.addSql(
      `create index "self_service_sessions_updated_at_index" on "self_service_sessions" ("updated_at");`,
    );

    this.addSql(`drop index "survey_responses_updated_at_id_index";`);

    this.addSql(`create index "survey_responses_updated_at_index" on "survey_responses" ("updated_at");`);
  }
}
