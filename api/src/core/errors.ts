/**
 * A request the caller got wrong or may not make, as the domain says it: a message for people and a code
 * for programs, with details (e.g. which argument). Services throw these and know no transport; the edges
 * map them: GraphQL errors with `extensions.code` (server/apollo.ts), HTTP 400 answers for the exports.
 */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly code: 'BAD_USER_INPUT' | 'FORBIDDEN' | 'NOT_FOUND',
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/**
 * An argument the client got wrong. The message names the argument, what it received and what was
 * expected, in the words the ingest problems use (`got …, expected …`).
 */
export function userInputError(argument: string, got: unknown, expected: string): DomainError {
  return new DomainError(`${argument}: got ${JSON.stringify(got)}, expected ${expected}`, 'BAD_USER_INPUT', {
    argument,
  });
}
