/**
 * One section of a page: its data, or the reason it could not be loaded. A failed query empties its own
 * chart with a message instead of failing the whole page.
 */
export type Section<T> = { data: T; error: null } | { data: null; error: string };
