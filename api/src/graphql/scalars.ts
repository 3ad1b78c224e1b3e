import { DateTimeResolver } from 'graphql-scalars';

/** ISO 8601 timestamps in UTC, e.g. 2026-03-01T09:30:00.000Z. Inputs may carry any offset. */
export const DateTimeScalar = DateTimeResolver;
