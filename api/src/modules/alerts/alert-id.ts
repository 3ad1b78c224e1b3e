import { userInputError } from '../../core/errors.js';

/**
 * The internal id behind a GraphQL ID of rows numbered by the database (a whole number); `noun` names
 * such a row and `query` where clients get their ids, for the error.
 */
export function parseRowId(id: string, argument: string, noun: string, query: string): number {
  const parsed = /^[1-9][0-9]{0,14}$/.test(id) ? Number(id) : NaN;
  if (!Number.isSafeInteger(parsed)) {
    throw userInputError(argument, id, `the id of ${noun} (a whole number, as ${query} returns it)`);
  }
  return parsed;
}

/** The internal id behind an alert's GraphQL ID. */
export function parseAlertId(id: string, argument = 'id'): number {
  return parseRowId(id, argument, 'an alert', 'alerts');
}
