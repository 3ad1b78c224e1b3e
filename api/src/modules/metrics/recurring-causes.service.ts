import type { EntityManager } from '@mikro-orm/knex';
import { isDetractor } from '../../core/conditions.js';
import { topTerms, type TermCount } from './comment-terms.js';
import { Dimension } from './dimension.js';
import type { MetricFilter } from './dto/metric-filter.input.js';
import type { CommentTerm, RecurringCauses } from './dto/recurring-causes.type.js';
import { percent } from './measures.js';
import { MetricsService } from './metrics.service.js';
import { CUSTOMER_COLUMNS, SqlBuilder } from './sql-builder.js';
import type { TimeGrain } from './time-grain.js';

/**
 * Detractor comments tokenised per request, newest first. Tokenising is text processing, not aggregation,
 * and is done here rather than in SQL: SQLite has no split or regular-expression functions (a recursive CTE
 * could split on spaces, not on Unicode letters and punctuation, and phrases would double it), and
 * PostgreSQL's to_tsvector stems and drops words by its own rules, so the two databases would disagree. The
 * cap bounds the cost: the comments are short (under 100 characters in the demo), so 20,000 of them are
 * about 2 MB read and tens of milliseconds of work.
 */
export const MAX_COMMENTS = 20_000;

const REASON_MEASURES = ['contacts', 'repeatContactRate', 'fcrRate'] as const;

/** Contact reasons with their trend, and the words and phrases of detractor comments. */
export class RecurringCausesService {
  constructor(private readonly em: EntityManager) {}

  async causes(filter: MetricFilter, grain: TimeGrain, top: number): Promise<RecurringCauses> {
    const metrics = new MetricsService(this.em);
    const request = { dimensions: [Dimension.REASON], filter };
    const [totals, trend, comments] = await Promise.all([
      metrics.metrics({ ...request, measures: REASON_MEASURES, grain: null }),
      metrics.metrics({ ...request, measures: ['contacts'], grain }),
      this.detractorComments(filter),
    ]);
    const allContacts = totals.reduce((sum, row) => sum + (row.contacts ?? 0), 0);
    const reasons = totals
      .map((row) => ({
        reason: (row.reason as string | null) ?? null,
        contacts: row.contacts ?? 0,
        share: percent(row.contacts ?? 0, allContacts) ?? 0,
        repeatContactRate: row.repeatContactRate ?? null,
        fcrRate: row.fcrRate ?? null,
        trend: trend
          .filter((point) => point.reason === row.reason)
          .map((point) => ({ period: point.period!, contacts: point.contacts ?? 0 })),
      }))
      .sort((a, b) => b.contacts - a.contacts || compareReasons(a.reason, b.reason));
    const terms = topTerms(comments.texts, top);
    const withShare = (counts: TermCount[]): CommentTerm[] =>
      counts.map((count) => ({ ...count, share: percent(count.comments, comments.texts.length) ?? 0 }));
    return {
      reasons,
      detractorComments: comments.total,
      commentsAnalysed: comments.texts.length,
      detractorWords: withShare(terms.words),
      detractorPhrases: withShare(terms.phrases),
    };
  }

  /** The newest MAX_COMMENTS detractor comments of the window and segment, and how many there are in all. */
  private async detractorComments(filter: MetricFilter): Promise<{ texts: string[]; total: number }> {
    const builder = new SqlBuilder(this.em);
    const columns = { [Dimension.CHANNEL]: 'f.channel', ...CUSTOMER_COLUMNS };
    const where = builder.and([
      builder.raw(`${isDetractor('f')} and f.comment is not null and f.comment <> ''`),
      ...builder.window('f.responded_at', filter),
      ...builder.dimensionFilters(columns, filter),
    ]);
    const from = 'from survey_responses f join customers c on c.id = f.customer_id where ?';
    const [texts, [count]] = await Promise.all([
      builder.rows(
        builder.raw(
          `select f.comment ${from} order by f.responded_at desc, f.id desc limit ${MAX_COMMENTS}`,
          [where],
        ),
      ),
      builder.rows(builder.raw(`select count(*) as total ${from}`, [where])),
    ]);
    return { texts: texts.map((row) => String(row.comment)), total: Number(count?.total ?? 0) };
  }
}

/** Reasons by code point, the reason-less contacts last (as the metrics order them). */
function compareReasons(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
