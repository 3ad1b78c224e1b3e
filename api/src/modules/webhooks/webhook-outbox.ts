import type { EntityManager, Knex } from '@mikro-orm/knex';
import { dialectOf, fromDbTime, selectRows, toDbValue, type Dialect } from '../../database/dialect.js';
import type { Connection, PageRequest } from '../../core/pagination.js';
import { definedOnly } from '../../core/filters.js';
import { paginate } from '../../database/paginate.js';
import { userInputError } from '../../core/errors.js';
import { parseAlertId, parseRowId } from '../alerts/alert-id.js';
import { Tier } from '../customers/tier.js';
import type { WebhookDeliveryFilter } from './dto/webhook-delivery-filter.input.js';
import type { DeliveryCounts, WebhookEndpoint } from './dto/webhook-endpoint.type.js';
import { WebhookDeliveryStatus } from './webhook-delivery-status.js';
import { WebhookDelivery } from './webhook-delivery.entity.js';
import { WebhookEndpointStart } from './webhook-endpoint-start.entity.js';
import type { WebhookEndpointConfig } from './webhooks.config.js';

const { PENDING, DELIVERED, FAILED } = WebhookDeliveryStatus;

/** A delivery a dispatcher has claimed, with what its payload tells about the event and its alert. */
export interface ClaimedDelivery {
  id: number;
  endpoint: string;
  /** This attempt's number, from 1 (counted at the claim: a crash mid-POST still used an attempt). */
  attempt: number;
  event: {
    id: number;
    at: Date;
    action: string;
    status: string;
    text: string | null;
    actorName: string;
    actorKind: string;
  };
  alert: {
    id: number;
    rule: string;
    status: string;
    tier: string;
    value: number;
    triggerKey: string;
    triggeredAt: Date;
    openedAt: Date;
    dueAt: Date;
    owner: string | null;
  };
  customer: { id: string; name: string | null; email: string | null };
}

/** How one attempt ended, as the delivery log records it. */
export type AttemptOutcome =
  | { delivered: true; statusCode: number }
  | { delivered: false; statusCode: number | null; error: string; retryAt: Date | null };

/**
 * The webhook queue over the database: alert_events is the outbox (every alert change commits its event
 * in the change's own transaction), webhook_deliveries the per-endpoint queue and delivery log. Every
 * step is one statement, safe with several API processes on one database.
 */
export class WebhookOutbox {
  private readonly dialect: Dialect;
  private readonly knex: Knex;

  constructor(private readonly em: EntityManager) {
    this.dialect = dialectOf(em);
    this.knex = em.getKnex();
  }

  /** When each endpoint started receiving events; endpoints seen for the first time start `now`. */
  async startPoints(names: readonly string[], now: Date): Promise<Map<string, Date>> {
    if (names.length === 0) return new Map();
    await this.knex.raw(
      `insert into webhook_endpoints (name, configured_at) values ${names.map(() => '(?, ?)').join(', ')} ` +
        'on conflict (name) do nothing',
      names.flatMap((name) => [name, this.db(now)]),
    );
    const rows = await selectRows(
      this.dialect,
      this.knex.raw(
        `select name, configured_at from webhook_endpoints where name in (${names.map(() => '?').join(', ')})`,
        [...names],
      ),
    );
    return new Map(rows.map((row) => [row.name as string, fromDbTime(row.configured_at)]));
  }

  /**
   * Queues the alert events at or after `from` that `endpoint` wants and has no delivery of yet: an
   * anti-join rather than a "last id seen" marker, because PostgreSQL ids are handed out at insert and
   * may commit out of order (a long import's events appear after later ids). Returns how many it queued.
   */
  async enqueue(endpoint: WebhookEndpointConfig, from: Date, now: Date): Promise<number> {
    const conditions = ['e.at >= ?'];
    const bindings: Knex.Value[] = [this.db(from)];
    if (endpoint.actions) {
      conditions.push(`e.action in (${endpoint.actions.map(() => '?').join(', ')})`);
      bindings.push(...endpoint.actions);
    }
    if (endpoint.rules) {
      conditions.push(`a.rule in (${endpoint.rules.map(() => '?').join(', ')})`);
      bindings.push(...endpoint.rules);
    }
    if (endpoint.minimumTier === Tier.VIP) conditions.push(`a.tier = '${Tier.VIP}'`);
    const result: unknown = await this.knex.raw(
      'insert into webhook_deliveries (endpoint, event_id, status, attempts, next_attempt_at, created_at) ' +
        `select cast(? as text), e.id, '${PENDING}', 0, ?, ? from alert_events e join alerts a on a.id = e.alert_id ` +
        `where ${conditions.join(' and ')} and not exists ` +
        '(select 1 from webhook_deliveries d where d.endpoint = ? and d.event_id = e.id) ' +
        'on conflict (endpoint, event_id) do nothing',
      [endpoint.name, this.db(now), this.db(now), ...bindings, endpoint.name],
    );
    return rowsChanged(result);
  }

  /**
   * Claims up to `limit` due deliveries of `endpoints` for `leaseMs`, in one UPDATE whose conditions are
   * checked again on each row as it is locked, so two dispatchers never claim the same delivery; a lease
   * left by a process that died expires and the delivery is claimed again.
   */
  async claim(
    endpoints: readonly string[],
    claimedBy: string,
    now: Date,
    leaseMs: number,
    limit: number,
  ): Promise<ClaimedDelivery[]> {
    if (endpoints.length === 0) return [];
    const claimable =
      `status = '${PENDING}' and next_attempt_at <= ? and (claimed_until is null or claimed_until <= ?) ` +
      `and endpoint in (${endpoints.map(() => '?').join(', ')})`;
    const claimableBindings = [this.db(now), this.db(now), ...endpoints];
    const claimed = await selectRows(
      this.dialect,
      this.knex.raw(
        'update webhook_deliveries set claimed_until = ?, claimed_by = ?, attempts = attempts + 1, ' +
          `last_attempt_at = ? where id in (select id from webhook_deliveries where ${claimable} ` +
          `order by next_attempt_at, id limit ?) and ${claimable} returning id`,
        [
          this.db(new Date(now.getTime() + leaseMs)),
          claimedBy,
          this.db(now),
          ...claimableBindings,
          limit,
          ...claimableBindings,
        ],
      ),
    );
    if (claimed.length === 0) return [];
    return this.describe(claimed.map((row) => Number(row.id)));
  }

  /** Records how the claimed attempt ended; ignored when the claim was lost (its lease expired and was retaken). */
  async record(delivery: ClaimedDelivery, claimedBy: string, now: Date, outcome: AttemptOutcome) {
    const released = { claimedUntil: null, claimedBy: null, lastStatusCode: outcome.statusCode };
    await this.em.nativeUpdate(
      WebhookDelivery,
      { id: delivery.id, claimedBy },
      outcome.delivered
        ? { ...released, status: DELIVERED, deliveredAt: now, lastError: null }
        : {
            ...released,
            lastError: outcome.error,
            ...(outcome.retryAt ? { nextAttemptAt: outcome.retryAt } : { status: FAILED }),
          },
    );
  }

  /**
   * Puts a FAILED delivery back in the queue, due now, with a fresh retry schedule, and answers it as
   * requeued: read in the same transaction, before a dispatcher can claim it (its claim waits for the lock).
   */
  async redeliver(id: string, now: Date): Promise<WebhookDelivery> {
    const deliveryId = parseRowId(id, 'id', 'a webhook delivery', 'webhookDeliveries');
    return this.em.transactional(async (em) => {
      const updated = await em.nativeUpdate(
        WebhookDelivery,
        { id: deliveryId, status: FAILED },
        { status: PENDING, attempts: 0, nextAttemptAt: now },
      );
      if (updated === 0) throw userInputError('id', id, 'the id of a FAILED webhook delivery');
      return em.findOneOrFail(WebhookDelivery, deliveryId, { refresh: true });
    });
  }

  /** A page of the delivery log, the oldest queued first. */
  list(filter: WebhookDeliveryFilter, page: PageRequest): Promise<Connection<WebhookDelivery>> {
    const where = definedOnly({
      endpoint: filter.endpoint ?? undefined,
      status: filter.status ?? undefined,
      event: filter.alertId == null ? undefined : { alert: parseAlertId(filter.alertId, 'filter.alertId') },
    });
    return paginate<WebhookDelivery>(this.em, WebhookDelivery, where, page, 'createdAt');
  }

  /** The configured endpoints with their start points and delivery counts (two queries, whatever their number). */
  async describeEndpoints(endpoints: readonly WebhookEndpointConfig[]): Promise<WebhookEndpoint[]> {
    const counts = await this.counts();
    const starts = await this.em.find(WebhookEndpointStart, {});
    const since = new Map(starts.map(({ name, configuredAt }) => [name, configuredAt]));
    return endpoints.map(
      ({ name, url, format, enabled, includePersonalData, actions, rules, minimumTier }) => ({
        name,
        origin: new URL(url).origin,
        format,
        enabled,
        includePersonalData,
        actions: actions ?? null,
        rules: rules ?? null,
        minimumTier,
        since: since.get(name) ?? null,
        ...(counts.get(name) ?? { pending: 0, delivered: 0, failed: 0 }),
      }),
    );
  }

  /** Deliveries waiting, over every endpoint. */
  pendingCount(): Promise<number> {
    return this.em.count(WebhookDelivery, { status: PENDING });
  }

  /** Deliveries per endpoint and status, in one grouped query (endpoints without any are absent). */
  private async counts(): Promise<Map<string, DeliveryCounts>> {
    const rows = await selectRows(
      this.dialect,
      this.knex.raw(
        'select endpoint, status, count(*) as n from webhook_deliveries group by endpoint, status',
      ),
    );
    const counts = new Map<string, DeliveryCounts>();
    for (const { endpoint, status, n } of rows) {
      const entry = counts.get(endpoint as string) ?? { pending: 0, delivered: 0, failed: 0 };
      entry[status as WebhookDeliveryStatus] = Number(n);
      counts.set(endpoint as string, entry);
    }
    return counts;
  }

  /** The events and alerts behind claimed deliveries, in one query. */
  private async describe(ids: number[]): Promise<ClaimedDelivery[]> {
    const rows = await selectRows(
      this.dialect,
      this.knex.raw(
        'select d.id, d.endpoint, d.attempts, e.id as event_id, e.at, e.action, e.status as event_status, e.text, ' +
          'e.actor_name, e.actor_kind, a.id as alert_id, a.rule, a.status, a.tier, a.value, a.trigger_key, ' +
          'a.triggered_at, a.opened_at, a.due_at, a.owner, c.external_id, c.name, c.email ' +
          'from webhook_deliveries d join alert_events e on e.id = d.event_id join alerts a on a.id = e.alert_id ' +
          `join customers c on c.id = a.customer_id where d.id in (${ids.map(() => '?').join(', ')}) order by d.id`,
        ids,
      ),
    );
    return rows.map((row) => ({
      id: Number(row.id),
      endpoint: row.endpoint as string,
      attempt: Number(row.attempts),
      event: {
        id: Number(row.event_id),
        at: fromDbTime(row.at),
        action: row.action as string,
        status: row.event_status as string,
        text: row.text as string | null,
        actorName: row.actor_name as string,
        actorKind: row.actor_kind as string,
      },
      alert: {
        id: Number(row.alert_id),
        rule: row.rule as string,
        status: row.status as string,
        tier: row.tier as string,
        value: Number(row.value),
        triggerKey: row.trigger_key as string,
        triggeredAt: fromDbTime(row.triggered_at),
        openedAt: fromDbTime(row.opened_at),
        dueAt: fromDbTime(row.due_at),
        owner: row.owner as string | null,
      },
      customer: {
        id: row.external_id as string,
        name: row.name as string | null,
        email: row.email as string | null,
      },
    }));
  }

  private db(value: Date): Knex.Value {
    return toDbValue(this.dialect, value) as Knex.Value;
  }
}

/** Rows an INSERT changed, from knex's raw result (node-postgres' rowCount, better-sqlite3's changes). */
function rowsChanged(result: unknown): number {
  const { rowCount, changes } = result as { rowCount?: number; changes?: number };
  return rowCount ?? changes ?? 0;
}
