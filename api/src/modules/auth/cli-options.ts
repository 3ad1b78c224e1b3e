import { Option } from 'commander';
import { CliError } from '../../cli/cli-error.js';
import { CredentialInputError } from './credential-input-error.js';
import { Role } from './role.js';

/** `--role <role>`, one of the roles in lower case. */
export function roleOption(): Option {
  return new Option('--role <role>', 'what the credential may do')
    .choices(Object.values(Role))
    .makeOptionMandatory();
}

/** Runs `work`, turning a CredentialInputError into the one-line CLI error. */
export async function asCliInput<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CredentialInputError) throw new CliError(error.message);
    throw error;
  }
}

/** A timestamp for listings: minutes are enough, UTC like everything else. */
export function shortTime(date: Date | null): string {
  return date ? `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '';
}

/** A plain table for listings: columns padded to their widest cell. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  return [header, ...rows]
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
