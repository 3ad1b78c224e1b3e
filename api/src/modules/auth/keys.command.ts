import type { Command } from 'commander';
import { CliError } from '../../cli/cli-error.js';
import { wholeNumber } from '../../cli/options.js';
import { withOrm } from '../../cli/with-orm.js';
import { ApiKeyService } from './api-key.service.js';
import { asCliInput, roleOption, shortTime, table } from './cli-options.js';
import type { Role } from './role.js';

/** `pnpm cx keys create|revoke|list`: API keys for machines. */
export function registerKeysCommand(program: Command): void {
  const keys = program
    .command('keys')
    .description('Create, revoke and list API keys (for BI tools and other systems).');

  keys
    .command('create')
    .description(
      'Create an API key; its token is printed alone on the last line, once, and only its hash is stored.',
    )
    .addOption(roleOption())
    .requiredOption('--name <label>', 'who or what uses the key, e.g. "Tableau" or "contact-center sync"')
    .action(async (options: { role: Role; name: string }) => {
      const { apiKey, token } = await withOrm((orm) =>
        asCliInput(() => new ApiKeyService(orm.em.fork()).create(options.name, options.role)),
      );
      console.log(`Created API key ${apiKey.id} "${apiKey.name}" with role ${apiKey.role}.`);
      console.log('Send it as "Authorization: Bearer <token>". It is shown this once; store it now:');
      console.log(token);
    });

  keys
    .command('revoke')
    .description('Revoke an API key (running API processes refuse it within a second).')
    .argument('<id>', 'the id of the key, as listed by keys list')
    .action(async (id: string) => {
      const keyId = wholeNumber('<id>', id, 0, 1);
      const apiKey = await withOrm((orm) => new ApiKeyService(orm.em.fork()).revoke(keyId));
      if (!apiKey) throw new CliError(`no API key has the id ${keyId}`);
      console.log(`Revoked API key ${apiKey.id} "${apiKey.name}".`);
    });

  keys
    .command('list')
    .description('List the API keys (never their tokens).')
    .action(async () => {
      const list = await withOrm((orm) => new ApiKeyService(orm.em.fork()).list());
      const rows = list.map((key) => [
        String(key.id),
        key.name,
        key.role,
        `${key.tokenStart}…`,
        shortTime(key.createdAt),
        key.revokedAt ? `revoked ${shortTime(key.revokedAt)}` : 'active',
      ]);
      console.log(
        rows.length ? table(['id', 'name', 'role', 'token', 'created', 'status'], rows) : 'No API keys yet.',
      );
    });
}
