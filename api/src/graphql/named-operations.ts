import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../config.js';

/** One named operation of schema/operations: the file `<name>.graphql` holds exactly the operation `name`. */
export interface NamedOperation {
  name: string;
  document: string;
}

const OPERATIONS_DIR = join(REPO_ROOT, 'schema/operations');

/** The named operations the dashboard sends, in name order (the operations test checks each is valid). */
export function loadNamedOperations(): NamedOperation[] {
  return readdirSync(OPERATIONS_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => ({
      name: file.replace(/\.graphql$/, ''),
      document: readFileSync(join(OPERATIONS_DIR, file), 'utf8'),
    }));
}
