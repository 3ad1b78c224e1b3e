import { userInputError } from '../../graphql/user-input-error.js';

/** The internal id behind an alert's GraphQL ID (a whole number). */
export function parseAlertId(id: string, argument = 'id'): number {
  const parsed = /^[1-9][0-9]{0,14}$/.test(id) ? Number(id) : NaN;
  if (!Number.isSafeInteger(parsed)) {
    throw userInputError(argument, id, 'the id of an alert (a whole number, as alerts returns it)');
  }
  return parsed;
}
