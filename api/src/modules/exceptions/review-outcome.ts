import { registerEnumType } from 'type-graphql';

/** Where the review of an out-of-policy exception stands. */
export enum ReviewStatus {
  PENDING = 'pending',
  UPHELD = 'upheld',
  CORRECTED = 'corrected',
}

registerEnumType(ReviewStatus, {
  name: 'ReviewStatus',
  description:
    'The review of an out-of-policy decision: PENDING until a supervisor marks it UPHELD or CORRECTED, once.',
  valuesConfig: {
    PENDING: { description: 'Not reviewed yet.' },
    UPHELD: { description: 'The reviewer agrees with the decision.' },
    CORRECTED: { description: 'The reviewer would have decided otherwise (a coaching case).' },
  },
});

/** The two verdicts a review may give. */
export const REVIEW_VERDICTS = [ReviewStatus.UPHELD, ReviewStatus.CORRECTED] as const;
