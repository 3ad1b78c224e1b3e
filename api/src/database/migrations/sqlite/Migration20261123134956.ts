import { Migration } from '@mikro-orm/migrations';

export class Migration20261123134956 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`alerts\` (\`id\` integer not null primary key autoincrement, \`rule\` text check (\`rule\` in ('vip_detractor', 'backfired_self_service', 'repeat_contacts', 'risk_jump', 'long_wait')) not null, \`trigger_key\` text not null, \`customer_id\` integer not null, \`tier\` text check (\`tier\` in ('standard', 'vip')) not null, \`status\` text check (\`status\` in ('open', 'acknowledged', 'customer_contacted', 'resolved')) not null default 'open', \`value\` integer not null, \`triggered_at\` datetime not null, \`opened_at\` datetime not null, \`due_at\` datetime not null, \`owner\` text null, \`acknowledged_at\` datetime null, \`customer_contacted_at\` datetime null, \`resolved_at\` datetime null, constraint \`alerts_customer_id_foreign\` foreign key(\`customer_id\`) references \`customers\`(\`id\`) on delete cascade on update cascade);`,
    );
    this.addSql(`create index \`alerts_customer_id_index\` on \`alerts\` (\`customer_id\`);`);
    this.addSql(`create index \`alerts_opened_at_index\` on \`alerts\` (\`opened_at\`);`);
    this.addSql(
      `create index \`alerts_customer_id_opened_at_index\` on \`alerts\` (\`customer_id\`, \`opened_at\`);`,
    );
    this.addSql(`create index \`alerts_status_due_at_index\` on \`alerts\` (\`status\`, \`due_at\`);`);
    this.addSql(
      `create unique index \`alerts_rule_trigger_key_unique\` on \`alerts\` (\`rule\`, \`trigger_key\`);`,
    );

    this.addSql(
      `create table \`alert_events\` (\`id\` integer not null primary key autoincrement, \`alert_id\` integer not null, \`at\` datetime not null, \`action\` text check (\`action\` in ('opened', 'acknowledged', 'assigned', 'customer_contacted', 'resolved', 'note_added')) not null, \`status\` text check (\`status\` in ('open', 'acknowledged', 'customer_contacted', 'resolved')) not null, \`text\` text null, \`actor_name\` text not null, \`actor_kind\` text check (\`actor_kind\` in ('user', 'api_key', 'system')) not null, constraint \`alert_events_alert_id_foreign\` foreign key(\`alert_id\`) references \`alerts\`(\`id\`) on delete cascade on update cascade);`,
    );
    this.addSql(`create index \`alert_events_alert_id_index\` on \`alert_events\` (\`alert_id\`);`);
    this.addSql(
      `create index \`alert_events_alert_id_at_index\` on \`alert_events\` (\`alert_id\`, \`at\`);`,
    );

    this.addSql(
      `create table \`live_agent_preferences\` (\`id\` integer not null primary key autoincrement, \`customer_id\` integer not null, \`reason\` text not null, \`source\` text check (\`source\` in ('agent_note', 'automatic')) not null, \`since\` datetime not null, constraint \`live_agent_preferences_customer_id_foreign\` foreign key(\`customer_id\`) references \`customers\`(\`id\`) on delete cascade on update cascade);`,
    );
    this.addSql(
      `create unique index \`live_agent_preferences_customer_id_unique\` on \`live_agent_preferences\` (\`customer_id\`);`,
    );
  }
}
