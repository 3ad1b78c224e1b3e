import { readFile, writeFile } from 'node:fs/promises';
import { relative } from 'node:path';
import type { Command } from 'commander';
import { CliError } from '../cli/cli-error.js';
import { REPO_ROOT } from '../config.js';
import { buildCxSchema, printCxSchema, SCHEMA_FILE } from './schema.js';

/** `pnpm cx schema [--write | --check]`: print, write or verify the checked-in SDL. */
export function registerSchemaCommand(program: Command): void {
  program
    .command('schema')
    .description(
      `Print the GraphQL schema (SDL); --write saves it to schema/schema.graphql, --check verifies it.`,
    )
    .option('--write', 'write the schema to schema/schema.graphql')
    .option('--check', 'exit 1 when schema/schema.graphql differs from the code')
    .action(async (options: { write?: boolean; check?: boolean }) => {
      const sdl = printCxSchema(await buildCxSchema());
      const file = relative(REPO_ROOT, SCHEMA_FILE);
      if (options.write) {
        await writeFile(SCHEMA_FILE, sdl);
        console.log(`wrote ${file}`);
      } else if (options.check) {
        const stored = await readFile(SCHEMA_FILE, 'utf8').catch(() => undefined);
        if (stored !== sdl)
          throw new CliError(`${file} is out of date with the code: run \`pnpm schema:emit\``);
        console.log(`${file} is up to date`);
      } else {
        process.stdout.write(sdl);
      }
    });
}
