/** Descriptions shared by the ingest input types, so the same rule reads the same everywhere. */
export const TIMESTAMP_INPUT =
  'ISO 8601 timestamp (e.g. 2026-03-01T09:30:00Z or 2026-03-01T12:30:00+03:00) or date (2026-03-01, ' +
  'midnight UTC); without an offset it is taken as UTC.';
export const ID_INPUT = 'at most 255 characters, no leading or trailing spaces';
export const CUSTOMER_REFERENCE = `customerId of a customer that already exists (${ID_INPUT}).`;
