/*
 * The contacts a streaming contact-center system sends, as IngestContacts rows. Plain JavaScript without
 * k6 imports (like dashboard-mix.js) so that the k6 scenarios, `pnpm bench` and the tests that run these
 * rows through the API's own import validation share one generator.
 */

const CHANNELS = ['PHONE', 'CHAT', 'EMAIL', 'SOCIAL', 'VIDEO', 'IN_PERSON'];
const REASONS = ['billing', 'card', 'login', 'loan', 'fraud', 'other'];
const HOUR_MS = 3600000;
/** Shares as in the demo data: 80% of contacts resolved, 70% of all contacts on first contact, 10% escalated. */
const RESOLVED_SHARE = 0.8;
const FCR_SHARE = 0.7;
const ESCALATED_SHARE = 0.1;

/**
 * @typedef {{
 *   contactId: string, customerId: string, channel: string, reason: string, startedAt: string,
 *   waitSeconds: number, handleSeconds: number, resolved: boolean, firstContactResolution: boolean,
 *   escalated: boolean
 * }} ContactRow
 */

/**
 * One batch of new contacts, started within the hour before `now`, for customers C0000001 to
 * C<customers> (they must exist). First-contact resolution implies resolution, as the import requires:
 * it is drawn among the resolved contacts (70% of all = 87.5% of the resolved 80%).
 * @param {{ run: string, batch: number, size: number, customers: number, now: number, random?: () => number }} spec
 *   `run` and `batch` make the ids (K6-<run>-<batch>-<row>) new on every run and batch
 * @returns {ContactRow[]}
 */
export function contactBatch(spec) {
  const random = spec.random || Math.random;
  const rows = [];
  for (let row = 0; row < spec.size; row++) {
    const customer = 1 + Math.floor(random() * spec.customers);
    const resolved = random() < RESOLVED_SHARE;
    rows.push({
      contactId: `K6-${spec.run}-${spec.batch}-${row}`,
      customerId: `C${String(customer).padStart(7, '0')}`,
      channel: CHANNELS[row % CHANNELS.length],
      reason: REASONS[Math.floor(random() * REASONS.length)],
      startedAt: new Date(spec.now - Math.floor(random() * HOUR_MS)).toISOString(),
      waitSeconds: Math.floor(random() * 600),
      handleSeconds: 60 + Math.floor(random() * 900),
      resolved,
      firstContactResolution: resolved && random() < FCR_SHARE / RESOLVED_SHARE,
      escalated: random() < ESCALATED_SHARE,
    });
  }
  return /** @type {ContactRow[]} */ (rows);
}
