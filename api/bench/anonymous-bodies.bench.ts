import 'reflect-metadata';
import { request } from 'node:http';
import { loadConfig } from '../src/config.js';
import { initOrm } from '../src/app/orm.js';
import { createServer } from '../src/server/server.js';
import { createSqliteDatabase } from './bench-database.js';

/*
 * node --import tsx bench/anonymous-bodies.bench.ts [connections]: serves the API in-process on a scratch
 * SQLite database and sends `connections` (default 30) concurrent POST /graphql requests of 16 MiB each
 * without a credential, as the red-team pass did. Prints the answers' status codes, how long the last
 * took, and the process's resident memory before and at its peak: with the body refused before it is
 * read, the peak stays near the start.
 */

const connections = Number(process.argv[2] ?? 30);
// Just under the 16 MiB body limit: a JSON GraphQL request whose query is one long string.
const BODY = Buffer.concat([
  Buffer.from('{"query":"'),
  Buffer.alloc(16 * 1024 * 1024 - 64, 'a'),
  Buffer.from('"}'),
]);
const database = createSqliteDatabase();
const orm = await initOrm(database.config);
const app = await createServer(orm, loadConfig({}, { database: database.config }), { logger: false });
const url = new URL(await app.listen({ port: 0, host: '127.0.0.1' }));

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const rssBefore = process.memoryUsage.rss();
let rssPeak = rssBefore;
const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage.rss())), 10);
const started = performance.now();

function post(): Promise<number> {
  return new Promise((resolve) => {
    const sent = request(
      { host: url.hostname, port: url.port, path: '/graphql', method: 'POST' },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    sent.setHeader('content-type', 'application/json');
    sent.setHeader('content-length', BODY.length);
    // The server may close the connection before the body is through: that is the point.
    sent.on('error', () => resolve(-1));
    sent.end(BODY);
  });
}

const statuses = await Promise.all(Array.from({ length: connections }, post));
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
const counts = new Map<number, number>();
for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
console.log(
  `${connections} anonymous 16 MiB bodies: ${[...counts].map(([status, n]) => `${n} × ${status}`).join(', ')} ` +
    `in ${seconds.toFixed(2)} s; RSS ${mb(rssBefore)} MB before, peak ${mb(rssPeak)} MB`,
);
await app.close();
await orm.close(true);
await database.drop();
