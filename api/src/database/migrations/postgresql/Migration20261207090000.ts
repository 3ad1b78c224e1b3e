import { Migration } from '@mikro-orm/migrations';

const OLD_ROLES = `'executive', 'analyst', 'bi', 'ingest', 'admin'`;
const ROLES = `'executive', 'analyst', 'supervisor', 'bi', 'ingest', 'admin'`;

export class Migration20261207090000 extends Migration {
  override async up(): Promise<void> {
    // The SUPERVISOR role: the role check of api_keys and users admits 'supervisor'.
    for (const table of ['api_keys', 'users']) {
      this.addSql(`alter table "${table}" drop constraint if exists "${table}_role_check";`);
      this.addSql(
        `alter table "${table}" add constraint "${table}_role_check" check ("role" in (${ROLES}));`,
      );
    }
  }

  override async down(): Promise<void> {
    for (const table of ['api_keys', 'users']) {
      this.addSql(`alter table "${table}" drop constraint if exists "${table}_role_check";`);
      this.addSql(
        `alter table "${table}" add constraint "${table}_role_check" check ("role" in (${OLD_ROLES}));`,
      );
    }
  }
}
