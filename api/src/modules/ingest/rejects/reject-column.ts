/**
 * The column (CSV) or key (JSON) a rejects file adds to each refused row, holding its problems. Every
 * reader ignores it, so a rejects file, once its rows are corrected, imports as it is.
 */
export const REJECT_PROBLEMS_COLUMN = 'cx_problems';
