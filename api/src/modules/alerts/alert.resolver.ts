import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import {
  connectionType,
  DEFAULT_NESTED_LIST_SIZE,
  MAX_PAGE_SIZE,
  PageArgs,
  type Connection,
} from '../../graphql/connection.js';
import { nestedListSize } from '../customers/customer-history.resolver.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { CustomerFactResolver } from '../customers/customer-fact.resolver.js';
import { AlertEvent } from './alert-event.entity.js';
import { AlertStatus } from './alert-status.js';
import { Alert } from './alert.entity.js';
import { AlertService } from './alert.service.js';
import { changeActor } from './change-actor.js';
import { AlertCounts } from './dto/alert-counts.type.js';
import { AlertFilter } from './dto/alert-filter.input.js';

const AlertConnection = connectionType(Alert, 'alerts');

const ID_DESCRIPTION = 'The id of the alert.';
/** The `last` argument of an alert's history: bounded like the lists nested in a customer. */
const HISTORY_LAST = {
  nullable: true,
  defaultValue: DEFAULT_NESTED_LIST_SIZE,
  description:
    `Only the N most recent changes (1 to ${MAX_PAGE_SIZE.toLocaleString('en')}), still listed oldest first; ` +
    `the ${DEFAULT_NESTED_LIST_SIZE} most recent when omitted or null.`,
} as const;
const NOTE_DESCRIPTION = 'An optional note recorded with the change, e.g. what the customer was told.';

/** The closed loop: alerts by status, owner and due time, and the changes that move them along. */
@Resolver(() => Alert)
export class AlertResolver extends CustomerFactResolver(Alert) {
  @Query(() => Alert, { nullable: true, description: 'One alert by id; null when there is none.' })
  alert(@Arg('id', () => ID, { description: ID_DESCRIPTION }) id: string, @Ctx() { em }: GraphQLContext) {
    return new AlertService(em).findById(id);
  }

  @Query(() => AlertConnection, {
    description:
      'Alerts matching the filter, the soonest dueAt first (the most urgent on top; ties in the order raised), ' +
      '50 per page by default. For the open work: filter statuses [OPEN, ACKNOWLEDGED, CUSTOMER_CONTACTED].',
  })
  alerts(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => AlertFilter, { nullable: true, description: 'Which alerts; all when omitted.' })
    filter: AlertFilter | null,
    @Ctx() { em }: GraphQLContext,
  ): Promise<Connection<Alert>> {
    return new AlertService(em).list(filter ?? {}, page);
  }

  @Query(() => AlertCounts, { description: 'How many alerts are unresolved, open and overdue right now.' })
  alertCounts(@Ctx() { em }: GraphQLContext): Promise<AlertCounts> {
    return new AlertService(em).counts();
  }

  @FieldResolver(() => Boolean, {
    description: 'True when the alert is not resolved and its dueAt has passed.',
  })
  overdue(@Root() alert: Alert): boolean {
    return alert.status !== AlertStatus.RESOLVED && alert.dueAt.getTime() < Date.now();
  }

  @FieldResolver(() => [AlertEvent], {
    description:
      'Audit trail: the changes (opening, status changes, assignments, notes), oldest first; the most recent ' +
      `${DEFAULT_NESTED_LIST_SIZE} unless \`last\` says otherwise (historyCount says how many there are).`,
  })
  history(
    @Root() alert: Alert,
    @Arg('last', () => Int, HISTORY_LAST) last: number | null,
    @Ctx() { loaders }: GraphQLContext,
  ): Promise<AlertEvent[]> {
    return loaders.eventsByAlert.load({ alertId: alert.id, last: nestedListSize(last) });
  }

  @FieldResolver(() => Int, {
    description: 'How many changes the audit trail holds (history lists the latest).',
  })
  historyCount(@Root() alert: Alert, @Ctx() { loaders }: GraphQLContext): Promise<number> {
    return loaders.eventCountByAlert.load(alert.id);
  }

  @Mutation(() => Alert, { description: 'Takes on an OPEN alert: it becomes ACKNOWLEDGED.' })
  acknowledgeAlert(
    @Arg('id', () => ID, { description: ID_DESCRIPTION }) id: string,
    @Arg('note', () => String, { nullable: true, description: NOTE_DESCRIPTION }) note: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Alert> {
    return new AlertService(ctx.em).advance('acknowledgeAlert', id, changeActor(ctx), note);
  }

  @Mutation(() => Alert, {
    description: 'Sets or changes who works on an unresolved alert; its status stays as it is.',
  })
  assignAlert(
    @Arg('id', () => ID, { description: ID_DESCRIPTION }) id: string,
    @Arg('owner', () => String, { description: 'Name or e-mail of the new owner (at most 200 characters).' })
    owner: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Alert> {
    return new AlertService(ctx.em).assign(id, owner, changeActor(ctx));
  }

  @Mutation(() => Alert, {
    description: 'Records the call-back: an ACKNOWLEDGED alert becomes CUSTOMER_CONTACTED.',
  })
  recordCustomerContact(
    @Arg('id', () => ID, { description: ID_DESCRIPTION }) id: string,
    @Arg('note', () => String, { nullable: true, description: NOTE_DESCRIPTION }) note: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Alert> {
    return new AlertService(ctx.em).advance('recordCustomerContact', id, changeActor(ctx), note);
  }

  @Mutation(() => Alert, {
    description: 'Closes the loop: a CUSTOMER_CONTACTED alert becomes RESOLVED (within SLA if by its dueAt).',
  })
  resolveAlert(
    @Arg('id', () => ID, { description: ID_DESCRIPTION }) id: string,
    @Arg('note', () => String, { nullable: true, description: NOTE_DESCRIPTION }) note: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Alert> {
    return new AlertService(ctx.em).advance('resolveAlert', id, changeActor(ctx), note);
  }

  @Mutation(() => Alert, { description: 'Adds a note to the audit trail of an alert, in any status.' })
  addAlertNote(
    @Arg('id', () => ID, { description: ID_DESCRIPTION }) id: string,
    @Arg('text', () => String, { description: 'The note (at most 4,000 characters).' }) text: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Alert> {
    return new AlertService(ctx.em).addNote(id, text, changeActor(ctx));
  }
}
