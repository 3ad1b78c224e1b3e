import { Migration } from '@mikro-orm/migrations';

/**
 * Agents and the agent dimensions: the agents table, survey_responses.contact_id, contacts.approved_by,
 * the agent rollups, and 'agents' among the import kinds. Generated, then trimmed: the SQLite diff also
 * rebuilt every table with an enum column; only import_runs, whose kind check changes, is rebuilt here.
 * The rollups are marked unbuilt so that the next start fills the new ones.
 */
export class Migration20261207035924 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`agents\` (\`id\` integer not null primary key autoincrement, \`external_id\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, \`name\` text null, \`team\` text null, \`hired_on\` datetime null, \`channels\` text null);`,
    );
    this.addSql(`create unique index \`agents_external_id_unique\` on \`agents\` (\`external_id\`);`);
    this.addSql(`create index \`agents_team_index\` on \`agents\` (\`team\`);`);
    this.addSql(`create index \`agents_updated_at_id_index\` on \`agents\` (\`updated_at\`, \`id\`);`);

    this.addSql(
      `create table \`rollup_contacts_agent_queue_channel\` (\`day\` datetime not null, \`agent\` text not null, \`queue\` text not null, \`channel\` text not null, \`contacts\` bigint not null default 0, \`handle_sum\` bigint not null default 0, \`handle_count\` bigint not null default 0, \`wait_sum\` bigint not null default 0, \`wait_count\` bigint not null default 0, \`first_contact_resolved\` bigint not null default 0, \`escalated_contacts\` bigint not null default 0, \`repeated_contacts\` bigint not null default 0, primary key (\`day\`, \`agent\`, \`queue\`, \`channel\`));`,
    );
    this.addSql(
      `create table \`rollup_surveys_agent_queue_channel\` (\`day\` datetime not null, \`agent\` text not null, \`queue\` text not null, \`channel\` text not null, \`responses\` bigint not null default 0, \`nps_responses\` bigint not null default 0, \`promoters\` bigint not null default 0, \`detractors\` bigint not null default 0, \`csat_responses\` bigint not null default 0, \`csat_sum\` bigint not null default 0, \`csat_squares\` bigint not null default 0, \`csat_top2\` bigint not null default 0, \`ces_responses\` bigint not null default 0, \`ces_sum\` bigint not null default 0, primary key (\`day\`, \`agent\`, \`queue\`, \`channel\`));`,
    );

    this.addSql(`alter table \`contacts\` add column \`approved_by\` text null;`);
    this.addSql(
      `create index \`contacts_agent_id_started_at_index\` on \`contacts\` (\`agent_id\`, \`started_at\`);`,
    );
    this.addSql(`alter table \`survey_responses\` add column \`contact_id\` text null;`);
    this.addSql(
      `create index \`survey_responses_contact_id_index\` on \`survey_responses\` (\`contact_id\`);`,
    );

    this.addSql(
      `create table \`import_runs__temp_alter\` (\`id\` integer not null primary key autoincrement, \`kind\` text check (\`kind\` in ('customers', 'surveys', 'contacts', 'selfservice', 'agents')) not null, \`source\` text not null, \`rows_read\` integer not null, \`inserted\` integer not null, \`updated\` integer not null, \`unchanged\` integer not null, \`started_at\` datetime not null, \`finished_at\` datetime not null);`,
    );
    this.addSql(
      `insert into \`import_runs__temp_alter\` select \`id\`, \`kind\`, \`source\`, \`rows_read\`, \`inserted\`, \`updated\`, \`unchanged\`, \`started_at\`, \`finished_at\` from \`import_runs\`;`,
    );
    this.addSql(`drop table \`import_runs\`;`);
    this.addSql(`alter table \`import_runs__temp_alter\` rename to \`import_runs\`;`);

    this.addSql(`delete from \`rollup_state\`;`);
  }
}
