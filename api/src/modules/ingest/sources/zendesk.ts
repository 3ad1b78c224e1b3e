import { readFile } from 'node:fs/promises';
import { SurveyType } from '../../surveys/survey-type.js';
import type { NumberedRow, RawRow, RecordKind } from '../record-kind.js';
import { nestsDeeperThan, MAX_JSON_DEPTH } from '../readers/json-depth.js';
import { rowProblem } from '../row-problem.js';
import type { SourceRows } from './source-rows.js';
import { DEFAULT_VENDOR_SETTINGS, lookup, type ZendeskSettings } from './vendor-settings.js';
import { ZENDESK_CHANNELS } from './zendesk-channels.js';

/*
 * Zendesk Support tickets as the Tickets API and the Incremental Ticket Export API (v2, time- or
 * cursor-based) return them: one page saved as JSON, `{"tickets": [...], "users": [...]}`. The users
 * come with the page when it was requested with `include=users`, or from a separate users file (a page
 * of the Users API, `{"users": [...]}`, passed with --users).
 *
 * As contacts, each ticket becomes contact_id `zendesk-<id>`, customer_id the requester's external_id
 * (the CRM id) or, without one, the customer with the requester's e-mail (matchByEmail); channel from
 * via.channel (ZENDESK_CHANNELS, overridable); reason by the settings' rule (tags, then type, subject or
 * first tag); started_at created_at, queue the group id, agent_id the assignee id, resolved when solved
 * or closed. Deleted tickets and tickets that are no customer contact (via api, rule, sample_ticket…)
 * are skipped and counted.
 *
 * As surveys, each satisfaction rating becomes a CSAT response `zendesk-<ticket id>-csat` (one rating
 * per ticket, so a re-rated ticket updates its response), scored good 5 and bad 1 by default, with its
 * comment, dated by the rating's update, on the ticket's channel. Ratings come from a page of the
 * Satisfaction Ratings API (`{"satisfaction_ratings": [...]}`) or, without one, from the tickets' own
 * satisfaction_rating. Ratings offered but not answered, and tickets without one, are skipped and counted.
 *
 * A page holds at most 1,000 tickets, so it is read whole. Row N of a problem is the N-th ticket (or
 * rating) of the file, its column the Zendesk field.
 */

const RESOLVED_STATUSES = ['solved', 'closed'];

export const ZENDESK_SKIPPED = {
  deleted: 'deleted tickets',
  notContact: (via: string) =>
    `tickets via ${shown(via)}, not a customer contact (map it under channels: in the settings to keep them)`,
  undocumented: (via: string) =>
    `tickets via ${shown(via)}, a channel this importer does not know (map it under channels: in the settings)`,
  setToSkip: (via: string) => `tickets via ${shown(via)} (channels: skip in the settings)`,
  unrated: 'tickets without a satisfaction rating',
  offered: 'satisfaction surveys offered but not answered',
};

const CONTACT_LABELS = {
  contact_id: 'id',
  customer_id: 'requester_id',
  channel: 'via.channel',
  reason: 'tags',
  started_at: 'created_at',
  queue: 'group_id',
  agent_id: 'assignee_id',
  resolved: 'status',
};

const RATING_LABELS = {
  response_id: 'ticket_id',
  customer_id: 'requester_id',
  score: 'score',
  comment: 'comment',
  responded_at: 'updated_at',
};

type Json = Record<string, unknown>;

interface User {
  external_id?: unknown;
  email?: unknown;
}

export interface ZendeskFiles {
  path: string;
  /** A separate users file, when the page was not exported with include=users. */
  usersPath?: string;
}

export function readZendesk(
  { path, usersPath }: ZendeskFiles,
  kind: RecordKind,
  settings: ZendeskSettings = DEFAULT_VENDOR_SETTINGS.zendesk,
): SourceRows {
  async function* rows(): AsyncGenerator<NumberedRow> {
    const page = await readPage(path);
    const tickets = page && Array.isArray(page.tickets) ? (page.tickets as unknown[]) : undefined;
    const ratings =
      page && Array.isArray(page.satisfaction_ratings) ? (page.satisfaction_ratings as unknown[]) : undefined;
    if (!page || (!tickets && !(kind === 'surveys' && ratings))) {
      const expected =
        kind === 'surveys'
          ? 'a page of the Zendesk Satisfaction Ratings API (a JSON object with a satisfaction_ratings array) or of tickets with their satisfaction_rating'
          : 'a page of the Zendesk Tickets or Incremental Ticket Export API: a JSON object with a tickets array';
      yield {
        row: 1,
        values: {},
        problems: [rowProblem(1, page === null ? '' : 'tickets', null, expected)],
        header: true,
      };
      return;
    }
    const users = new Map<unknown, User>();
    for (const user of arrayOf(page.users)) users.set(user.id, user);
    if (usersPath) {
      const usersPage = await readPage(usersPath);
      if (!usersPage || !Array.isArray(usersPage.users)) {
        const expected = 'a users file: a page of the Zendesk Users API, a JSON object with a users array';
        yield { row: 1, values: {}, problems: [rowProblem(1, 'users', null, expected)], header: true };
        return;
      }
      for (const user of arrayOf(usersPage.users)) users.set(user.id, user);
    }
    const people = new People(users, settings);
    if (kind === 'contacts') {
      for (const [index, ticket] of (tickets ?? []).entries())
        yield contact(index + 1, ticket, people, settings);
      return;
    }
    const byId = new Map(arrayOf(tickets).map((ticket) => [ticket.id, ticket]));
    if (ratings) {
      for (const [index, rating] of ratings.entries()) {
        const ticket = isObject(rating) ? byId.get(rating.ticket_id) : undefined;
        yield response(index + 1, rating, ticket, people, settings);
      }
      return;
    }
    for (const [index, ticket] of tickets!.entries()) {
      const row = index + 1;
      if (!isObject(ticket)) {
        yield { row, values: {}, problems: [rowProblem(row, '', ticket, 'a ticket: a JSON object')] };
        continue;
      }
      if (ticket.status === 'deleted') {
        yield { row, values: {}, skipped: ZENDESK_SKIPPED.deleted };
        continue;
      }
      const rating = ticket.satisfaction_rating;
      const inline = isObject(rating)
        ? {
            ...rating,
            ticket_id: ticket.id,
            requester_id: ticket.requester_id,
            updated_at: ticket.updated_at,
          }
        : null;
      yield response(row, inline, ticket, people, settings);
    }
  }
  return { rows: rows(), labels: kind === 'contacts' ? CONTACT_LABELS : RATING_LABELS };
}

/** The file parsed, or null when it is not a JSON object (or nests deeper than any Zendesk page does). */
async function readPage(path: string): Promise<Json | null> {
  try {
    const text = await readFile(path, 'utf8');
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) return null;
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function arrayOf(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

/** Requesters and how each is matched to a customer. */
class People {
  constructor(
    private readonly users: Map<unknown, User>,
    private readonly settings: ZendeskSettings,
  ) {}

  /** The customer a requester names: the external_id, else (matching by e-mail) the e-mail; or why not. */
  customer(requesterId: unknown): { id: string; byEmail: boolean } | { expected: string } {
    const user = this.users.get(requesterId);
    if (!user)
      return {
        expected:
          'a requester_id found among the users (export the page with include=users, or pass the users file with --users)',
      };
    if (typeof user.external_id === 'string' && user.external_id !== '')
      return { id: user.external_id, byEmail: false };
    if (typeof user.external_id === 'number') return { id: String(user.external_id), byEmail: false };
    if (this.settings.matchByEmail && typeof user.email === 'string' && user.email !== '')
      return { id: user.email, byEmail: true };
    return {
      expected: this.settings.matchByEmail
        ? 'a requester whose Zendesk user has an external_id (the CRM customer id) or an e-mail'
        : 'a requester whose Zendesk user has an external_id (the CRM customer id); matching by e-mail is off',
    };
  }
}

/** The contact channel of a ticket, or why it is skipped. */
function channelOf(
  ticket: Json,
  settings: ZendeskSettings,
): { channel: string } | { skipped: string } | { problem: unknown } {
  const via = isObject(ticket.via) ? ticket.via.channel : undefined;
  if (typeof via !== 'string' || via === '') return { problem: via };
  const configured = lookup(settings.channels, via);
  if (configured === 'skip') return { skipped: ZENDESK_SKIPPED.setToSkip(via) };
  if (configured) return { channel: configured };
  if (!ZENDESK_CHANNELS.has(via)) return { skipped: ZENDESK_SKIPPED.undocumented(via) };
  const channel = ZENDESK_CHANNELS.get(via);
  return channel ? { channel } : { skipped: ZENDESK_SKIPPED.notContact(via) };
}

function contact(row: number, ticket: unknown, people: People, settings: ZendeskSettings): NumberedRow {
  if (!isObject(ticket))
    return { row, values: {}, problems: [rowProblem(row, '', ticket, 'a ticket: a JSON object')] };
  if (ticket.status === 'deleted') return { row, values: {}, skipped: ZENDESK_SKIPPED.deleted };
  const channel = channelOf(ticket, settings);
  if ('skipped' in channel) return { row, values: {}, skipped: channel.skipped };
  if ('problem' in channel) {
    const expected = 'the channel the ticket came through, e.g. email, web, voice or chat';
    return { row, values: {}, problems: [rowProblem(row, 'via.channel', channel.problem, expected)] };
  }
  const customer = people.customer(ticket.requester_id);
  if ('expected' in customer)
    return {
      row,
      values: {},
      problems: [rowProblem(row, 'requester_id', ticket.requester_id, customer.expected)],
    };
  const values: RawRow = {
    contact_id: ticket.id === undefined || ticket.id === null ? null : `zendesk-${text(ticket.id)}`,
    customer_id: customer.id,
    channel: channel.channel,
    reason: reasonOf(ticket, settings),
    started_at: text(ticket.created_at),
    queue: text(ticket.group_id),
    agent_id: text(ticket.assignee_id),
    resolved: typeof ticket.status === 'string' ? RESOLVED_STATUSES.includes(ticket.status) : null,
  };
  return customer.byEmail
    ? { row, values, customerByEmail: true, labels: { customer_id: 'requester.email' } }
    : { row, values };
}

/** The settings' reason rule: a listed tag first, then the ticket's type, subject or first tag. */
function reasonOf(ticket: Json, { reason }: ZendeskSettings): string | null {
  const tags = Array.isArray(ticket.tags)
    ? ticket.tags.filter((tag): tag is string => typeof tag === 'string')
    : [];
  for (const tag of tags) {
    const named = lookup(reason.tags, tag);
    if (named !== undefined) return named;
  }
  for (const source of reason.then) {
    const value = source === 'tag' ? tags[0] : ticket[source];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return null;
}

function response(
  row: number,
  rating: unknown,
  ticket: Json | undefined,
  people: People,
  settings: ZendeskSettings,
): NumberedRow {
  if (rating === null || rating === undefined) return { row, values: {}, skipped: ZENDESK_SKIPPED.unrated };
  if (!isObject(rating))
    return {
      row,
      values: {},
      problems: [rowProblem(row, '', rating, 'a satisfaction rating: a JSON object')],
    };
  if (ticket?.status === 'deleted') return { row, values: {}, skipped: ZENDESK_SKIPPED.deleted };
  if (rating.score === 'unoffered' || rating.score === undefined || rating.score === null)
    return { row, values: {}, skipped: ZENDESK_SKIPPED.unrated };
  if (rating.score === 'offered') return { row, values: {}, skipped: ZENDESK_SKIPPED.offered };
  const customer = people.customer(rating.requester_id);
  if ('expected' in customer)
    return {
      row,
      values: {},
      problems: [rowProblem(row, 'requester_id', rating.requester_id, customer.expected)],
    };
  const score =
    rating.score === 'good'
      ? settings.ratingScores.good
      : rating.score === 'bad'
        ? settings.ratingScores.bad
        : rating.score;
  const channel = ticket ? channelOf(ticket, settings) : undefined;
  const values: RawRow = {
    response_id:
      rating.ticket_id === undefined || rating.ticket_id === null
        ? null
        : `zendesk-${text(rating.ticket_id)}-csat`,
    customer_id: customer.id,
    type: SurveyType.CSAT,
    score: typeof score === 'number' ? score : text(score),
    comment: typeof rating.comment === 'string' ? rating.comment : null,
    channel: channel && 'channel' in channel ? channel.channel : null,
    touchpoint: 'zendesk satisfaction survey',
    responded_at: text(rating.updated_at ?? rating.created_at),
  };
  return customer.byEmail
    ? { row, values, customerByEmail: true, labels: { customer_id: 'requester.email' } }
    : { row, values };
}

/** Zendesk ids are numbers and timestamps text; anything else is passed on as JSON, to be reported. */
function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** A via value as shown in a skip reason: quoted, and short. */
function shown(via: string): string {
  return JSON.stringify(via.length > 40 ? `${via.slice(0, 39)}…` : via);
}
