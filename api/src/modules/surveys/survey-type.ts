import { registerEnumType } from 'type-graphql';

export enum SurveyType {
  NPS = 'nps',
  CSAT = 'csat',
  CES = 'ces',
}

registerEnumType(SurveyType, {
  name: 'SurveyType',
  description: 'Kind of survey question, which fixes the score range.',
  valuesConfig: {
    NPS: { description: 'Net Promoter Score: likelihood to recommend, 0-10.' },
    CSAT: { description: 'Customer satisfaction, 1-5.' },
    CES: { description: 'Customer effort score, 1-7 (higher means easier).' },
  },
});

/** Inclusive score range per survey type (docs/concepts.md). */
export const SCORE_RANGE: Record<SurveyType, { min: number; max: number }> = {
  [SurveyType.NPS]: { min: 0, max: 10 },
  [SurveyType.CSAT]: { min: 1, max: 5 },
  [SurveyType.CES]: { min: 1, max: 7 },
};
