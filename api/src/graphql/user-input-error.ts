import { GraphQLError } from 'graphql';
import { userInputError as domainInputError, type DomainError } from '../core/errors.js';

/** A domain error as GraphQL reports it: its message, and its code and details as extensions. */
export function toGraphQLError(error: DomainError): GraphQLError {
  return new GraphQLError(error.message, { extensions: { code: error.code, ...error.details } });
}

/** For resolvers: an argument the client got wrong (core/errors.ts), as a GraphQL error. */
export function userInputError(argument: string, got: unknown, expected: string): GraphQLError {
  return toGraphQLError(domainInputError(argument, got, expected));
}
