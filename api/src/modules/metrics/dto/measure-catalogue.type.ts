import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum MeasureUnitKind {
  NPS_POINTS = 'npsPoints',
  SCORE_5 = 'score5',
  SCORE_7 = 'score7',
  PERCENT = 'percent',
  COUNT = 'count',
  SECONDS = 'seconds',
  PEOPLE = 'people',
  MONEY = 'money',
}

registerEnumType(MeasureUnitKind, {
  name: 'MeasureUnit',
  description: 'The unit a measure is reported in, which says how to format it.',
  valuesConfig: {
    NPS_POINTS: { description: 'NPS points, -100 to 100; a change is in points.' },
    SCORE_5: { description: 'A mean score on the 1-5 CSAT scale.' },
    SCORE_7: { description: 'A mean score on the 1-7 CES scale (higher is easier).' },
    PERCENT: { description: 'Percent 0-100; a change is in percentage points.' },
    COUNT: { description: 'A count of rows.' },
    SECONDS: { description: 'A duration in seconds (shown in minutes or hours when long).' },
    PEOPLE: { description: 'An estimated number of people.' },
    MONEY: { description: 'An amount in the currency of the catalogue (MeasureCatalogue.currency).' },
  },
});

export enum GoodDirection {
  HIGHER = 'higher',
  LOWER = 'lower',
  NEITHER = 'neither',
}

registerEnumType(GoodDirection, {
  name: 'GoodDirection',
  description: 'Which way of a change is good news.',
  valuesConfig: {
    HIGHER: { description: 'A rise is good news (NPS, first-contact resolution).' },
    LOWER: { description: 'A fall is good news (churn, waits, backfire).' },
    NEITHER: { description: 'Neither: a volume or a duration that is not better either way.' },
  },
});

@ObjectType({
  description: 'How to present one measure: its name, unit, rounding, good direction and sample.',
})
export class MeasureInfo {
  @Field(() => String, { description: 'The field name of the measure, e.g. fcrRate (as on MetricRow).' })
  name!: string;

  @Field(() => String, { description: 'A short display name, e.g. "First-contact resolution".' })
  label!: string;

  @Field(() => String, { description: 'What the measure is, its unit and range.' })
  description!: string;

  @Field(() => MeasureUnitKind, { description: 'Its unit.' })
  unit!: MeasureUnitKind;

  @Field(() => Int, {
    description: 'Decimals to show (display rounding; the API answers at full precision).',
  })
  decimals!: number;

  @Field(() => GoodDirection, { description: 'Which way of a change is good news.' })
  goodDirection!: GoodDirection;

  @Field(() => String, {
    nullable: true,
    description:
      'What the value rests on, as a plural noun ("responses", "contacts", "sessions"); null for counts and sums, ' +
      'which are not estimates from a sample.',
  })
  sampleNoun!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The measure of the same row that holds that number of rows (n), e.g. npsResponses for nps; null when no ' +
      'measure holds it.',
  })
  sampleField!: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Below this n the value rests on too few rows to be a finding: show it greyed with tooFewLabel, never as a ' +
      'full bar. The configured minimum (CX_MIN_SAMPLE) for sample-based measures; null for the others.',
  })
  minimumSample!: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'What to say of a value below minimumSample, e.g. "too few responses (under 30)".',
  })
  tooFewLabel!: string | null;
}

@ObjectType({
  description:
    "How clients present numbers, from the API's configuration and its measure catalogue, so that no client " +
    'hard-codes thresholds or units.',
})
export class MeasureCatalogue {
  @Field(() => Int, {
    description:
      'Fewest rows a sample-based value may rest on before it is flagged as too few (CX_MIN_SAMPLE).',
  })
  minimumSample!: number;

  @Field(() => String, {
    description: 'ISO 4217 code of the money measures and amounts (CX_CURRENCY), e.g. USD.',
  })
  currency!: string;

  @Field(() => [MeasureInfo], { description: 'Every measure, in the catalogue order.' })
  measures!: MeasureInfo[];
}
