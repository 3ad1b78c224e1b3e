import { findFactsByCustomer, findNewestByOwner } from '../customers/facts-by-customer.js';
import type { EntityManager } from '@mikro-orm/knex';
import { selectRows, toDbValue, dialectOf } from '../../database/dialect.js';
import type { Connection, PageRequest } from '../../core/pagination.js';
import { definedOnly, oneOf } from '../../core/filters.js';
import { paginate } from '../../database/paginate.js';
import { userInputError } from '../../core/errors.js';
import { graphqlEnumName } from '../metrics/dimension.js';
import { AlertAction } from './alert-action.js';
import { AlertEvent } from './alert-event.entity.js';
import { alertEventsCommitted } from './alert-events-signal.js';
import { parseAlertId } from './alert-id.js';
import { AlertStatus } from './alert-status.js';
import { Alert } from './alert.entity.js';
import type { ChangeActor } from './change-actor.js';
import type { AlertCounts } from './dto/alert-counts.type.js';
import type { AlertFilter } from './dto/alert-filter.input.js';

/** Statuses of the open work: an alert in one of them becomes overdue when its dueAt passes. */
export const UNRESOLVED = [AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED, AlertStatus.CUSTOMER_CONTACTED];
const LOOP = 'the loop runs OPEN -> ACKNOWLEDGED -> CUSTOMER_CONTACTED -> RESOLVED, one step at a time';
const MAX_TEXT = 4_000;
const MAX_OWNER = 200;

/** The steps of the loop, by the mutation that takes each: from which status, to which, stamped where. */
const LOOP_STEPS = {
  acknowledgeAlert: {
    from: AlertStatus.OPEN,
    to: AlertStatus.ACKNOWLEDGED,
    action: AlertAction.ACKNOWLEDGED,
    stamp: 'acknowledgedAt',
  },
  recordCustomerContact: {
    from: AlertStatus.ACKNOWLEDGED,
    to: AlertStatus.CUSTOMER_CONTACTED,
    action: AlertAction.CUSTOMER_CONTACTED,
    stamp: 'customerContactedAt',
  },
  resolveAlert: {
    from: AlertStatus.CUSTOMER_CONTACTED,
    to: AlertStatus.RESOLVED,
    action: AlertAction.RESOLVED,
    stamp: 'resolvedAt',
  },
} as const;

export type LoopStep = keyof typeof LOOP_STEPS;

/** One change to an alert: the statuses it may start from, where it leads, what it sets and records. */
interface AlertChange {
  /** The mutation, for error messages. */
  operation: string;
  from: readonly AlertStatus[];
  /** The new status; the current one when absent. */
  to?: AlertStatus;
  set?: (
    now: Date,
  ) => Partial<Pick<Alert, 'owner' | 'acknowledgedAt' | 'customerContactedAt' | 'resolvedAt'>>;
  events: { action: AlertAction; text?: string | null }[];
}

export class AlertService {
  constructor(private readonly em: EntityManager) {}

  findById(id: string): Promise<Alert | null> {
    return this.em.findOne(Alert, parseAlertId(id));
  }

  /** A page of alerts, the soonest due first (ties in the order they were raised). */
  list(filter: AlertFilter, page: PageRequest, now = new Date()): Promise<Connection<Alert>> {
    const where = definedOnly({
      status: oneOf(filter.statuses),
      rule: oneOf(filter.rules),
      owner: filter.owner ?? undefined,
      tier: oneOf(filter.tiers),
      customer:
        filter.customerId == null && filter.generations == null
          ? undefined
          : definedOnly({
              externalId: filter.customerId ?? undefined,
              generation: oneOf(filter.generations),
            }),
      triggeredAt:
        filter.triggeredFrom == null && filter.triggeredTo == null
          ? undefined
          : definedOnly({ $gte: filter.triggeredFrom ?? undefined, $lt: filter.triggeredTo ?? undefined }),
    });
    const overdue =
      filter.overdue == null
        ? {}
        : filter.overdue
          ? { status: { $in: UNRESOLVED }, dueAt: { $lt: now } }
          : { $or: [{ status: AlertStatus.RESOLVED }, { dueAt: { $gte: now } }] };
    return paginate<Alert>(this.em, Alert, { $and: [where, overdue] }, page, 'dueAt');
  }

  /** The alerts of these customers (internal ids) in one query, each customer's oldest first. */
  findByCustomerIds(customerIds: readonly number[], last: number | null = null): Promise<Alert[]> {
    return findFactsByCustomer(this.em, Alert, 'openedAt', customerIds, last);
  }

  /** The `last` most recent entries of these alerts' audit trails in one query, oldest change first. */
  findEventsByAlertIds(alertIds: readonly number[], last: number): Promise<AlertEvent[]> {
    return findNewestByOwner(this.em, AlertEvent, 'alert', 'at', alertIds, last);
  }

  /** How many entries each of these alerts' audit trails has, in one grouped query (absent: none). */
  async countEventsByAlertIds(alertIds: readonly number[]): Promise<Map<number, number>> {
    const rows: { alert_id: number | string; events: number | string }[] = await this.em
      .getKnex()('alert_events')
      .select('alert_id')
      .count({ events: '*' })
      .whereIn('alert_id', [...alertIds])
      .groupBy('alert_id');
    return new Map(rows.map((row) => [Number(row.alert_id), Number(row.events)]));
  }

  /** Entries of audit trails by id, in one query. */
  findEventsByIds(ids: readonly number[]): Promise<AlertEvent[]> {
    return this.em.find(AlertEvent, { id: { $in: [...ids] } });
  }

  /** Unresolved, open and overdue alerts, counted in one query. */
  async counts(now = new Date()): Promise<AlertCounts> {
    const dialect = dialectOf(this.em);
    const [row] = await selectRows(
      dialect,
      this.em
        .getKnex()
        .raw(
          'select count(*) as unresolved, ' +
            `coalesce(sum(case when status = '${AlertStatus.OPEN}' then 1 else 0 end), 0) as open, ` +
            'coalesce(sum(case when due_at < ? then 1 else 0 end), 0) as overdue ' +
            `from alerts where status <> '${AlertStatus.RESOLVED}'`,
          [toDbValue(dialect, now) as Date | number],
        ),
    );
    return { unresolved: Number(row!.unresolved), open: Number(row!.open), overdue: Number(row!.overdue) };
  }

  /** Moves an alert one step along the loop, with an optional note. */
  advance(step: LoopStep, id: string, actor: ChangeActor, note: string | null = null): Promise<Alert> {
    const { from, to, action, stamp } = LOOP_STEPS[step];
    return this.change(id, actor, {
      operation: step,
      from: [from],
      to,
      set: (now) => ({ [stamp]: now }),
      events: [{ action }, ...noteEvent(note)],
    });
  }

  assign(id: string, owner: string, actor: ChangeActor): Promise<Alert> {
    const name = checkedText('owner', owner, MAX_OWNER);
    return this.change(id, actor, {
      operation: 'assignAlert',
      from: UNRESOLVED,
      set: () => ({ owner: name }),
      events: [{ action: AlertAction.ASSIGNED, text: name }],
    });
  }

  addNote(id: string, text: string, actor: ChangeActor): Promise<Alert> {
    return this.change(id, actor, {
      operation: 'addAlertNote',
      from: Object.values(AlertStatus),
      events: noteEvent(text, 'text'),
    });
  }

  /**
   * Applies one change in a transaction: checks the alert's status, updates it only if that status is
   * still current (so two concurrent acknowledgements cannot both succeed), and appends the audit trail.
   */
  private async change(id: string, actor: ChangeActor, change: AlertChange): Promise<Alert> {
    const alertId = parseAlertId(id);
    await this.em.transactional(async (em) => {
      const alert = await em.findOne(Alert, alertId, { refresh: true });
      if (!alert) throw userInputError('id', id, 'the id of an existing alert');
      const current = alert.status;
      const now = new Date();
      const updated = change.from.includes(current)
        ? await em.nativeUpdate(
            Alert,
            { id: alertId, status: current },
            { status: change.to ?? current, ...change.set?.(now) },
          )
        : 0;
      if (updated === 0) throw invalidTransition(id, change, current);
      await em.insertMany(
        AlertEvent,
        change.events.map(({ action, text }) => ({
          alert: alertId,
          at: now,
          action,
          status: change.to ?? current,
          text: text ?? null,
          actorName: actor.name,
          actorKind: actor.kind,
        })),
      );
    });
    alertEventsCommitted();
    return this.em.findOneOrFail(Alert, alertId, { refresh: true });
  }
}

/** The note event of a change; `argument` names the argument that carried the note, for errors. */
function noteEvent(note: string | null, argument = 'note'): AlertChange['events'] {
  return note == null
    ? []
    : [{ action: AlertAction.NOTE_ADDED, text: checkedText(argument, note, MAX_TEXT) }];
}

function checkedText(argument: string, value: string, maxLength: number): string {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.length > maxLength) {
    throw userInputError(argument, value, `a non-blank text of at most ${maxLength} characters`);
  }
  return trimmed;
}

function invalidTransition(id: string, change: AlertChange, current: AlertStatus) {
  const expected = change.from.map(graphqlEnumName).join(' or ');
  return userInputError(
    'id',
    id,
    `an alert in status ${expected} for ${change.operation}, but alert ${id} is ${graphqlEnumName(current)} (${LOOP})`,
  );
}
