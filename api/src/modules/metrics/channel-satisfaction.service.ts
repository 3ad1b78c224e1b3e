import type { EntityManager } from '@mikro-orm/knex';
import { Channel } from '../contacts/channel.js';
import { Dimension } from './dimension.js';
import { CHANNEL_MEASURES, type ChannelSatisfaction } from './dto/channel-satisfaction.type.js';
import type { MetricFilter } from './dto/metric-filter.input.js';
import type { MetricRow } from './dto/metric-row.type.js';
import { MetricsService } from './metrics.service.js';
import type { TimeGrain } from './time-grain.js';

/** Per channel: satisfaction and volume over the window, and their trend. */
export class ChannelSatisfactionService {
  constructor(private readonly em: EntityManager) {}

  async byChannel(filter: MetricFilter, grain: TimeGrain): Promise<ChannelSatisfaction[]> {
    const metrics = new MetricsService(this.em);
    const request = { measures: CHANNEL_MEASURES, dimensions: [Dimension.CHANNEL], filter };
    const [totals, trend] = await Promise.all([
      metrics.metrics({ ...request, grain: null }),
      metrics.metrics({ ...request, grain }),
    ]);
    const measuresOf = ({ period: _period, channel: _channel, ...measures }: MetricRow) => measures;
    const channels = Object.values(Channel).filter((channel) => filter.channels?.includes(channel) ?? true);
    return channels.map((channel) => ({
      channel,
      ...measuresOf(totals.find((row) => row.channel === channel) ?? { period: null }),
      trend: trend
        .filter((row) => row.channel === channel)
        .map((row) => ({ ...measuresOf(row), period: row.period! })),
    }));
  }
}
