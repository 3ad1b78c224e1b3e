import { Readable } from 'node:stream';
import type { EntityManager } from '@mikro-orm/knex';
import type { FastifyInstance } from 'fastify';
import { GraphQLError } from 'graphql';
import type { Orm } from '../../database/orm.js';
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
 * `GET /export/<customers|surveys|contacts|selfservice|metrics>.<csv|ndjson>`, one fastify plugin so
 * that authentication can wrap it whole. Records stream in the order of incremental sync; the header
 * X-Next-Cursor carries the cursor of the last row, for the next call's `cursor`. A bad parameter is a
 * 400 whose JSON body names it and says what was expected.
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
      const em = orm.em.fork();
      let opened: RecordExport;
      try {
        opened =
          file.dataset === 'metrics'
            ? await metricsExport(em, request.query)
            : await new RecordExportService(em).open(file.dataset, parseSyncStart(request.query));
      } catch (error) {
        if (!(error instanceof GraphQLError) || error.extensions.code !== 'BAD_USER_INPUT') throw error;
        const parameter = String(error.extensions.argument).replace(/^filter\./, '');
        return reply.code(400).send({ error: { code: 'BAD_REQUEST', parameter, message: error.message } });
      }
      const encoder = rowEncoder(file.format, opened.columns);
      // Lines go out in chunks of about 64 KiB: a write per line would cost a system call per row.
      async function* chunks(): AsyncGenerator<string> {
        let chunk = encoder.head();
        for await (const row of opened.rows) {
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

/** A metric table: period (with a grain), the dimensions asked, then the measures, one row per group. */
async function metricsExport(em: EntityManager, query: Query): Promise<RecordExport> {
  const request = parseMetricsQuery(query);
  const rows = await new MetricsService(em).metrics(request);
  const columns = [...(request.grain ? ['period'] : []), ...request.dimensions, ...request.measures];
  const values = rows.map((row) =>
    Object.fromEntries(
      columns.map((column) => [column, (row as unknown as Record<string, ExportValue>)[column] ?? null]),
    ),
  );
  return { columns, nextCursor: null, rows: values };
}
