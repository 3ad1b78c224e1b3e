import { format } from 'sql-formatter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Channel } from '../src/modules/contacts/channel.js';
import { Comparison } from '../src/modules/metrics/comparison.js';
import { ChannelSatisfactionService } from '../src/modules/metrics/channel-satisfaction.service.js';
import { DeflectionFunnelService } from '../src/modules/metrics/deflection-funnel.service.js';
import { Dimension } from '../src/modules/metrics/dimension.js';
import { MetricsService } from '../src/modules/metrics/metrics.service.js';
import { OverviewService } from '../src/modules/metrics/overview.service.js';
import { SegmentPreferencesService } from '../src/modules/metrics/segment-preferences.service.js';
import { TimeGrain } from '../src/modules/metrics/time-grain.js';
import { Generation } from '../src/modules/customers/generation.js';
import { Tier } from '../src/modules/customers/tier.js';
import { createMigratedDatabase, DIALECTS, type MigratedDatabase } from './support/databases.js';
import type { EntityManager } from '@mikro-orm/knex';

/*
 * The SQL the metrics layer sends, per dialect, checked in under api/src/modules/metrics/sql/ so that a
 * review shows how a change alters the queries (as Immich does with its queries folder). After an
 * intended change, rewrite the files with `pnpm sql:emit`.
 */
const WINDOW = { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-07-01T00:00:00Z') };

const QUERIES: { title: string; run: (em: EntityManager) => Promise<unknown> }[] = [
  {
    title:
      'metrics(dimensions: [CHANNEL, GENERATION], grain: MONTH) { nps avgCsat avgCes contacts fcrRate repeatContactRate }',
    run: (em) =>
      new MetricsService(em).metrics({
        measures: ['nps', 'avgCsat', 'avgCes', 'contacts', 'fcrRate', 'repeatContactRate'],
        dimensions: [Dimension.CHANNEL, Dimension.GENERATION],
        grain: TimeGrain.MONTH,
        filter: WINDOW,
      }),
  },
  {
    title:
      'metrics(dimensions: [ENTRY], grain: WEEK, filter: {tiers: [VIP]}) { deflectionRate trueDeflectionRate backfireRate }',
    run: (em) =>
      new MetricsService(em).metrics({
        measures: ['deflectionRate', 'trueDeflectionRate', 'backfireRate'],
        dimensions: [Dimension.ENTRY],
        grain: TimeGrain.WEEK,
        filter: { ...WINDOW, tiers: [Tier.VIP] },
      }),
  },
  {
    title:
      'the same two from the facts, as windows that do not start and end at midnight UTC are answered: ' +
      'metrics(dimensions: [CHANNEL, GENERATION], grain: MONTH) { … }; metrics(dimensions: [ENTRY], …) { … }',
    run: async (em) => {
      const facts = new MetricsService(em, 'facts');
      await facts.metrics({
        measures: ['nps', 'avgCsat', 'avgCes', 'contacts', 'fcrRate', 'repeatContactRate'],
        dimensions: [Dimension.CHANNEL, Dimension.GENERATION],
        grain: TimeGrain.MONTH,
        filter: WINDOW,
      });
      await facts.metrics({
        measures: ['deflectionRate', 'trueDeflectionRate', 'backfireRate'],
        dimensions: [Dimension.ENTRY],
        grain: TimeGrain.WEEK,
        filter: { ...WINDOW, tiers: [Tier.VIP] },
      });
    },
  },
  {
    title: 'metrics(dimensions: [REGION], grain: QUARTER) { womReach churnRate }',
    run: (em) =>
      new MetricsService(em).metrics({
        measures: ['womReach', 'churnRate'],
        dimensions: [Dimension.REGION],
        grain: TimeGrain.QUARTER,
        filter: WINDOW,
      }),
  },
  {
    title: 'overview(compare: PREVIOUS_YEAR)',
    run: (em) => new OverviewService(em).overview(WINDOW, Comparison.PREVIOUS_YEAR),
  },
  {
    title: 'channelSatisfaction(filter: {channels: [PHONE, CHAT]}, grain: MONTH)',
    run: (em) =>
      new ChannelSatisfactionService(em).byChannel(
        { ...WINDOW, channels: [Channel.PHONE, Channel.CHAT] },
        TimeGrain.MONTH,
      ),
  },
  {
    title: 'segmentPreferences(generations: [BOOMER, MILLENNIAL])',
    run: (em) =>
      new SegmentPreferencesService(em).compare(WINDOW, [Generation.BOOMER, Generation.MILLENNIAL]),
  },
  { title: 'deflectionFunnel', run: (em) => new DeflectionFunnelService(em).funnel(WINDOW) },
];

describe.each(DIALECTS)('the SQL of the metrics layer on %s', (dialect) => {
  let database: MigratedDatabase;
  beforeAll(async () => {
    database = await createMigratedDatabase(dialect);
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('matches the checked-in queries', async () => {
    const sections: string[] = [];
    const knex = database.orm.em.getKnex();
    for (const { title, run } of QUERIES) {
      const statements: string[] = [];
      const listener = ({ sql }: { sql: string }) => statements.push(sql);
      knex.on('query', listener);
      // One at a time, so that the statements of concurrent families keep a stable order.
      await run(database.orm.em.fork());
      knex.off('query', listener);
      const language = dialect === 'sqlite' ? 'sqlite' : 'postgresql';
      sections.push(
        `-- ${title}\n\n${statements
          .sort()
          .map((sql) => `${format(sql, { language, keywordCase: 'lower' })};`)
          .join('\n\n')}`,
      );
    }
    await expect(`${sections.join('\n\n')}\n`).toMatchFileSnapshot(
      `../src/modules/metrics/sql/${dialect}.sql`,
    );
  });
});
