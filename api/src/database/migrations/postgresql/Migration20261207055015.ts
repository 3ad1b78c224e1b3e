import { Migration } from '@mikro-orm/migrations';

/**
 * 'agents' among the kinds of ingest_batches, as among those of import_runs: the two were added side by
 * side, and ingest_batches was created with the four kinds before agents.
 */
export class Migration20261207055015 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "ingest_batches" drop constraint if exists "ingest_batches_kind_check";`);
    this.addSql(
      `alter table "ingest_batches" add constraint "ingest_batches_kind_check" check("kind" in ('customers', 'surveys', 'contacts', 'selfservice', 'agents'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "ingest_batches" drop constraint if exists "ingest_batches_kind_check";`);
    this.addSql(
      `alter table "ingest_batches" add constraint "ingest_batches_kind_check" check("kind" in ('customers', 'surveys', 'contacts', 'selfservice'));`,
    );
  }
}
