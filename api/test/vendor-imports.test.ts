import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IngestService } from '../src/modules/ingest/ingest.service.js';
import { validateFileInWorker } from '../src/modules/ingest/readers/validate-file.js';
import type { RecordKind } from '../src/modules/ingest/record-kind.js';
import { RECORD_SPECS } from '../src/modules/ingest/record-specs.js';
import { writeRejects } from '../src/modules/ingest/rejects/rejects-file.js';
import { loadColumnMapping } from '../src/modules/ingest/sources/column-mapping.js';
import type { SourceFormat } from '../src/modules/ingest/sources/source-file.js';
import { QUALTRICS_SKIPPED } from '../src/modules/ingest/sources/qualtrics.js';
import {
  DEFAULT_VENDOR_SETTINGS,
  loadVendorSettings,
} from '../src/modules/ingest/sources/vendor-settings.js';
import { ZENDESK_SKIPPED } from '../src/modules/ingest/sources/zendesk.js';
import { runCli } from './support/cli.js';
import { createMigratedDatabase, DIALECTS, type MigratedDatabase } from './support/databases.js';

type Json = Record<string, unknown>;

/** The problems of qualtrics-cx-invalid.csv, in row order. */
const INVALID_QUALTRICS_PROBLEMS = [
  'row 5 (line 7), column Q1: got "11", expected an integer from 0 to 10 for an nps response',
  'row 6 (line 8), column ExternalReference: got "CUST-404", expected the id of an existing customer',
  'row 7 (line 9), column RecipientEmail: got "nobody@example.com", expected the e-mail of an existing customer (the file has no CRM id for this row)',
  'row 8 (line 10), column Q3: got "9", expected an integer from 1 to 7 for a ces response',
  'row 9 (line 11), column RecipientEmail: got "family@example.com", expected an e-mail that names one customer (2 customers have it: give the row its CRM id)',
];

const fixture = (name: string) => fileURLToPath(new URL(`fixtures/vendors/${name}`, import.meta.url));

describe.each(DIALECTS)('vendor imports on %s', (dialect) => {
  let database: MigratedDatabase;
  beforeEach(async () => {
    database = await createMigratedDatabase(dialect);
    // CUST-3 and CUST-4 share a family address: an e-mail that cannot name one customer.
    const emails = [
      'ana.silva@example.com',
      'maria.lopez@example.com',
      'family@example.com',
      'family@example.com',
    ];
    const customers = emails.map((email, index) => ({
      row: index + 2,
      values: { customer_id: `CUST-${index + 1}`, email, birth_year: 1980, signup_date: '2025-01-01' },
    }));
    await new IngestService(database.orm.em.fork()).importRows('customers', customers);
  });
  afterEach(async () => {
    await database.drop();
  });

  /** The same path as `pnpm cx import`: the file is read and validated on a worker thread. */
  async function importFile(kind: RecordKind, name: string, source: SourceFormat, skipInvalid = false) {
    const validated = validateFileInWorker(kind, fixture(name), source);
    try {
      return await new IngestService(database.orm.em.fork()).importValidated(kind, validated.batches, {
        skipInvalid,
      });
    } finally {
      await validated.close();
    }
  }
  /** Stored rows sorted by id in JavaScript: PostgreSQL's collation may order `R_1-csat` differently. */
  const sorted = async (table: string, columns: string[]) =>
    (await stored(table, columns)).sort((a, b) => (String(a.external_id) < String(b.external_id) ? -1 : 1));
  const stored = async (table: string, columns: string[]) => {
    const knex = database.orm.em.getConnection().getKnex();
    const rows: Record<string, unknown>[] = await knex(`${table} as t`)
      .join('customers as c', 'c.id', 't.customer_id')
      .select(['t.external_id', 'c.external_id as customer', ...columns.map((column) => `t.${column}`)])
      .orderBy('t.external_id');
    return rows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([column, value]) => [
          column,
          /_at$/.test(column) ? new Date(value as number | string).toISOString() : value,
        ]),
      ),
    );
  };

  it('imports a Qualtrics responses export: three header lines, the NPS question found, dates from the export time zone', async () => {
    const summary = await importFile('surveys', 'qualtrics-nps.csv', { format: 'qualtrics' });
    expect(summary).toMatchObject({ problemCount: 0, rowsRead: 3, inserted: 3, committed: true });
    expect(await stored('survey_responses', ['type', 'score', 'channel', 'responded_at'])).toEqual([
      // America/Denver: MST (UTC−7) in January, MDT (UTC−6) from 2026-03-08 02:00 and in July.
      {
        external_id: 'R_1a2B3c4D5e6F7g8',
        customer: 'CUST-1',
        type: 'nps',
        score: 9,
        channel: 'chat',
        responded_at: '2026-01-15T17:02:12.000Z',
      },
      {
        external_id: 'R_2h3I4j5K6l7M8n9',
        customer: 'CUST-2',
        type: 'nps',
        score: 3,
        channel: 'phone',
        responded_at: '2026-07-05T04:15:31.000Z',
      },
      {
        external_id: 'R_3o4P5q6R7s8T9u0',
        customer: 'CUST-1',
        type: 'nps',
        score: 7,
        channel: null,
        responded_at: '2026-03-08T09:30:00.000Z',
      },
    ]);
  });

  it('names the line and the Qualtrics column of each problem and writes nothing', async () => {
    const summary = await importFile('surveys', 'qualtrics-nps-invalid.csv', { format: 'qualtrics' });
    expect(summary.problems.map((problem) => problem.message)).toEqual([
      'row 4, column Q1: got "11", expected an integer from 0 to 10 for an nps response',
      'row 5, column channel: got "fax", expected one of phone, chat, email, social, video, in_person',
      'row 5, column ExternalReference: got "CUST-404", expected the id of an existing customer',
    ]);
    expect(summary.committed).toBe(false);
    expect(await stored('survey_responses', [])).toEqual([]);
  });

  it('imports a Zendesk incremental ticket export page as contacts, the requester by external_id', async () => {
    const summary = await importFile('contacts', 'zendesk-tickets.json', { format: 'zendesk' });
    expect(summary).toMatchObject({ problemCount: 0, rowsRead: 3, inserted: 3 });
    expect(await stored('contacts', ['channel', 'started_at', 'queue', 'agent_id', 'resolved'])).toEqual([
      {
        external_id: 'zendesk-35436',
        customer: 'CUST-1',
        channel: 'email',
        started_at: '2026-01-15T10:00:00.000Z',
        queue: '360001',
        agent_id: '7',
        resolved: dialect === 'sqlite' ? 1 : true,
      },
      {
        external_id: 'zendesk-35437',
        customer: 'CUST-2',
        channel: 'phone',
        started_at: '2026-01-16T14:30:00.000Z',
        queue: '360001',
        agent_id: null,
        resolved: dialect === 'sqlite' ? 0 : false,
      },
      {
        external_id: 'zendesk-35438',
        customer: 'CUST-1',
        channel: 'chat',
        started_at: '2026-01-17T08:05:00.000Z',
        queue: '360001',
        agent_id: '7',
        resolved: dialect === 'sqlite' ? 1 : true,
      },
    ]);
  });

  it('names the ticket and its Zendesk field of each problem', async () => {
    const summary = await importFile('contacts', 'zendesk-tickets-invalid.json', { format: 'zendesk' });
    // Ticket 2 came in through the API: skipped, not refused. Ticket 3's requester (an agent) has no
    // external_id, so is matched by e-mail, and no customer has that address.
    expect(summary.problems.map((problem) => problem.message)).toEqual([
      'row 3, column requester.email: got "agent@acme.example", expected the e-mail of an existing customer (the file has no CRM id for this row)',
      expect.stringMatching(
        /^row 4, column created_at: got "2026-13-01T00:00:00Z", expected an ISO 8601 timestamp/,
      ),
    ]);
    expect(summary.skipped).toEqual({ [ZENDESK_SKIPPED.notContact('api')]: 1 });
    expect(await stored('contacts', [])).toEqual([]);
  });

  it('reads any CSV through a column-mapping file, naming its own columns in problems', async () => {
    const mapping = await loadColumnMapping(
      fixture('crm-contacts.mapping.yaml'),
      'map',
      RECORD_SPECS.contacts,
    );
    const summary = await importFile('contacts', 'crm-contacts.csv', { format: 'mapping', mapping });
    expect(summary).toMatchObject({ problemCount: 0, rowsRead: 2, inserted: 2 });
    expect(await stored('contacts', ['channel', 'reason', 'handle_seconds', 'started_at'])).toEqual([
      {
        external_id: 'CS-1001',
        customer: 'CUST-1',
        channel: 'phone',
        reason: 'Billing',
        handle_seconds: 320,
        started_at: '2026-02-01T09:15:00.000Z',
      },
      {
        external_id: 'CS-1002',
        customer: 'CUST-2',
        channel: 'chat',
        reason: 'Card declined',
        handle_seconds: null,
        started_at: '2026-02-01T11:40:00.000Z',
      },
    ]);

    const values = Object.fromEntries(
      Object.entries(mapping.values).filter(([column]) => column !== 'channel'),
    );
    const strict = await importFile('contacts', 'crm-contacts.csv', {
      format: 'mapping',
      mapping: { ...mapping, values },
    });
    expect(strict.problems.map((problem) => problem.message)).toEqual([
      'row 2, column Medium: got "Telephone", expected one of phone, chat, email, social, video, in_person',
      'row 3, column Medium: got "Web chat", expected one of phone, chat, email, social, video, in_person',
    ]);
  });
  it('imports NPS, CSAT and CES from one Qualtrics survey, with the comment, channel and distribution channel; skips and counts what is not a response', async () => {
    const summary = await importFile('surveys', 'qualtrics-cx.csv', { format: 'qualtrics' });
    // 8 responses: R_cx1 and R_cx2 answer all three questions (3 + 3), R_cx5 NPS only, R_cx7 CSAT only;
    // 4 records skipped: R_cx3 unfinished, R_cx4 anonymous without e-mail, R_cx6 a preview, R_cx8 no score.
    expect(summary).toMatchObject({ problemCount: 0, rowsRead: 12, inserted: 8, committed: true });
    expect(summary.skipped).toEqual({
      [QUALTRICS_SKIPPED.unfinished]: 1,
      [QUALTRICS_SKIPPED.anonymous(DEFAULT_VENDOR_SETTINGS.qualtrics)]: 1,
      [QUALTRICS_SKIPPED.notReal]: 1,
      [QUALTRICS_SKIPPED.unanswered]: 1,
    });
    const columns = ['type', 'score', 'comment', 'channel', 'touchpoint', 'responded_at'];
    const base = { touchpoint: 'email', comment: null };
    // Europe/Berlin: CET (UTC+1) in February, CEST (UTC+2) in July. R_cx5 at 02:30 on 2026-03-29 does
    // not exist (clocks jump 02:00 → 03:00): read as 02:30 CET = 01:30Z. R_cx7 at 02:30 on 2026-10-25
    // happens twice (03:00 CEST → 02:00 CET): read as the later one, CET, = 01:30Z.
    expect(await sorted('survey_responses', columns)).toEqual([
      {
        ...base,
        external_id: 'R_cx1',
        customer: 'CUST-1',
        type: 'nps',
        score: 10,
        comment: 'Sorted in one call',
        channel: 'phone',
        responded_at: '2026-02-02T09:00:00.000Z',
      },
      {
        ...base,
        external_id: 'R_cx1-ces',
        customer: 'CUST-1',
        type: 'ces',
        score: 6,
        channel: 'phone',
        responded_at: '2026-02-02T09:00:00.000Z',
      },
      {
        ...base,
        external_id: 'R_cx1-csat',
        customer: 'CUST-1',
        type: 'csat',
        score: 5,
        channel: 'phone',
        responded_at: '2026-02-02T09:00:00.000Z',
      },
      {
        ...base,
        external_id: 'R_cx2',
        customer: 'CUST-2',
        type: 'nps',
        score: 3,
        comment: 'Transferred twice,\nstill not fixed',
        channel: 'chat',
        responded_at: '2026-07-10T12:30:00.000Z',
      },
      {
        ...base,
        external_id: 'R_cx2-ces',
        customer: 'CUST-2',
        type: 'ces',
        score: 2,
        channel: 'chat',
        responded_at: '2026-07-10T12:30:00.000Z',
      },
      {
        ...base,
        external_id: 'R_cx2-csat',
        customer: 'CUST-2',
        type: 'csat',
        score: 2,
        channel: 'chat',
        responded_at: '2026-07-10T12:30:00.000Z',
      },
      // No ExternalReference: matched by RecipientEmail, whatever its case.
      {
        ...base,
        external_id: 'R_cx5',
        customer: 'CUST-2',
        type: 'nps',
        score: 7,
        channel: null,
        responded_at: '2026-03-29T01:30:00.000Z',
      },
      {
        ...base,
        external_id: 'R_cx7-csat',
        customer: 'CUST-1',
        type: 'csat',
        score: 4,
        channel: null,
        responded_at: '2026-10-25T01:30:00.000Z',
      },
    ]);
    // The same file again changes nothing.
    const again = await importFile('surveys', 'qualtrics-cx.csv', { format: 'qualtrics' });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 8 });
  });

  it('numbers Qualtrics problems by record, the physical line in brackets, and refuses the file whole by default', async () => {
    const summary = await importFile('surveys', 'qualtrics-cx-invalid.csv', { format: 'qualtrics' });
    // Header rows 1-3 (the second spans two lines: a question text with a line break); R_bad1 is row 4
    // from line 5 and its comment spans two lines too, so R_bad2, row 5, starts on line 7.
    expect(summary.problems.map((problem) => problem.message)).toEqual(INVALID_QUALTRICS_PROBLEMS);
    expect(summary).toMatchObject({ committed: false, inserted: 0, rejected: [] });
    expect(await stored('survey_responses', [])).toEqual([]);
  });

  it('imports the valid Qualtrics rows and lists the refused ones when skipping invalid rows', async () => {
    const summary = await importFile('surveys', 'qualtrics-cx-invalid.csv', { format: 'qualtrics' }, true);
    // R_bad1's three responses and R_bad5's NPS (its CES of 9 is refused, so its record is listed).
    expect(summary).toMatchObject({ committed: true, inserted: 4, problemCount: 5 });
    expect(summary.rejected.map(({ row }) => row)).toEqual([5, 6, 7, 8, 9]);
    expect(summary.rejected.flatMap(({ messages }) => messages)).toEqual(INVALID_QUALTRICS_PROBLEMS);
    expect(summary.skipped).toEqual({ [QUALTRICS_SKIPPED.unfinished]: 1 });
    expect((await sorted('survey_responses', ['score'])).map((row) => [row.external_id, row.score])).toEqual([
      ['R_bad1', 9],
      ['R_bad1-ces', 5],
      ['R_bad1-csat', 4],
      ['R_bad5', 6],
    ]);
  });

  it('names the old Qualtrics layout and what to do, and reads a survey through its settings', async () => {
    const legacy = await importFile('surveys', 'qualtrics-legacy.csv', { format: 'qualtrics' });
    expect(legacy.problems.map((problem) => problem.message)).toEqual([
      'row 2, column ResponseID: got "ResponseID", expected the response export layout Qualtrics writes since 2017 (ResponseId, ExternalReference, three header rows): this is the old layout; re-export with Data & Analysis → Export & Import → Export Data → CSV (the Data Table export, not the legacy one)',
    ]);

    const unconfigured = await importFile('surveys', 'qualtrics-csat-only.csv', { format: 'qualtrics' });
    expect(unconfigured.problems.map((problem) => problem.message)).toEqual([
      'row 1, column Q6, Q7: got nothing, expected one comment question (the export has 2): name it as questions.comment in the settings, or none',
    ]);
    const settings = await loadVendorSettings(fixture('qualtrics-settings.yaml'), 'settings');
    const summary = await importFile('surveys', 'qualtrics-csat-only.csv', { format: 'qualtrics', settings });
    expect(summary).toMatchObject({ problemCount: 0, inserted: 2 });
    // Europe/London, from the settings: BST (UTC+1) in April.
    expect(await sorted('survey_responses', ['type', 'score', 'comment', 'channel', 'responded_at'])).toEqual(
      [
        {
          external_id: 'R_br1-csat',
          customer: 'CUST-1',
          type: 'csat',
          score: 5,
          comment: null,
          channel: 'in_person',
          responded_at: '2026-04-01T11:00:00.000Z',
        },
        {
          external_id: 'R_br2-csat',
          customer: 'CUST-2',
          type: 'csat',
          score: 2,
          comment: 'Queue was long',
          channel: 'phone',
          responded_at: '2026-04-02T15:45:00.000Z',
        },
      ],
    );
  });

  it('imports Zendesk tickets with a separate users file: requesters by external_id then e-mail, every channel placed or skipped with a count', async () => {
    const source: SourceFormat = { format: 'zendesk', usersPath: fixture('zendesk-users.json') };
    const summary = await importFile('contacts', 'zendesk-incremental.json', source);
    expect(summary).toMatchObject({ problemCount: 0, rowsRead: 8, inserted: 4 });
    expect(summary.skipped).toEqual({
      [ZENDESK_SKIPPED.notContact('api')]: 1,
      [ZENDESK_SKIPPED.notContact('sample_ticket')]: 1,
      [ZENDESK_SKIPPED.deleted]: 1,
      [ZENDESK_SKIPPED.undocumented('carrier_pigeon')]: 1,
    });
    const columns = ['channel', 'reason', 'started_at', 'resolved'];
    const yes = dialect === 'sqlite' ? 1 : true;
    const no = dialect === 'sqlite' ? 0 : false;
    // Default reason rule: the ticket's type.
    expect(await sorted('contacts', columns)).toEqual([
      {
        external_id: 'zendesk-5001',
        customer: 'CUST-1',
        channel: 'email',
        reason: 'incident',
        started_at: '2026-02-03T09:00:00.000Z',
        resolved: yes,
      },
      {
        external_id: 'zendesk-5002',
        customer: 'CUST-2',
        channel: 'phone',
        reason: 'question',
        started_at: '2026-02-04T15:20:00.000Z',
        resolved: no,
      },
      {
        external_id: 'zendesk-5006',
        customer: 'CUST-1',
        channel: 'chat',
        reason: null,
        started_at: '2026-02-06T07:45:00.000Z',
        resolved: yes,
      },
      {
        external_id: 'zendesk-5008',
        customer: 'CUST-2',
        channel: 'social',
        reason: null,
        started_at: '2026-02-07T18:10:00.000Z',
        resolved: no,
      },
    ]);

    // Settings: reasons from tags, then type, then subject; API tickets are e-mails here.
    const settings = await loadVendorSettings(fixture('zendesk-settings.yaml'), 'settings');
    const configured = await importFile('contacts', 'zendesk-incremental.json', { ...source, settings });
    expect(configured).toMatchObject({ problemCount: 0, inserted: 1, updated: 3 });
    expect((await sorted('contacts', ['reason'])).map((row) => [row.external_id, row.reason])).toEqual([
      ['zendesk-5001', 'Billing'],
      ['zendesk-5002', 'question'],
      ['zendesk-5003', 'Order status sync'],
      ['zendesk-5006', 'Login'],
      ['zendesk-5008', 'Unhappy with fees'],
    ]);

    // Without the users, no requester can be matched: each ticket says how to export it.
    const withoutUsers = await importFile('contacts', 'zendesk-incremental.json', { format: 'zendesk' });
    expect(withoutUsers.problems[0]?.message).toBe(
      'row 1, column requester_id: got "101", expected a requester_id found among the users (export the page with include=users, or pass the users file with --users)',
    );
  });

  it('imports Zendesk satisfaction ratings as CSAT responses tied to their tickets, from the tickets or the ratings API', async () => {
    const usersPath = fixture('zendesk-users.json');
    const inline = await importFile('surveys', 'zendesk-incremental.json', { format: 'zendesk', usersPath });
    // Ticket 5001 good → 5, 5006 bad → 1; 5002 offered, 5005 deleted; the other four have no rating.
    expect(inline).toMatchObject({ problemCount: 0, rowsRead: 8, inserted: 2 });
    expect(inline.skipped).toEqual({
      [ZENDESK_SKIPPED.offered]: 1,
      [ZENDESK_SKIPPED.deleted]: 1,
      [ZENDESK_SKIPPED.unrated]: 4,
    });
    const columns = ['type', 'score', 'comment', 'channel', 'responded_at'];
    expect(await sorted('survey_responses', columns)).toEqual([
      {
        external_id: 'zendesk-5001-csat',
        customer: 'CUST-1',
        type: 'csat',
        score: 5,
        comment: 'Fast refund',
        channel: 'email',
        responded_at: '2026-02-03T11:30:00.000Z',
      },
      {
        external_id: 'zendesk-5006-csat',
        customer: 'CUST-1',
        type: 'csat',
        score: 1,
        comment: 'Took three days',
        channel: 'chat',
        responded_at: '2026-02-09T10:00:00.000Z',
      },
    ]);

    // The ratings API page: the same tickets' ratings update their responses (one per ticket), 5008's is new.
    const page = await importFile('surveys', 'zendesk-satisfaction-ratings.json', {
      format: 'zendesk',
      usersPath,
    });
    expect(page).toMatchObject({ problemCount: 0, rowsRead: 4, inserted: 1, updated: 2 });
    expect(page.skipped).toEqual({ [ZENDESK_SKIPPED.offered]: 1 });
    expect(
      (await sorted('survey_responses', ['score', 'comment'])).map((row) => [
        row.external_id,
        row.customer,
        row.score,
        row.comment,
      ]),
    ).toEqual([
      ['zendesk-5001-csat', 'CUST-1', 5, 'Fast refund, thank you'],
      ['zendesk-5006-csat', 'CUST-1', 1, 'Took three days'],
      ['zendesk-5008-csat', 'CUST-2', 1, 'Fees again'],
    ]);
  });

  it('reads a Zendesk view exported to CSV through a mapping onto the same records as --format zendesk', async () => {
    const source: SourceFormat = { format: 'zendesk', usersPath: fixture('zendesk-users.json') };
    expect(await importFile('contacts', 'zendesk-incremental.json', source)).toMatchObject({ inserted: 4 });
    const mapping = await loadColumnMapping(
      fixture('zendesk-view-export.mapping.yaml'),
      'map',
      RECORD_SPECS.contacts,
    );
    const mapped = await importFile('contacts', 'zendesk-view-export.csv', { format: 'mapping', mapping });
    // 5001, 5002 (by e-mail) and 5006 are the tickets already imported, identical once the prefix, the
    // Europe/Berlin times and the values are applied; the deleted 5005 is dropped by the mapping.
    expect(mapped).toMatchObject({ problemCount: 0, rowsRead: 4, inserted: 0, updated: 0, unchanged: 3 });
    expect(mapped.skipped).toEqual({ 'rows left out by the mapping (keep/drop)': 1 });
    expect((await stored('contacts', [])).length).toBe(4);
  });

  it('reads a Qualtrics export through a plain mapping (header rows skipped, time zone, filter) onto the same responses', async () => {
    expect(await importFile('surveys', 'qualtrics-nps.csv', { format: 'qualtrics' })).toMatchObject({
      inserted: 3,
    });
    const mapping = await loadColumnMapping(
      fixture('qualtrics-nps.mapping.yaml'),
      'map',
      RECORD_SPECS.surveys,
    );
    const mapped = await importFile('surveys', 'qualtrics-nps.csv', { format: 'mapping', mapping });
    expect(mapped).toMatchObject({ problemCount: 0, rowsRead: 3, inserted: 0, updated: 0, unchanged: 3 });
  });
  it('writes the refused tickets of a Zendesk page, and the refused rows of a mapped CSV with its skipped header rows, in their own formats', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'cx-vendor-rejects-'));
    try {
      const tickets = await importFile(
        'contacts',
        'zendesk-tickets-invalid.json',
        { format: 'zendesk' },
        true,
      );
      expect(tickets).toMatchObject({ committed: true, inserted: 1 });
      const page = join(scratch, 'tickets.json');
      const source: SourceFormat = { format: 'zendesk' };
      await writeRejects(fixture('zendesk-tickets-invalid.json'), page, 'contacts', source, tickets.rejected);
      const written = JSON.parse(readFileSync(page, 'utf8')) as { tickets: Json[]; users: Json[] };
      // Tickets 3 and 4 of the page; the users stay, so that the corrected page imports as it is.
      expect(written.tickets.map((ticket) => [ticket.id, ticket.cx_problems])).toEqual([
        [35440, tickets.rejected[0]!.messages.join('; ')],
        [35441, tickets.rejected[1]!.messages.join('; ')],
      ]);
      expect(written.users).toHaveLength(3);

      const mapping = await loadColumnMapping(
        fixture('qualtrics-nps.mapping.yaml'),
        'map',
        RECORD_SPECS.surveys,
      );
      const invalid = await importFile(
        'surveys',
        'qualtrics-nps-invalid.csv',
        { format: 'mapping', mapping },
        true,
      );
      const csv = join(scratch, 'responses.csv');
      await writeRejects(
        fixture('qualtrics-nps-invalid.csv'),
        csv,
        'surveys',
        { format: 'mapping', mapping },
        invalid.rejected,
      );
      const rows = readFileSync(csv, 'utf8').trimEnd().split('\r\n');
      // The header and the two skipped rows, then each refused record with its problems.
      expect(rows).toHaveLength(3 + invalid.rejected.length);
      expect(rows[0]).toMatch(/^StartDate,.*,cx_problems$/);
      expect(rows.slice(3).map((row) => row.split(',')[8])).toEqual(
        invalid.rejected.map(() => expect.stringMatching(/^R_/)),
      );
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});

describe('vendor formats on the command line', () => {
  it('checks the format against the kind and the mapping file before reading rows', async () => {
    const mismatch = await runCli(
      ['import', 'contacts', fixture('qualtrics-nps.csv'), '--format', 'qualtrics'],
      {},
    );
    expect(mismatch.code).toBe(1);
    expect(mismatch.stderr.trim()).toBe('error: --format qualtrics imports surveys, not contacts');
    await expect(
      loadColumnMapping(fixture('crm-contacts.mapping.yaml'), 'map.yaml', RECORD_SPECS.surveys),
    ).rejects.toThrow('map.yaml: columns.started_at: expected one of the columns response_id, customer_id,');
    await expect(
      loadColumnMapping(fixture('zendesk-tickets.json'), 'tickets.json', RECORD_SPECS.contacts),
    ).rejects.toThrow(/^tickets\.json: columns: /);
  });
});
