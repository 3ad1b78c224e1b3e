import { Readable } from 'node:stream';
import type { EntityManager } from '@mikro-orm/knex';
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../../core/errors.js';
import type { Orm } from '../../database/orm.js';
import { readFromReplica } from '../../database/read-routing.js';
import { EXPORT_ACCESS, PERSONAL_DATA_COLUMNS, PERSONAL_DATA_READERS } from '../auth/access-policy.js';
import { BEARER_CHALLENGE, UNAUTHENTICATED_MESSAGE } from '../auth/authentication.hook.js';
import { MetricsService } from '../metrics/metrics.service.js';
import { CONTENT_TYPES, rowEncoder, type ExportValue } from './export-format.js';
import {
  EXPORT_FILES,
  parseExportFile,
  parseMetricsQuery,
  parseSyncStart,
  type Query,
} from './export-params.js';
import { RecordExportService, type RecordExport } from './record-export.service.js';

const CHUNK_CHARACTERS = 64 * 1024;

/**
 * `GET /export/<customers|surveys|contacts|selfservice|metrics>.<csv|ndjson>`, for the roles the access
 * policy lets export the dataset; for roles without personal data its columns are left out. Records
 * stream in the order of incremental sync; the header X-Next-Cursor carries the cursor of the last row,
 * for the next call's `cursor`. A bad parameter is a 400 whose JSON body names it and says what was
 * expected.
 */
export function exportPlugin(orm: Orm) {
  return (app: FastifyInstance): Promise<void> => {
    app.get<{ Params: { file: string }; Querystring: Query }>('/export/:file', async (request, reply) => {
      const file = parseExportFile(request.params.file);
      if (!file) {
        return reply.code(404).send({
          error: {
            code: 'NOT_FOUND',
            message: `no export ${request.params.file}: expected one of ${EXPORT_FILES.join(', ')}`,
          },
        });
      }
      const { viewer } = request;
      if (!viewer) {
        return reply
          .code(401)
          .header('www-authenticate', BEARER_CHALLENGE)
          .send({ error: { code: 'UNAUTHENTICATED', message: UNAUTHENTICATED_MESSAGE } });
      }
      if (!EXPORT_ACCESS[file.dataset]?.includes(viewer.role)) {
        return reply.code(403).send({
          error: { code: 'FORBIDDEN', message: `the role ${viewer.role} may not export ${file.dataset}` },
        });
      }
      const em = orm.em.fork();
      // Exports only read: a replica serves them when there are replicas.
      readFromReplica(em);
      let opened: RecordExport;
      try {
        opened =
          file.dataset === 'metrics'
            ? await metricsExport(em, request.query)
            : await new RecordExportService(em).open(file.dataset, parseSyncStart(request.query));
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'BAD_USER_INPUT') throw error;
        const parameter = String(error.details.argument).replace(/^filter\./, '');
        return reply.code(400).send({ error: { code: 'BAD_REQUEST', parameter, message: error.message } });
      }
      const personalData = PERSONAL_DATA_READERS.includes(viewer.role);
      const columns = personalData
        ? opened.columns
        : opened.columns.filter((column) => !PERSONAL_DATA_COLUMNS.includes(column));
      const encoder = rowEncoder(file.format, columns);
      const rows = personalData ? opened.rows : withoutPersonalData(opened.rows);
      // Lines go out in chunks of about 64 KiB: a write per line would cost a system call per row.
      async function* chunks(): AsyncGenerator<string> {
        let chunk = encoder.head();
        for await (const row of rows) {
          chunk += encoder.line(row);
          if (chunk.length >= CHUNK_CHARACTERS) {
            yield chunk;
            chunk = '';
          }
        }
        yield chunk;
      }
      void reply
        .header('content-type', CONTENT_TYPES[file.format])
        .header('content-disposition', `attachment; filename="${request.params.file}"`)
        .header('cache-control', 'no-store');
      if (opened.nextCursor) void reply.header('x-next-cursor', opened.nextCursor);
      return reply.send(Readable.from(chunks()));
    });
    return Promise.resolve();
  };
}

/**
 * The rows without their personal data (name, e-mail, comment text): the columns are left out rather than
 * emptied, so that importing such an export leaves the stored values as they are (a column a file does
 * not have is not changed; an empty one would erase them).
 */
async function* withoutPersonalData(rows: RecordExport['rows']): AsyncGenerator<Record<string, ExportValue>> {
  for await (const row of rows) {
    const masked = { ...row };
    for (const column of PERSONAL_DATA_COLUMNS) delete masked[column];
    yield masked;
  }
}

/** A metric table: period (with a grain), the dimensions asked, then the measures, one row per group. */
async function metricsExport(em: EntityManager, query: Query): Promise<RecordExport> {
  const request = parseMetricsQuery(query);
  const rows = await new MetricsService(em).metrics(request);
  const columns = [...(request.grain ? ['period'] : []), ...request.dimensions, ...request.measureColumns];
  const values = rows.map((row) =>
    Object.fromEntries(
      columns.map((column) => [column, (row as unknown as Record<string, ExportValue>)[column] ?? null]),
    ),
  );
  return { columns, nextCursor: null, rows: values };
}
