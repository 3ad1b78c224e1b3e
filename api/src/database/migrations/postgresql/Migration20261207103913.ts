import { Migration } from '@mikro-orm/migrations';

/** Vendor imports match customers by e-mail whatever its case (`lower(email) in (…)`): an index on that. */
export class Migration20261207103913 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index customers_email_lower_index on customers (lower(email));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "customers_email_lower_index";`);
  }
}
