import type { EntityManager, Knex } from '@mikro-orm/knex';
import { bulkUpsert, readsBesideTransaction, type BulkUpsert } from '../../database/dialect.js';
import { maintainRiskScores, rebuildRiskScores } from '../metrics/rollups/derived-rollups.js';
import { SqlBuilder } from '../metrics/sql-builder.js';
import {
  customerChunks,
  customerFeatures,
  listedCustomerChunks,
  type CustomerScope,
} from './risk-features.js';
import { explainScore, type ScoringModel } from './risk-scoring.js';
import { dataEnd, latestModel } from './risk-store.js';
import { highRiskThreshold } from './high-risk-threshold.js';
import { recordSnapshot } from './risk-history.js';

export interface RefreshSummary {
  /** Active customers scored. */
  scored: number;
  /** Of them, scores at or above the high-risk threshold. */
  atRisk: number;
  /** The high-risk threshold (the risk-jump alert rule's). */
  threshold: number;
  /** The instant features were taken as of (the end of the data). */
  asOf: Date | null;
  modelVersion: string | null;
  durationMs: number;
}

const FACT_TABLES = ['survey_responses', 'contacts', 'self_service_sessions'];

/**
 * Recomputes churn-risk scores inside a transaction: features of active customers as of the end of the
 * data, score and drivers from the latest model, upserted into customer_risk (the old score moves to
 * previous_score); rows of customers who have since churned are removed. Then the day's risk snapshot
 * (risk-history.ts) is rewritten from the scores as they now are.
 */
export class RiskRefreshService {
  private readonly builder: SqlBuilder;

  constructor(
    private readonly em: EntityManager,
    private readonly trx: Knex.Transaction,
    private readonly threshold = highRiskThreshold(),
  ) {
    this.builder = new SqlBuilder(em, trx);
  }

  /**
   * Every active customer, a chunk of ids at a time, as of the end of the data or, given, an earlier instant
   * (from the facts before it: the scores the customers had then).
   */
  async refreshAll(scoredAt: Date, asOf?: Date): Promise<RefreshSummary> {
    return this.refresh(await customerChunks(this.builder), scoredAt, asOf, true);
  }

  /**
   * Where a full refresh reads features: it writes no facts, so on PostgreSQL another connection can read the
   * next chunk's while this transaction writes the last one's scores (two server processes at work, not one).
   */
  private featureReader(full: boolean): SqlBuilder {
    return full && readsBesideTransaction(this.builder.dialect)
      ? new SqlBuilder(this.em, this.em.getKnex())
      : this.builder;
  }

  /**
   * The customers an import wrote at `writtenAt`: the customers themselves and those with a fact it
   * inserted or changed (rows carry updated_at = writtenAt; each table has an index on it). Listed once,
   * then rescored CUSTOMERS_PER_CHUNK at a time, whatever the size of the import.
   */
  async refreshTouched(writtenAt: Date): Promise<RefreshSummary> {
    const touched = await this.builder.rows(
      this.builder.raw(
        [
          'select id from customers where updated_at = ?',
          ...FACT_TABLES.map((table) => `select customer_id from ${table} where updated_at = ?`),
        ].join(' union '),
        Array<Date>(FACT_TABLES.length + 1).fill(writtenAt),
      ),
    );
    const ids = touched.map((row) => Number(row.id)).sort((a, b) => a - b);
    return this.refresh(listedCustomerChunks(ids), writtenAt);
  }

  /**
   * Scores the active customers of each chunk and removes the scores of those of them who have churned
   * (chunks of a full refresh cover every id, so every churned customer's score goes). The churn-risk counts
   * rollup follows each chunk, or after a full refresh is rebuilt once from all the scores.
   */
  private async refresh(
    chunks: CustomerScope[],
    scoredAt: Date,
    instant?: Date,
    full = false,
  ): Promise<RefreshSummary> {
    const started = performance.now();
    const [model, end] = await Promise.all([latestModel(this.builder), dataEnd(this.builder)]);
    const asOf = instant ?? end;
    const summary: RefreshSummary = {
      scored: 0,
      atRisk: 0,
      threshold: this.threshold,
      asOf,
      modelVersion: model?.version ?? null,
      durationMs: 0,
    };
    if (model && asOf) {
      const upsert = this.upsert();
      const reader = this.featureReader(full);
      // The next chunk's features are read (and scored) while this one's scores are written.
      const score = (index: number) => {
        const scoring = this.scoreChunk(reader, model, asOf, chunks[index]!, scoredAt);
        scoring.catch(() => undefined); // awaited below; not an unhandled rejection meanwhile
        return scoring;
      };
      let next = chunks.length > 0 ? score(0) : null;
      for (let index = 0; index < chunks.length; index++) {
        const scope = chunks[index]!;
        const rows = await next!;
        next = index + 1 < chunks.length ? score(index + 1) : null;
        await this.builder.raw(
          'delete from customer_risk where customer_id in (select c.id from customers c where ? and c.churned_at is not null)',
          [scope(this.builder, 'c.id')],
        );
        // The churn-risk counts rollup loses the chunk's old scores and gains its new ones.
        const chunk = (column: string) => scope(this.builder, column);
        if (!full) await maintainRiskScores(this.trx, this.builder.dialect, -1, chunk);
        for (let start = 0; start < rows.length; start += upsert.rowsPerStatement) {
          await upsert.run(rows.slice(start, start + upsert.rowsPerStatement));
        }
        if (!full) await maintainRiskScores(this.trx, this.builder.dialect, 1, chunk);
        summary.scored += rows.length;
        summary.atRisk += rows.filter((row) => (row[1] as number) >= this.threshold).length;
      }
      if (full) await rebuildRiskScores(this.trx, this.builder.dialect);
      await recordSnapshot(this.builder, asOf, this.threshold);
    }
    summary.durationMs = performance.now() - started;
    return summary;
  }

  private async scoreChunk(
    reader: SqlBuilder,
    model: ScoringModel,
    asOf: Date,
    scope: CustomerScope,
    scoredAt: Date,
  ): Promise<unknown[][]> {
    const customers = await customerFeatures(reader, asOf, scope);
    return customers.map(({ id, values }) => {
      const { score, drivers } = explainScore(model, values);
      return [id, score, JSON.stringify(drivers), scoredAt, model.version];
    });
  }

  private upsert(): BulkUpsert {
    return bulkUpsert(
      this.builder.dialect,
      this.trx,
      'customer_risk',
      [
        { name: 'customer_id', type: 'integer' },
        { name: 'score', type: 'integer' },
        { name: 'drivers', type: 'text' },
        { name: 'scored_at', type: 'timestamptz' },
        { name: 'model_version', type: 'text' },
      ],
      'on conflict (customer_id) do update set previous_score = customer_risk.score, score = excluded.score, ' +
        'drivers = excluded.drivers, scored_at = excluded.scored_at, model_version = excluded.model_version',
    );
  }
}
