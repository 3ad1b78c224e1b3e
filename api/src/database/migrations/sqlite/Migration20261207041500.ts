import { Migration } from '@mikro-orm/migrations';

/**
 * The SLA clock of an alert runs from its event (triggered_at), not from the import that raised it
 * (opened_at): alerts raised before this change keep their SLA length, counted from the event.
 */
export class Migration20261207041500 extends Migration {
  override async up(): Promise<void> {
    this.addSql('update `alerts` set `due_at` = `triggered_at` + (`due_at` - `opened_at`);');
  }
}
