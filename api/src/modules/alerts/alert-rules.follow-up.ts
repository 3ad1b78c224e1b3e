import type { Knex } from '@mikro-orm/knex';
import { isEscalatedSession, isNps } from '../../core/conditions.js';
import { DAY_SECONDS, HOUR_SECONDS } from '../../core/time.js';
import { plusSeconds, timestampParameter, toDbValue, type Dialect } from '../../database/dialect.js';
import { loadAlertRules } from '../../config.js';
import type { ImportFollowUp, WrittenImport } from '../ingest/import-follow-up.js';
import { Tier } from '../customers/tier.js';
import { backfiringResponse } from '../selfservice/backfire.js';
import { ActorKind, AlertAction } from './alert-action.js';
import { signalWhenFinished } from './alert-events-signal.js';
import { AlertRule } from './alert-rule.js';
import type { AlertRulesConfig, SlaHours } from './alert-rules.config.js';
import { AlertStatus } from './alert-status.js';
import { PreferenceSource } from './live-agent-preference.entity.js';

/** Who the audit trail names for alerts raised by an import. */
const RULES_ACTOR = { name: 'alert rules', kind: ActorKind.SYSTEM };

/** The tier whose SLA applies to the customer aliased `customer`: customers without one count as standard. */
const tierOf = (customer: string) =>
  `case when ${customer}.tier = '${Tier.VIP}' then '${Tier.VIP}' else '${Tier.STANDARD}' end`;

/** Rows a rule selects: the triggering record's key, its customer, the number that tripped it, and when. */
interface RuleSource {
  /** SQL with columns trigger_key, customer_id, value, triggered_at. */
  sql: string;
  bindings: Knex.Value[];
}

/**
 * Raises the alerts of one import: every enabled rule is one INSERT … SELECT over the rows the import
 * wrote (updated_at = writtenAt), so the work is the database's and grows with the import, not with
 * the tables. The unique (rule, trigger_key) makes it idempotent: re-importing a record, changed or
 * not, never raises its alert twice (ON CONFLICT DO NOTHING).
 */
export class AlertRuleEvaluator {
  private readonly dialect: Dialect;
  private readonly trx: Knex.Transaction;
  private readonly writtenAt: Date;

  constructor(
    written: WrittenImport,
    private readonly rules: AlertRulesConfig,
  ) {
    ({ dialect: this.dialect, trx: this.trx, writtenAt: this.writtenAt } = written);
  }

  /** Every rule whose records the import writes (all but the risk jump, which follows the risk refresh). */
  async raiseFactAlerts(): Promise<void> {
    const { vipDetractor, backfiredSelfService, repeatContacts, longWait } = this.rules;
    if (vipDetractor.enabled) {
      await this.raise(
        AlertRule.VIP_DETRACTOR,
        vipDetractor.slaHours,
        this.detractorResponses(),
        `c.tier = '${Tier.VIP}'`,
      );
    }
    for (const anchor of ['s', 'r'] as const) {
      const backfires = this.backfires(anchor);
      if (backfiredSelfService.enabled) {
        await this.raise(AlertRule.BACKFIRED_SELF_SERVICE, backfiredSelfService.slaHours, backfires);
      }
      if (this.rules.automaticLiveAgentPreference) await this.preferLiveAgent(backfires);
    }
    if (repeatContacts.enabled) {
      await this.raise(AlertRule.REPEAT_CONTACTS, repeatContacts.slaHours, this.contactBursts());
    }
    if (longWait.enabled) await this.raise(AlertRule.LONG_WAIT, longWait.slaHours, this.longWaits());
  }

  /** Customers whose score this import's risk refresh took from below the threshold (or none) to it or above. */
  async raiseRiskAlerts(): Promise<void> {
    const { riskJump } = this.rules;
    if (!riskJump.enabled) return;
    await this.raise(AlertRule.RISK_JUMP, riskJump.slaHours, {
      sql:
        `select scored.external_id || '@' || cast(? as text) as trigger_key, r.customer_id, r.score as value, ` +
        `r.scored_at as triggered_at from customer_risk r join customers scored on scored.id = r.customer_id ` +
        `where r.scored_at = ? and r.score >= ? and (r.previous_score is null or r.previous_score < ?)`,
      bindings: [
        this.writtenAt.toISOString(),
        this.db(this.writtenAt),
        riskJump.threshold,
        riskJump.threshold,
      ],
    });
  }

  private detractorResponses(): RuleSource {
    return {
      sql:
        'select r.external_id as trigger_key, r.customer_id, r.score as value, r.responded_at as triggered_at ' +
        `from survey_responses r where r.updated_at = ? and ${isNps('r')} and r.score <= ?`,
      bindings: [this.db(this.writtenAt), this.rules.vipDetractor.maxScore],
    };
  }

  /**
   * Backfired sessions with the first low score that followed each, where the import wrote the session
   * (anchor `s`) or the score (anchor `r`): two statements, so that each starts from the index on the
   * rows just written.
   */
  private backfires(anchor: 's' | 'r'): RuleSource {
    return {
      sql:
        'select trigger_key, customer_id, value, triggered_at from (' +
        'select s.external_id as trigger_key, s.customer_id, r.score as value, r.responded_at as triggered_at, ' +
        'row_number() over (partition by s.id order by r.responded_at, r.id) as nth ' +
        `from self_service_sessions s join survey_responses r on ${backfiringResponse(this.dialect, 's', 'r')} ` +
        `where ${isEscalatedSession('s')} and ${anchor}.updated_at = ?) first_low where nth = 1`,
      bindings: [this.db(this.writtenAt)],
    };
  }

  /**
   * Contacts that bring their customer's count within the window (the contact and those started up to
   * windowDays before it; ties at the same instant in import order) to exactly the threshold: one alert
   * per burst, on the contact that completes it, rather than one per contact after it.
   */
  private contactBursts(): RuleSource {
    const { contacts, windowDays } = this.rules.repeatContacts;
    const windowStart = plusSeconds(this.dialect, 'k.started_at', -windowDays * DAY_SECONDS);
    return {
      sql:
        'select k.external_id as trigger_key, k.customer_id, cast(? as integer) as value, k.started_at as triggered_at ' +
        'from contacts k where k.updated_at = ? and (select count(*) from contacts o ' +
        `where o.customer_id = k.customer_id and o.started_at >= ${windowStart} ` +
        'and (o.started_at < k.started_at or (o.started_at = k.started_at and o.id <= k.id))) = ?',
      bindings: [contacts, this.db(this.writtenAt), contacts],
    };
  }

  /** Contacts that waited longer than the limit of their channel. */
  private longWaits(): RuleSource {
    const limits = Object.entries(this.rules.longWait.waitSeconds);
    return {
      sql:
        'select k.external_id as trigger_key, k.customer_id, k.wait_seconds as value, k.started_at as triggered_at ' +
        `from contacts k where k.updated_at = ? and k.wait_seconds > ` +
        `case k.channel ${limits.map(() => 'when ? then cast(? as integer)').join(' ')} end`,
      bindings: [this.db(this.writtenAt), ...limits.flat()],
    };
  }

  /**
   * Inserts the alerts of `source` not raised before, with the SLA of the customer's tier (customers
   * without one count as standard), and opens their audit trail. The SLA clock runs from the event
   * (triggered_at), not from the import: a complaint made in March and imported in December was due in
   * March, and shows as overdue rather than as due tomorrow.
   */
  private async raise(rule: AlertRule, sla: SlaHours, source: RuleSource, customerCondition = 'true') {
    const due = (hours: number) =>
      plusSeconds(this.dialect, 'x.triggered_at', Math.round(hours * HOUR_SECONDS));
    const time = timestampParameter(this.dialect);
    await this.trx.raw(
      'insert into alerts (rule, trigger_key, customer_id, tier, status, value, triggered_at, opened_at, due_at) ' +
        `select '${rule}', x.trigger_key, c.id, ${tierOf('c')}, ` +
        `'${AlertStatus.OPEN}', x.value, x.triggered_at, ${time}, ` +
        `case when c.tier = '${Tier.VIP}' then ${due(sla.vip)} else ${due(sla.standard)} end ` +
        `from (${source.sql}) x join customers c on c.id = x.customer_id where ${customerCondition} ` +
        'on conflict (rule, trigger_key) do nothing',
      [this.db(this.writtenAt), ...source.bindings],
    );
    await this.trx.raw(
      'insert into alert_events (alert_id, at, action, status, actor_name, actor_kind) ' +
        `select id, opened_at, '${AlertAction.OPENED}', '${AlertStatus.OPEN}', cast(? as text), '${RULES_ACTOR.kind}' ` +
        `from alerts where opened_at = ? and rule = '${rule}' ` +
        'and not exists (select 1 from alert_events e where e.alert_id = alerts.id)',
      [RULES_ACTOR.name, this.db(this.writtenAt)],
    );
  }

  /** Marks the customers of backfired sessions as preferring a live agent, unless a preference is on record. */
  private async preferLiveAgent(backfires: RuleSource): Promise<void> {
    await this.trx.raw(
      'insert into live_agent_preferences (customer_id, reason, source, since) ' +
        `select customer_id, cast(? as text), '${PreferenceSource.AUTOMATIC}', min(triggered_at) ` +
        `from (${backfires.sql}) x where true group by customer_id ` +
        'on conflict (customer_id) do nothing',
      [AUTOMATIC_PREFERENCE_REASON, ...backfires.bindings],
    );
  }

  private db(value: Date): Knex.Value {
    return toDbValue(this.dialect, value) as Knex.Value;
  }
}

export const AUTOMATIC_PREFERENCE_REASON =
  'Self-service backfired: an escalated session was followed within 7 days by a detractor NPS or a CSAT of 1-2.';

/** The import follow-up of the rules on surveys, contacts and self-service sessions. */
export const raiseAlerts: ImportFollowUp = async (written) => {
  await new AlertRuleEvaluator(written, loadAlertRules()).raiseFactAlerts();
  // This and the risk rules' events are the webhooks' to send once the import commits.
  signalWhenFinished(written.trx);
};

/** The import follow-up of the risk-jump rule; runs after the risk refresh, which it reads. */
export const raiseRiskAlerts: ImportFollowUp = (written) =>
  new AlertRuleEvaluator(written, loadAlertRules()).raiseRiskAlerts();
