import { Migration } from '@mikro-orm/migrations';

export class Migration20261207043000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index survey_responses_detractor_comments_index on survey_responses (responded_at, id) where type = 'nps' and score <= 6 and comment is not null and comment <> '';`,
    );
  }
}
