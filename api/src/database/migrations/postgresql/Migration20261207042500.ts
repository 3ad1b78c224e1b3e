import { Migration } from '@mikro-orm/migrations';

/** birth_year and generation may be null: a CRM or helpdesk export without a birth year (generation unknown). */
export class Migration20261207042500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "customers" alter column "birth_year" drop not null;`);
    this.addSql(`alter table "customers" alter column "generation" drop not null;`);
  }
}
