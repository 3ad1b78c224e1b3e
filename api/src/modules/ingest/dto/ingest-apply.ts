import { registerEnumType } from 'type-graphql';

/** When an ingest mutation's rows are written. */
export enum IngestApply {
  NOW = 'now',
  BACKGROUND = 'background',
}

registerEnumType(IngestApply, {
  name: 'IngestApply',
  description: 'When the rows of an ingest mutation are written and their follow-ups run.',
  valuesConfig: {
    NOW: {
      description:
        'Before the answer: the rows, rollups, risk scores, alerts and data version in one transaction, ' +
        'visible to the next query; the answer has the inserted/updated/unchanged counts.',
    },
    BACKGROUND: {
      description:
        'Validated and stored durably before the answer (nothing is lost if the server stops), then applied ' +
        'by the ingest worker within seconds, merged with other waiting batches (see ingestBacklog); the ' +
        'answer has queued and batchId, and the three counts are 0.',
    },
  },
});
