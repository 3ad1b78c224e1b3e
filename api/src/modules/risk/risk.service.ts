import { DAY_MS } from '../../core/time.js';
import type { EntityManager } from '@mikro-orm/knex';
import { analyzeTable, dialectOf } from '../../database/dialect.js';
import { bumpDataVersion } from '../cache/data-version.js';
import type { Connection } from '../../core/pagination.js';
import { definedOnly, oneOf } from '../../core/filters.js';
import { paginate } from '../../database/paginate.js';
import { userInputError } from '../../core/errors.js';
import { countScoresFromRollup } from '../metrics/rollups/derived-queries.js';
import { CustomerRisk } from './customer-risk.entity.js';
import { RiskOrder, type ChurnRiskArgs, type RiskFilter } from './dto/churn-risk.args.js';
import { RiskModel } from './risk-model.entity.js';
import { RiskRefreshService, type RefreshSummary } from './risk-refresh.service.js';
import { RiskTrainingError, RiskTrainingService } from './risk-training.service.js';
import { backfillHistory, riskHistory } from './risk-history.js';
import type { RiskSnapshot } from './risk-snapshot.entity.js';
import { dataEnd, latestModel } from './risk-store.js';
import { SqlBuilder } from '../metrics/sql-builder.js';

/** Largest customer base whose risk history is filled in after the first training (each day is a full scoring). */
export const BACKFILL_MAX_CUSTOMERS = 200_000;

/** Churn risk: training and refreshing the model's scores, and reading them. */
export class RiskService {
  constructor(private readonly em: EntityManager) {}

  /** Fits a new model, then rescores every active customer with it. */
  async trainAndRefresh(now = new Date()): Promise<{ model: RiskModel; refresh: RefreshSummary }> {
    const model = await new RiskTrainingService(this.em).train(now);
    return { model, refresh: await this.refreshAll(now) };
  }

  /**
   * Trains when no model exists yet (after the demo seed, or on the first start over imported data), so
   * scores appear without a manual step; a database without enough known outcomes stays without one.
   * The first scores get a past: everyone is scored as of a week before the end of the data first (so
   * previousScore says where each customer stood then), and up to BACKFILL_MAX_CUSTOMERS customers the
   * risk history is filled every 14 days over the 12 weeks before, so the Overview has a trend at once.
   */
  async ensureModel(now = new Date()): Promise<{ model: RiskModel; refresh: RefreshSummary } | null> {
    if (await this.currentModel()) return null;
    let model: RiskModel;
    try {
      model = await new RiskTrainingService(this.em).train(now);
    } catch (error) {
      if (error instanceof RiskTrainingError) return null;
      throw error;
    }
    const end = await dataEnd(new SqlBuilder(this.em, this.em.getKnex()));
    if (end) await this.refreshAll(now, new Date(end.getTime() - 7 * DAY_MS));
    const refresh = await this.refreshAll(now);
    const scoring = await latestModel(new SqlBuilder(this.em, this.em.getKnex()));
    if (end && scoring && refresh.scored <= BACKFILL_MAX_CUSTOMERS) {
      await backfillHistory(this.em, scoring, end, refresh.threshold, { days: 84, everyDays: 14 });
    }
    return { model, refresh };
  }

  /**
   * Rescores every active customer in one transaction, which also changes the data version; then refreshes
   * the planner's statistics of the scores it rewrote, rather than leaving them to autovacuum: with a stale
   * count PostgreSQL hash-joins every customer to sum revenue at risk (300 ms instead of 2 ms at 1M).
   */
  async refreshAll(now = new Date(), asOf?: Date): Promise<RefreshSummary> {
    const summary = await this.em.getKnex().transaction(async (trx) => {
      const refreshed = await new RiskRefreshService(this.em, trx).refreshAll(now, asOf);
      await bumpDataVersion(trx, dialectOf(this.em));
      return refreshed;
    });
    await analyzeTable(this.em, 'customer_risk');
    return summary;
  }

  /** The daily risk snapshots of [from, to), oldest first: the whole base's, or the filter's segments'. */
  history(from: Date, to: Date, filter?: RiskFilter | null): Promise<RiskSnapshot[]> {
    if (!(from < to)) throw userInputError('to', to.toISOString(), 'an instant after from');
    return riskHistory(this.em, from, to, filter);
  }

  async currentModel(): Promise<RiskModel | null> {
    const [latest] = await this.em.find(RiskModel, {}, { orderBy: { id: 'desc' }, limit: 1 });
    return latest ?? null;
  }

  /** The latest scores of these customers (by internal id), in one query. */
  findByCustomerIds(customerIds: readonly number[]): Promise<CustomerRisk[]> {
    return this.em.find(CustomerRisk, { customer: { $in: [...customerIds] } });
  }

  /** A page of scored active customers at or above minScore, by score. */
  async churnRisk({ filter, minScore, orderBy, ...page }: ChurnRiskArgs): Promise<Connection<CustomerRisk>> {
    if (!Number.isInteger(minScore) || minScore < 0 || minScore > 100) {
      throw userInputError('minScore', minScore, 'a score from 0 to 100');
    }
    const where = {
      score: { $gte: minScore },
      customer: definedOnly({
        churnedAt: null,
        generation: oneOf(filter?.generations),
        region: oneOf(filter?.regions),
        tier: oneOf(filter?.tiers),
      }),
    };
    const connection = await paginate(this.em, CustomerRisk, where, page, {
      integer: 'score',
      descending: orderBy === RiskOrder.SCORE_DESC,
    });
    // The count from the churn-risk counts rollup rather than every matching score (seconds at millions).
    const countRows = async () =>
      (await countScoresFromRollup(this.em, filter ?? {}, minScore)) ?? connection.countRows();
    return { ...connection, countRows };
  }
}
