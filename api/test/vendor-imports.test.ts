import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IngestService } from '../src/modules/ingest/ingest.service.js';
import { validateFileInWorker } from '../src/modules/ingest/readers/validate-file.js';
import type { RecordKind } from '../src/modules/ingest/record-kind.js';
import { RECORD_SPECS } from '../src/modules/ingest/record-specs.js';
import { loadColumnMapping } from '../src/modules/ingest/sources/column-mapping.js';
import type { SourceFormat } from '../src/modules/ingest/sources/source-file.js';
import { runCli } from './support/cli.js';
import { createMigratedDatabase, DIALECTS, type MigratedDatabase } from './support/databases.js';

const fixture = (name: string) => fileURLToPath(new URL(`fixtures/vendors/${name}`, import.meta.url));

describe.each(DIALECTS)('vendor imports on %s', (dialect) => {
  let database: MigratedDatabase;
  beforeEach(async () => {
    database = await createMigratedDatabase(dialect);
    const customers = ['CUST-1', 'CUST-2'].map((id, index) => ({
      row: index + 2,
      values: { customer_id: id, birth_year: 1980, signup_date: '2025-01-01' },
    }));
    await new IngestService(database.orm.em.fork()).importRows('customers', customers);
  });
  afterEach(async () => {
    await database.drop();
  });

  /** The same path as `pnpm cx import`: the file is read and validated on a worker thread. */
  async function importFile(kind: RecordKind, name: string, source: SourceFormat) {
    const validated = validateFileInWorker(kind, fixture(name), source);
    try {
      return await new IngestService(database.orm.em.fork()).importValidated(kind, validated.batches);
    } finally {
      await validated.close();
    }
  }
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
    expect(summary.problems.map((problem) => problem.message)).toEqual([
      'row 2, column via.channel: got "api", expected one of email, web, voice, chat, native_messaging, mobile_sdk, sms, whatsapp, twitter, facebook, instagram_dm',
      'row 3, column requester_id: got "7", expected a requester whose Zendesk user has an external_id (the CRM customer id); export with include=users',
      expect.stringMatching(
        /^row 4, column created_at: got "2026-13-01T00:00:00Z", expected an ISO 8601 timestamp/,
      ),
    ]);
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
