import type { EntityManager } from '@mikro-orm/knex';
import type { SelfServiceEntry } from '../selfservice/entry.js';
import { Dimension } from './dimension.js';
import {
  FUNNEL_MEASURES,
  FUNNEL_STAGES,
  type DeflectionFunnel,
  type FunnelStage,
} from './dto/deflection-funnel.type.js';
import type { MetricFilter } from './dto/metric-filter.input.js';
import { queryAfterEscalation, type GroupRow } from './fact-queries.js';
import { derivedRollupsAnswer, queryAfterEscalationRollup } from './rollups/derived-queries.js';
import { MEASURES, type Aggregates } from './measures.js';
import {
  deriveMeasures,
  MetricsService,
  validateMetricsRequest,
  type MetricsRequest,
} from './metrics.service.js';

const STAGES = Object.keys(FUNNEL_STAGES) as FunnelStage[];
const AFTER_ESCALATION = ['npsResponses', 'promoters', 'detractors', 'csatResponses', 'csatSum'];

/** The self-service funnel, over all entry points and per entry point. */
export class DeflectionFunnelService {
  constructor(private readonly em: EntityManager) {}

  async funnel(filter: MetricFilter): Promise<DeflectionFunnel[]> {
    const [total, perEntry] = await Promise.all([
      this.stages(filter, []),
      this.stages(filter, [Dimension.ENTRY]),
    ]);
    return [...total, ...perEntry];
  }

  private async stages(filter: MetricFilter, dimensions: Dimension[]): Promise<DeflectionFunnel[]> {
    const request: MetricsRequest = {
      measures: FUNNEL_MEASURES,
      dimensions,
      grain: null,
      filter,
      extraAggregates: { selfService: STAGES },
    };
    validateMetricsRequest(request);
    const afterEscalation = (await derivedRollupsAnswer(this.em, filter))
      ? queryAfterEscalationRollup
      : queryAfterEscalation;
    const [rows, followUps] = await Promise.all([
      new MetricsService(this.em).aggregate(request),
      afterEscalation(this.em, {
        dimensions,
        grain: null,
        filter,
        aggregates: new Set(AFTER_ESCALATION),
      }),
    ]);
    const entryOf = (row: GroupRow) => (row.dimensions[0] ?? null) as SelfServiceEntry | null;
    return rows.map((row) => {
      const after: Aggregates =
        followUps.find((followUp) => entryOf(followUp) === entryOf(row))?.aggregates ?? {};
      return {
        entry: entryOf(row),
        ...(Object.fromEntries(STAGES.map((stage) => [stage, row.aggregates[stage] ?? 0])) as Record<
          FunnelStage,
          number
        >),
        ...deriveMeasures(FUNNEL_MEASURES, row.aggregates),
        npsAfterEscalation: MEASURES.nps.derive(after),
        npsResponsesAfterEscalation: after.npsResponses ?? 0,
        csatAfterEscalation: MEASURES.avgCsat.derive(after),
        csatResponsesAfterEscalation: after.csatResponses ?? 0,
      };
    });
  }
}
