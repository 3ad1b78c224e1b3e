import { readFile } from 'node:fs/promises';
import { Channel } from '../../contacts/channel.js';
import type { NumberedRow, RawRow } from '../record-kind.js';
import { EXPECTED, rowProblem } from '../row-problem.js';
import type { SourceRows } from './source-rows.js';

/*
 * Zendesk Support tickets as the Incremental Ticket Export API (v2, time- or cursor-based) returns
 * them: one page saved as JSON, `{"tickets": [...], "users": [...]}`, requested with
 * `include=users` so that each requester's external_id (the CRM id) comes along. Each ticket becomes a
 * contact: contact_id `zendesk-<id>`, customer_id the requester's external_id, channel from
 * via.channel, started_at created_at, queue the group id, agent_id the assignee id, resolved when the
 * status is solved or closed. A page holds at most 1,000 tickets, so it is read whole. Row N of a
 * problem is the N-th ticket of the file, its column the ticket's field.
 */

/** Zendesk's via.channel values that name a contact channel; others (api, rule, system…) are refused. */
const CHANNELS: Record<string, Channel> = {
  email: Channel.EMAIL,
  web: Channel.EMAIL,
  voice: Channel.PHONE,
  chat: Channel.CHAT,
  native_messaging: Channel.CHAT,
  mobile_sdk: Channel.CHAT,
  sms: Channel.CHAT,
  whatsapp: Channel.CHAT,
  twitter: Channel.SOCIAL,
  facebook: Channel.SOCIAL,
  instagram_dm: Channel.SOCIAL,
};

const RESOLVED_STATUSES = ['solved', 'closed'];

const LABELS = {
  contact_id: 'id',
  customer_id: 'requester_id',
  channel: 'via.channel',
  started_at: 'created_at',
  queue: 'group_id',
  agent_id: 'assignee_id',
  resolved: 'status',
};

interface Ticket {
  id?: unknown;
  requester_id?: unknown;
  assignee_id?: unknown;
  group_id?: unknown;
  created_at?: unknown;
  status?: unknown;
  via?: { channel?: unknown } | null;
}

export function readZendesk(path: string): SourceRows {
  async function* rows(): AsyncGenerator<NumberedRow> {
    let page: { tickets?: unknown; users?: unknown };
    try {
      page = JSON.parse(await readFile(path, 'utf8')) as typeof page;
    } catch {
      page = {};
    }
    if (!Array.isArray(page.tickets)) {
      const expected =
        'a page of the Zendesk Incremental Ticket Export API: a JSON object with a tickets array';
      yield { row: 1, values: {}, problems: [rowProblem(1, 'tickets', null, expected)], header: true };
      return;
    }
    const users = Array.isArray(page.users) ? (page.users as { id?: unknown; external_id?: unknown }[]) : [];
    const externalIds = new Map(users.map((user) => [user.id, user.external_id]));
    for (const [index, ticket] of (page.tickets as Ticket[]).entries()) {
      yield contact(index + 1, ticket, externalIds);
    }
  }
  return { rows: rows(), labels: LABELS };
}

function contact(row: number, ticket: Ticket, externalIds: Map<unknown, unknown>): NumberedRow {
  const customer = externalIds.get(ticket.requester_id);
  if (typeof customer !== 'string' || customer === '') {
    const expected =
      'a requester whose Zendesk user has an external_id (the CRM customer id); export with include=users';
    return { row, values: {}, problems: [rowProblem(row, 'requester_id', ticket.requester_id, expected)] };
  }
  const via = typeof ticket.via?.channel === 'string' ? ticket.via.channel : null;
  if (via === null || !CHANNELS[via]) {
    const expected = EXPECTED.oneOf(Object.keys(CHANNELS));
    return { row, values: {}, problems: [rowProblem(row, 'via.channel', via, expected)] };
  }
  const values: RawRow = {
    contact_id: ticket.id === undefined ? null : `zendesk-${text(ticket.id)}`,
    customer_id: customer,
    channel: CHANNELS[via],
    started_at: text(ticket.created_at),
    queue: text(ticket.group_id),
    agent_id: text(ticket.assignee_id),
    resolved: typeof ticket.status === 'string' ? RESOLVED_STATUSES.includes(ticket.status) : null,
  };
  return { row, values };
}

/** Zendesk ids are numbers and timestamps text; anything else is passed on as JSON, to be reported. */
function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}
