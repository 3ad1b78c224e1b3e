import type { EntityManager } from '@mikro-orm/knex';
import { Channel } from '../contacts/channel.js';
import type { Generation } from '../customers/generation.js';
import { queryCustomerMix, type CustomerMix } from './customer-mix-query.js';
import { derivedRollupsAnswer, queryCustomerMixRollup } from './rollups/derived-queries.js';
import { Dimension } from './dimension.js';
import type { MetricFilter } from './dto/metric-filter.input.js';
import {
  SEGMENT_CHANNEL_MEASURES,
  SEGMENT_MEASURES,
  type SegmentPreferences,
} from './dto/segment-preferences.type.js';
import { percent } from './measures.js';
import { deriveMeasures, MetricsService } from './metrics.service.js';

/** Channel mix, satisfaction per channel and self-service use of generations, side by side. */
export class SegmentPreferencesService {
  constructor(private readonly em: EntityManager) {}

  async compare(filter: MetricFilter, generations: readonly Generation[]): Promise<SegmentPreferences[]> {
    const segmentFilter = { ...filter, generations: [...generations] };
    const metrics = new MetricsService(this.em);
    const [totals, perChannel, mix] = await Promise.all([
      metrics.aggregate({
        measures: SEGMENT_MEASURES,
        dimensions: [Dimension.GENERATION],
        grain: null,
        filter: segmentFilter,
      }),
      metrics.aggregate({
        measures: SEGMENT_CHANNEL_MEASURES,
        dimensions: [Dimension.GENERATION, Dimension.CHANNEL],
        grain: null,
        filter: segmentFilter,
      }),
      this.customerMix(segmentFilter),
    ]);
    return generations.map((generation) => {
      const total = totals.find((row) => row.dimensions[0] === generation)?.aggregates ?? {};
      const customers = mix.find((row) => row.generation === generation);
      const sessions = total.sessions ?? 0;
      const contacts = total.contacts ?? 0;
      return {
        generation,
        ...deriveMeasures(SEGMENT_MEASURES, total),
        interactingCustomers: customers?.interactingCustomers ?? 0,
        selfServiceAdoptionPct: percent(
          customers?.selfServiceUsers ?? 0,
          customers?.interactingCustomers ?? 0,
        ),
        liveAgentPreferencePct: percent(
          customers?.assistedOnlyCustomers ?? 0,
          customers?.interactingCustomers ?? 0,
        ),
        selfServiceSharePct: percent(sessions, sessions + contacts),
        channels: Object.values(Channel).map((channel) => {
          const aggregates =
            perChannel.find((row) => row.dimensions[0] === generation && row.dimensions[1] === channel)
              ?.aggregates ?? {};
          return {
            channel,
            ...deriveMeasures(SEGMENT_CHANNEL_MEASURES, aggregates),
            contactSharePct: percent(aggregates.contacts ?? 0, contacts),
          };
        }),
      };
    });
  }

  /** From the customer days when they answer the filter; otherwise from the facts. */
  private async customerMix(filter: MetricFilter): Promise<CustomerMix[]> {
    const fromRollup = (await derivedRollupsAnswer(this.em, filter))
      ? await queryCustomerMixRollup(this.em, filter)
      : null;
    return fromRollup ?? queryCustomerMix(this.em, filter);
  }
}
