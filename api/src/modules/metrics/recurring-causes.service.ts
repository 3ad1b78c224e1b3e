import type { EntityManager } from '@mikro-orm/knex';
import { MAX_COMMENT_CHARACTERS, topTerms, type AuthoredComment, type TermCount } from './comment-terms.js';
import { DETRACTOR_COMMENT } from '../surveys/survey-response.entity.js';
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
 * PostgreSQL's to_tsvector stems and drops words by its own rules, so the two databases would disagree.
 * The work is bounded three ways: at most MAX_COMMENTS comments, the first MAX_COMMENT_CHARACTERS of each
 * (and of those its first MAX_WORDS_PER_COMMENT words), and TERMS_BUDGET_MS of tokenising that yields the
 * event loop to other requests every few milliseconds.
 */
export const MAX_COMMENTS = 10_000;
export const TERMS_BUDGET_MS = 400;

const REASON_MEASURES = ['contacts', 'repeatContactRate', 'fcrRate'] as const;

/** Contact reasons with their trend, and the words and phrases of detractor comments. */
export class RecurringCausesService {
  constructor(private readonly em: EntityManager) {}

  /** `minCustomers`: the fewest distinct customers a word or phrase must come from to be listed. */
  async causes(
    filter: MetricFilter,
    grain: TimeGrain,
    { top, minCustomers }: { top: number; minCustomers: number },
  ): Promise<RecurringCauses> {
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
        ...sharePct('contactSharePct', percent(row.contacts ?? 0, allContacts) ?? 0),
        repeatContactRate: row.repeatContactRate ?? null,
        fcrRate: row.fcrRate ?? null,
        trend: trend
          .filter((point) => point.reason === row.reason)
          .map((point) => ({ period: point.period!, contacts: point.contacts ?? 0 })),
      }))
      .sort((a, b) => b.contacts - a.contacts || compareReasons(a.reason, b.reason));
    const terms = await topTerms(comments.newest, { top, minCustomers, budgetMs: TERMS_BUDGET_MS });
    const withShare = (counts: TermCount[]): CommentTerm[] =>
      counts.map((count) => ({
        ...count,
        ...sharePct('commentSharePct', percent(count.comments, terms.analysed) ?? 0),
      }));
    return {
      reasons,
      detractorComments: comments.total,
      commentsAnalysed: terms.analysed,
      detractorWords: withShare(terms.words),
      detractorPhrases: withShare(terms.phrases),
    };
  }

  /**
   * The newest MAX_COMMENTS detractor comments of the window and segment (their first
   * MAX_COMMENT_CHARACTERS) with their customers, and how many there are in all.
   */
  private async detractorComments(
    filter: MetricFilter,
  ): Promise<{ newest: AuthoredComment[]; total: number }> {
    const builder = new SqlBuilder(this.em);
    const byCustomer = builder.dimensionFilters(CUSTOMER_COLUMNS, filter);
    const where = builder.and([
      // Word for word the predicate of the partial index that serves both queries.
      builder.raw(DETRACTOR_COMMENT),
      ...builder.window('f.responded_at', filter),
      ...builder.dimensionFilters({ [Dimension.CHANNEL]: 'f.channel' }, filter),
      ...byCustomer,
    ]);
    // Every response has its customer: the join only filters, so without customer filters it is left out.
    const from = `from survey_responses f ${byCustomer.length ? 'join customers c on c.id = f.customer_id ' : ''}where ?`;
    const [rows, [count]] = await Promise.all([
      builder.rows(
        builder.raw(
          `select substr(f.comment, 1, ${MAX_COMMENT_CHARACTERS}) as comment, f.customer_id ${from} ` +
            `order by f.responded_at desc, f.id desc limit ${MAX_COMMENTS}`,
          [where],
        ),
      ),
      builder.rows(builder.raw(`select count(*) as total ${from}`, [where])),
    ]);
    return {
      newest: rows.map((row) => ({ text: String(row.comment), customerId: Number(row.customer_id) })),
      total: Number(count?.total ?? 0),
    };
  }
}

/** Reasons by code point, the reason-less contacts last (as the metrics order them). */
function compareReasons(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/** A percent under its name and under `share`, its deprecated alias. */
function sharePct<Name extends string>(name: Name, value: number): Record<Name | 'share', number> {
  return { [name]: value, share: value } as Record<Name | 'share', number>;
}
