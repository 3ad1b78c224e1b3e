import { Migration } from '@mikro-orm/migrations';

/**
 * The ingest worker records how far it has applied the queue (ingest_progress) instead of marking each
 * batch: the queue can then live outside the database that holds the facts (on SQLite, a file of its
 * own). Every batch below the oldest waiting one was applied or set aside; the applied ones are deleted
 * and the set-aside ones keep their problems in ingest_set_aside.
 */
export class Migration20261207140000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table \`ingest_progress\` (\`id\` integer not null, \`applied_through\` integer not null, \`last_applied_at\` datetime null, primary key (\`id\`));`,
    );
    this.addSql(
      `create table \`ingest_set_aside\` (\`batch_id\` integer not null, \`problems\` text not null, \`set_aside_at\` datetime not null, primary key (\`batch_id\`));`,
    );
    this.addSql(
      `insert into \`ingest_progress\` (\`id\`, \`applied_through\`, \`last_applied_at\`)
       select 1,
              coalesce((select min(\`id\`) - 1 from \`ingest_batches\` where \`applied_at\` is null),
                       (select max(\`id\`) from \`ingest_batches\`), 0),
              (select max(\`applied_at\`) from \`ingest_batches\`);`,
    );
    this.addSql(
      `insert into \`ingest_set_aside\` (\`batch_id\`, \`problems\`, \`set_aside_at\`)
       select \`id\`, \`problems\`, \`applied_at\` from \`ingest_batches\` where \`problems\` is not null;`,
    );
    this.addSql(`delete from \`ingest_batches\` where \`applied_at\` is not null;`);
    this.addSql(`drop index \`ingest_batches_applied_at_id_index\`;`);
    this.addSql(`alter table \`ingest_batches\` drop column \`applied_at\`;`);
    this.addSql(`alter table \`ingest_batches\` drop column \`problems\`;`);
  }
}
