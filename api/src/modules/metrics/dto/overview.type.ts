import { Field, Float, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../../graphql/scalars.js';
import { Comparison } from '../comparison.js';
import { HEADLINE_MEASURES, MEASURES, type Measure } from '../measures.js';

@ObjectType({ description: 'A half-open time window: from inclusive, to exclusive.' })
export class TimeWindow {
  @Field(() => DateTimeScalar, { description: 'Start, inclusive.' })
  from!: Date;

  @Field(() => DateTimeScalar, { description: 'End, exclusive.' })
  to!: Date;
}

@ObjectType({
  description:
    'One headline measure in the current window beside the comparison window. Values are in the unit of the ' +
    'measure (see MetricRow); null when the window has no underlying rows.',
})
export class KpiComparison {
  @Field(() => Float, { nullable: true, description: 'Value in the current window.' })
  current!: number | null;

  @Field(() => Float, { nullable: true, description: 'Value in the comparison window.' })
  previous!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'current − previous, in the unit of the measure (points for NPS, percentage points for rates).',
  })
  delta!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Relative change, percent: 100 × delta / |previous|; null when previous is 0 or null.',
  })
  deltaPct!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Rows the current value rests on: responses for survey measures, contacts, sessions (escalated sessions ' +
      'for backfireRate), detractors for womReach, active customers for churnRate, scored active customers for ' +
      'revenueAtRisk; 0 when there are none.',
  })
  sampleSize!: number | null;

  @Field(() => Int, { nullable: true, description: 'The same for the comparison window.' })
  previousSampleSize!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Half-width of the 95% confidence interval of the current value (nps: 1.96 × 100 × sqrt((p + d − (p − d)²) / n); ' +
      'avgCsat: 1.96 × s / sqrt(n)). Null for other measures or under 2 responses.',
  })
  marginOfError!: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Whether the change is statistically significant at 95%: a two-sided z test of current − previous with ' +
      'the unpooled standard error of both windows (nps: variance 100² × (p + d − (p − d)²) / n per window; ' +
      "avgCsat: Welch's s² / n per window). Only for nps and avgCsat; null when either window has under 2 responses.",
  })
  significant!: boolean | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Two-sided p-value of that test, 0-1 (smaller: stronger evidence of a real change). Null as above.',
  })
  pValue!: number | null;
}

/** The measures the overview shows, in the order the dashboard lays out its tiles: the catalogue's headline ones. */
export const OVERVIEW_KPIS = HEADLINE_MEASURES;

export type OverviewKpi = Measure;

@ObjectType({
  description:
    'Headline KPIs of a window against a comparison window, each with its change and, for NPS and CSAT, ' +
    'whether the change is statistically significant.',
})
export class Overview {
  @Field(() => TimeWindow, { description: 'The current window.' })
  window!: TimeWindow;

  @Field(() => TimeWindow, { description: 'The window it is compared with.' })
  comparisonWindow!: TimeWindow;

  @Field(() => Comparison, { description: 'How the comparison window was chosen.' })
  compare!: Comparison;
}

export interface Overview extends Partial<Record<OverviewKpi, KpiComparison>> {}

for (const kpi of OVERVIEW_KPIS) {
  const description = `${MEASURES[kpi].description} Current against comparison window.`;
  Field(() => KpiComparison, { description })(Overview.prototype, kpi);
  const { formerly } = MEASURES[kpi];
  if (formerly) {
    Field(() => KpiComparison, {
      description: `${description} The former name of ${kpi}.`,
      deprecationReason: `Use ${kpi}.`,
    })(Overview.prototype, formerly);
  }
}
