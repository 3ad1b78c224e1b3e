import { fromDbTime } from '../../database/dialect.js';
import type { SqlBuilder } from '../metrics/sql-builder.js';
import type { FittedFeature } from './dto/risk-model.types.js';
import type { ScoringModel } from './risk-scoring.js';

/**
 * Reads the risk tables with raw SQL on the builder's connection, so that an import's follow-up sees
 * (and does not wait for) its own transaction.
 */

/** The newest model, or null before the first training. */
export async function latestModel(builder: SqlBuilder): Promise<ScoringModel | null> {
  const [row] = await builder.rows(
    builder.raw('select version, intercept, features from risk_models order by id desc limit 1'),
  );
  if (!row) return null;
  return {
    version: String(row.version),
    intercept: Number(row.intercept),
    features: JSON.parse(String(row.features)) as FittedFeature[],
  };
}

/**
 * The end of the data, exclusive: just after the latest contact, survey response, self-service session or
 * churn. Scores
 * are computed as of it rather than the wall clock, so that windows ("contacts in 30 days") mean the same
 * for data imported late or seeded up to a past day. Null without any data.
 */
export async function dataEnd(builder: SqlBuilder): Promise<Date | null> {
  const [row] = await builder.rows(
    builder.raw(
      'select max(latest) as latest from (' +
        'select max(started_at) as latest from contacts union all ' +
        'select max(responded_at) from survey_responses union all ' +
        'select max(started_at) from self_service_sessions union all ' +
        'select max(churned_at) from customers) m',
    ),
  );
  return row?.latest == null ? null : new Date(fromDbTime(row.latest).getTime() + 1);
}

/** The earliest fact (contact, survey response or self-service session); null without any. */
export async function dataStart(builder: SqlBuilder): Promise<Date | null> {
  const [row] = await builder.rows(
    builder.raw(
      'select min(earliest) as earliest from (' +
        'select min(started_at) as earliest from contacts union all ' +
        'select min(responded_at) from survey_responses union all ' +
        'select min(started_at) from self_service_sessions) m',
    ),
  );
  return row?.earliest == null ? null : fromDbTime(row.earliest);
}
