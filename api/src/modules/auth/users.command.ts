import { text } from 'node:stream/consumers';
import type { Command } from 'commander';
import { CliError } from '../../cli/cli-error.js';
import { withOrm } from '../../cli/with-orm.js';
import { asCliInput, roleOption, shortTime, table } from './cli-options.js';
import type { Role } from './role.js';
import { randomPassword } from './token.js';
import { UserService } from './user.service.js';

/** `pnpm cx users create|list|disable`: people who log in to the dashboard. */
export function registerUsersCommand(program: Command): void {
  const users = program.command('users').description('Create, list and disable dashboard users.');

  users
    .command('create')
    .description(
      'Create a dashboard user. Without --password-stdin a random password is generated and printed once.',
    )
    .requiredOption('--email <email>', 'login e-mail address')
    .requiredOption('--name <name>', 'display name')
    .addOption(roleOption())
    .option('--password-stdin', 'read the password from standard input (never put it on the command line)')
    .action(async (options: { email: string; name: string; role: Role; passwordStdin?: boolean }) => {
      const password = options.passwordStdin
        ? (await text(process.stdin)).replace(/\r?\n$/, '')
        : randomPassword();
      const user = await withOrm((orm) =>
        asCliInput(() => new UserService(orm.em.fork()).create({ ...options, password })),
      );
      console.log(`Created user ${user.email} (${user.name}) with role ${user.role}.`);
      if (!options.passwordStdin) console.log(`Password (shown this once): ${password}`);
    });

  users
    .command('list')
    .description('List the dashboard users.')
    .action(async () => {
      const list = await withOrm((orm) => new UserService(orm.em.fork()).list());
      const rows = list.map((user) => [
        user.email,
        user.name,
        user.role,
        shortTime(user.createdAt),
        user.disabledAt ? `disabled ${shortTime(user.disabledAt)}` : 'active',
      ]);
      console.log(
        rows.length ? table(['email', 'name', 'role', 'created', 'status'], rows) : 'No users yet.',
      );
    });

  users
    .command('disable')
    .description(
      'Disable a user: their sessions end (within a second in running API processes) and they can no longer log in.',
    )
    .argument('<email>', 'login e-mail address')
    .action(async (email: string) => {
      const user = await withOrm((orm) => new UserService(orm.em.fork()).disable(email));
      if (!user) throw new CliError(`no user has the e-mail ${email}`);
      console.log(`Disabled user ${user.email}.`);
    });
}
