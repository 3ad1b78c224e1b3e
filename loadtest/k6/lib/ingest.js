import exec from 'k6/execution';
import { check } from 'k6';
import { contactBatch } from './contact-rows.js';
import { sendOperation } from './graphql.js';

/**
 * Sends this iteration's batch of new contacts through IngestContacts and checks that every row was
 * accepted: applied (apply NOW, no problem) or acknowledged (apply BACKGROUND, all queued).
 * @param {{ baseUrl: string, headers: Record<string, string> }} target
 * @param {Record<string, string>} documents
 * @param {{ run: string, size: number, customers: number, apply: string }} batch
 */
export function sendContactBatch(target, documents, batch) {
  const rows = contactBatch({
    run: batch.run,
    batch: exec.scenario.iterationInTest,
    size: batch.size,
    customers: batch.customers,
    now: Date.now(),
  });
  const result = sendOperation(target, documents, {
    operation: 'IngestContacts',
    variables: { rows, apply: batch.apply },
  });
  if (result) {
    check(result.ingestContacts, {
      'every row accepted': (answer) =>
        answer.problemCount === 0 && (batch.apply !== 'BACKGROUND' || answer.queued === batch.size),
    });
  }
}
