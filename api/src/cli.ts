#!/usr/bin/env node
import 'reflect-metadata';
import { setFlagsFromString } from 'node:v8';
import { Command, CommanderError } from 'commander';
import { ConfigError } from './config.js';
import { registerKeysCommand } from './modules/auth/keys.command.js';
import { registerUsersCommand } from './modules/auth/users.command.js';
import { registerImportCommand } from './modules/ingest/import.command.js';
import { registerMigrateCommand } from './cli/migrate.command.js';
import { registerSchemaCommand } from './graphql/schema.command.js';
import { registerRiskCommand } from './modules/risk/risk.command.js';
import { registerRollupsCommand } from './modules/metrics/rollups/rollups.command.js';
import { registerSeedCommand } from './seed/seed.command.js';
import { registerServeCommand } from './server/serve.command.js';
import { registerStartCommand } from './cli/start.command.js';
import { registerWebhooksCommand } from './modules/webhooks/webhooks.command.js';
import { CliError } from './cli/cli-error.js';

// V8 sizes the heap to the machine (up to 4 GB here) and, given that room, lets garbage pile up to three or four
// times what is live before a full collection: a 1M-contact import peaked near 600 MB with about 100 MB live.
// Growing the heap by half of what survives each collection keeps it near the live set at the same speed
// (docs/operations.md#memory). It is not a cap: a larger live set still fits. Every thread of the process follows it.
setFlagsFromString('--heap-growing-percent=50');

// `pnpm cx … | head` closes the pipe early: that is the reader's choice, not a failure worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

const program = new Command('cx')
  .description('CX Pulse: customer-experience analytics over surveys, contacts and self-service.')
  .showHelpAfterError()
  .exitOverride();

for (const register of [
  registerStartCommand,
  registerServeCommand,
  registerImportCommand,
  registerSeedCommand,
  registerMigrateCommand,
  registerSchemaCommand,
  registerRiskCommand,
  registerRollupsCommand,
  registerKeysCommand,
  registerUsersCommand,
  registerWebhooksCommand,
]) {
  register(program);
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  if (error instanceof ConfigError || error instanceof CliError) {
    console.error(`error: ${error.message}`);
    process.exit(error instanceof CliError ? error.exitCode : 1);
  }
  throw error;
}
