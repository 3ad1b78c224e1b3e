/** Lengths of time, each written once: seconds for SQL intervals, milliseconds for JavaScript dates. */
export const HOUR_SECONDS = 3_600;
export const DAY_SECONDS = 86_400;
export const HOUR_MS = HOUR_SECONDS * 1_000;
export const DAY_MS = DAY_SECONDS * 1_000;
