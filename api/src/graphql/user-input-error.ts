import { GraphQLError } from 'graphql';

/**
 * An argument the client got wrong. The message names the argument, what it received and what was
 * expected, in the words the ingest problems use (`got …, expected …`).
 */
export function userInputError(argument: string, got: unknown, expected: string): GraphQLError {
  return new GraphQLError(`${argument}: got ${JSON.stringify(got)}, expected ${expected}`, {
    extensions: { code: 'BAD_USER_INPUT', argument },
  });
}
