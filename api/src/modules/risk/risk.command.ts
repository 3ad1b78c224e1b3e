import type { Command } from 'commander';
import { CliError } from '../../cli/cli-error.js';
import { withOrm } from '../../cli/with-orm.js';
import type { Orm } from '../../database/orm.js';
import type { RiskModel } from './risk-model.entity.js';
import type { RefreshSummary } from './risk-refresh.service.js';
import { RiskService } from './risk.service.js';
import { FOLDS, RiskTrainingError } from './risk-training.service.js';

/** `pnpm cx risk train | refresh`: fit the churn-risk model, or rescore every active customer. */
export function registerRiskCommand(program: Command): void {
  const risk = program.command('risk').description('Churn-risk model: train it, refresh the scores.');
  risk
    .command('train')
    .description(
      'Fit the churn-risk model on customers whose outcome is known, report its quality, rescore everyone.',
    )
    .action(() =>
      withOrm(async (orm) => {
        const { model, refresh } = await trainOrExplain(orm);
        console.log(formatModel(model));
        console.log(formatRefresh(refresh));
      }),
    );
  risk
    .command('refresh')
    .description(
      'Rescore every active customer with the latest model (imports rescore the customers they touch).',
    )
    .action(() =>
      withOrm(async (orm) => {
        const refresh = await new RiskService(orm.em.fork()).refreshAll();
        if (!refresh.modelVersion)
          throw new CliError('no churn-risk model yet: run `pnpm cx risk train` first');
        console.log(formatRefresh(refresh));
      }),
    );
}

/** Trains the model when there is none and the data allows it (after a seed, on start), and says so. */
export async function trainRiskModelIfMissing(orm: Orm): Promise<void> {
  const trained = await new RiskService(orm.em.fork()).ensureModel();
  if (trained) console.log(`${formatModel(trained.model)}\n${formatRefresh(trained.refresh)}`);
}

async function trainOrExplain(orm: Orm) {
  try {
    return await new RiskService(orm.em.fork()).trainAndRefresh();
  } catch (error) {
    if (error instanceof RiskTrainingError) throw new CliError(error.message);
    throw error;
  }
}

export function formatModel(model: RiskModel): string {
  const percent = (value: number) => `${(100 * value).toFixed(1)}%`;
  const fixed = (value: number | null, digits = 3) => (value === null ? 'n/a' : value.toFixed(digits));
  const gap = (baseline: number | null) =>
    model.auc === null || baseline === null ? '' : ` (model ${fixed(model.auc - baseline)} better)`;
  return [
    `Trained churn-risk model ${model.version}: features as of ${model.snapshots} snapshot${model.snapshots === 1 ? '' : 's'} ` +
      `30 days apart, the latest ${model.snapshotAt.toISOString()}, churn within ${model.outcomeDays} days after each.`,
    `  examples ${model.trainingCustomers.toLocaleString('en')} (${model.trainingChurners.toLocaleString('en')} churned), ` +
      `each measured by a model fitted without its customer (${FOLDS}-fold cross-validation by customer id hash)`,
    `  out-of-fold AUC ${model.auc === null ? 'n/a (one outcome only)' : model.auc.toFixed(3)}` +
      (model.aucLower === null ? '' : ` (95% interval ${fixed(model.aucLower)}-${fixed(model.aucUpper)})`),
    `  baselines on the same customers: latest NPS only ${fixed(model.npsBaselineAuc)}${gap(model.npsBaselineAuc)}, ` +
      `contacts in 30 days ${fixed(model.contactsBaselineAuc)}${gap(model.contactsBaselineAuc)}`,
    `  top 10% of scores hold ${model.topDecileFraction === null ? 'n/a' : percent(model.topDecileFraction)} of the churners; ` +
      `Brier score ${fixed(model.brierScore, 4)}`,
    '  out-of-fold calibration by decile (mean predicted → observed, its 95% interval counting each customer once; examples, customers):',
    ...model.calibration.map(
      (bin, i) =>
        `    ${String(i + 1).padStart(2)}: ${percent(bin.avgPredicted).padStart(6)} → ${percent(bin.observedFraction).padStart(6)}` +
        (bin.observedLower == null
          ? ''
          : `  [${percent(bin.observedLower)}-${percent(bin.observedUpper!)}]${bin.avgPredicted < bin.observedLower || bin.avgPredicted > bin.observedUpper! ? ' outside' : ''}`) +
        `  (${bin.customers}${bin.distinctCustomers == null ? '' : `, ${bin.distinctCustomers}`})`,
    ),
    `  largest gap ${model.calibrationMaxGap === null ? 'n/a' : `${(100 * model.calibrationMaxGap).toFixed(1)} points`}; ` +
      `deciles whose prediction lies outside the interval: ${model.calibrationMisses ?? 'n/a'} of ${model.calibration.length}`,
  ].join('\n');
}

function formatRefresh(refresh: RefreshSummary): string {
  return (
    `Scored ${refresh.scored.toLocaleString('en')} active customers as of ${refresh.asOf?.toISOString() ?? 'n/a'} in ` +
    `${(refresh.durationMs / 1000).toFixed(2)} s; ${refresh.atRisk.toLocaleString('en')} at high risk (score ≥ ${refresh.threshold}).`
  );
}
