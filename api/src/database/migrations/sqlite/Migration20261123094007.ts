import { Migration } from '@mikro-orm/migrations';

export class Migration20261123094007 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`customers\` (\`id\` integer not null primary key autoincrement, \`external_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text null, \`email\` text null, \`birth_year\` integer not null, \`generation\` text check (\`generation\` in ('silent', 'boomer', 'gen_x', 'millennial', 'gen_z')) not null, \`region\` text null, \`tier\` text check (\`tier\` in ('standard', 'vip')) null, \`lifetime_value\` double null, \`signup_date\` datetime not null, \`churned_at\` datetime null);`,
    );
    this.addSql(`create unique index \`customers_external_id_unique\` on \`customers\` (\`external_id\`);`);
    this.addSql(`create index \`customers_updated_at_index\` on \`customers\` (\`updated_at\`);`);
    this.addSql(`create index \`customers_generation_index\` on \`customers\` (\`generation\`);`);
    this.addSql(`create index \`customers_region_index\` on \`customers\` (\`region\`);`);
    this.addSql(`create index \`customers_churned_at_index\` on \`customers\` (\`churned_at\`);`);

    this.addSql(
      `create table \`contacts\` (\`id\` integer not null primary key autoincrement, \`external_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`customer_id\` integer not null, \`channel\` text check (\`channel\` in ('phone', 'chat', 'email', 'social', 'video', 'in_person')) not null, \`reason\` text null, \`queue\` text null, \`agent_id\` text null, \`started_at\` datetime not null, \`wait_seconds\` integer null, \`handle_seconds\` integer null, \`transfers\` integer null, \`resolved\` integer null, \`first_contact_resolution\` integer null, \`escalated\` integer null, \`self_service_session_id\` text null, \`out_of_policy\` integer null, \`peer_approved\` integer null, \`apology\` integer null, \`recompense_type\` text null, \`recompense_value\` double null, constraint \`contacts_customer_id_foreign\` foreign key(\`customer_id\`) references \`customers\`(\`id\`) on delete cascade on update cascade);`,
    );
    this.addSql(`create unique index \`contacts_external_id_unique\` on \`contacts\` (\`external_id\`);`);
    this.addSql(`create index \`contacts_updated_at_index\` on \`contacts\` (\`updated_at\`);`);
    this.addSql(`create index \`contacts_customer_id_index\` on \`contacts\` (\`customer_id\`);`);
    this.addSql(
      `create index \`contacts_self_service_session_id_index\` on \`contacts\` (\`self_service_session_id\`);`,
    );
    this.addSql(
      `create index \`contacts_started_at_channel_index\` on \`contacts\` (\`started_at\`, \`channel\`);`,
    );
    this.addSql(
      `create index \`contacts_customer_id_started_at_index\` on \`contacts\` (\`customer_id\`, \`started_at\`);`,
    );

    this.addSql(
      `create table \`self_service_sessions\` (\`id\` integer not null primary key autoincrement, \`external_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`customer_id\` integer not null, \`entry\` text check (\`entry\` in ('faq', 'knowledge_base', 'chatbot', 'ivr', 'community')) not null, \`started_at\` datetime not null, \`steps\` integer null, \`outcome\` text check (\`outcome\` in ('resolved', 'abandoned', 'escalated')) not null, \`escalated_contact_id\` text null, constraint \`self_service_sessions_customer_id_foreign\` foreign key(\`customer_id\`) references \`customers\`(\`id\`) on delete cascade on update cascade);`,
    );
    this.addSql(
      `create unique index \`self_service_sessions_external_id_unique\` on \`self_service_sessions\` (\`external_id\`);`,
    );
    this.addSql(
      `create index \`self_service_sessions_updated_at_index\` on \`self_service_sessions\` (\`updated_at\`);`,
    );
    this.addSql(
      `create index \`self_service_sessions_customer_id_index\` on \`self_service_sessions\` (\`customer_id\`);`,
    );
    this.addSql(
      `create index \`self_service_sessions_started_at_entry_index\` on \`self_service_sessions\` (\`started_at\`, \`entry\`);`,
    );
    this.addSql(
      `create index \`self_service_sessions_customer_id_started_at_index\` on \`self_service_sessions\` (\`customer_id\`, \`started_at\`);`,
    );

    this.addSql(
      `create table \`survey_responses\` (\`id\` integer not null primary key autoincrement, \`external_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`customer_id\` integer not null, \`type\` text check (\`type\` in ('nps', 'csat', 'ces')) not null, \`score\` integer not null, \`comment\` text null, \`channel\` text check (\`channel\` in ('phone', 'chat', 'email', 'social', 'video', 'in_person')) null, \`touchpoint\` text null, \`responded_at\` datetime not null, constraint \`survey_responses_customer_id_foreign\` foreign key(\`customer_id\`) references \`customers\`(\`id\`) on delete cascade on update cascade);`,
    );
    this.addSql(
      `create unique index \`survey_responses_external_id_unique\` on \`survey_responses\` (\`external_id\`);`,
    );
    this.addSql(
      `create index \`survey_responses_updated_at_index\` on \`survey_responses\` (\`updated_at\`);`,
    );
    this.addSql(
      `create index \`survey_responses_customer_id_index\` on \`survey_responses\` (\`customer_id\`);`,
    );
    this.addSql(
      `create index \`survey_responses_responded_at_type_index\` on \`survey_responses\` (\`responded_at\`, \`type\`);`,
    );
    this.addSql(
      `create index \`survey_responses_customer_id_responded_at_index\` on \`survey_responses\` (\`customer_id\`, \`responded_at\`);`,
    );
  }
}
