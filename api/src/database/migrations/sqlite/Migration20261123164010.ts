import { Migration } from '@mikro-orm/migrations';

export class Migration20261123164010 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`webhook_deliveries\` (\`id\` integer not null primary key autoincrement, \`endpoint\` text not null, \`event_id\` integer not null, \`status\` text check (\`status\` in ('pending', 'delivered', 'failed')) not null default 'pending', \`attempts\` integer not null default 0, \`next_attempt_at\` datetime not null, \`claimed_until\` datetime null, \`claimed_by\` text null, \`last_attempt_at\` datetime null, \`last_status_code\` integer null, \`last_error\` text null, \`delivered_at\` datetime null, \`created_at\` datetime not null, constraint \`webhook_deliveries_event_id_foreign\` foreign key(\`event_id\`) references \`alert_events\`(\`id\`) on delete cascade on update cascade);`,
    );
    this.addSql(
      `create index \`webhook_deliveries_event_id_index\` on \`webhook_deliveries\` (\`event_id\`);`,
    );
    this.addSql(
      `create index \`webhook_deliveries_status_next_attempt_at_index\` on \`webhook_deliveries\` (\`status\`, \`next_attempt_at\`);`,
    );
    this.addSql(
      `create unique index \`webhook_deliveries_endpoint_event_id_unique\` on \`webhook_deliveries\` (\`endpoint\`, \`event_id\`);`,
    );

    this.addSql(
      `create table \`webhook_endpoints\` (\`name\` text not null, \`configured_at\` datetime not null, primary key (\`name\`));`,
    );

    this.addSql(`create index \`alert_events_at_index\` on \`alert_events\` (\`at\`);`);
  }
}
