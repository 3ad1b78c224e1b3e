import { GraphQLError } from 'graphql';

/** A bad value for a new key or user; the CLI prints the message, the API answers BAD_USER_INPUT. */
export class CredentialInputError extends Error {
  override name = 'CredentialInputError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

/** Runs `work`, turning a CredentialInputError into the GraphQL error a client can act on. */
export async function asUserInput<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof CredentialInputError)) throw error;
    throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', argument: error.field } });
  }
}
