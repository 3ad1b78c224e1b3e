import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { loadavg } from 'node:os';
import { deserialize, serialize } from 'node:v8';
import { parse } from 'csv-parse';
import { Command } from 'commander';
import { RECORD_KINDS, type RecordKind } from '../src/modules/ingest/record-kind.js';
import { RECORD_SPECS } from '../src/modules/ingest/record-specs.js';
import { readCsv } from '../src/modules/ingest/readers/csv-reader.js';
import { postedBatch, receivedBatch, type PostedBatch } from '../src/modules/ingest/readers/posted-batch.js';
import { validateBatches, type ValidatedBatch } from '../src/modules/ingest/validate-batches.js';

/*
 * pnpm bench:read FILE: the CPU per row of the reading half of a file import, on one thread, stage by
 * stage: csv-parse alone with the reader's options (for comparison: the reader tokenizes by itself),
 * records to numbered rows (readCsv), rows validated into batches (validateBatches), and what handing a
 * validated batch to the writing thread costs each side (V8's serializer, which postMessage uses; the
 * typed arrays postMessage would move are copied here). Each stage runs --runs times, the stages
 * alternating so that other load on the machine falls on all alike; the table gives the least and the
 * median CPU µs per row. See docs/importing.md#bulk-loads.
 */

const program = new Command('bench:read')
  .argument('<file>', 'a canonical CSV file (bench:import --files DIR leaves DIR/contacts.csv)')
  .option('--kind <kind>', `the kind of the file (${RECORD_KINDS.join(', ')})`, 'contacts')
  .option('--runs <n>', 'runs of each stage', '5')
  .showHelpAfterError();
program.parse();
const [file] = program.args as [string];
const options = program.opts<{ kind: RecordKind; runs: string }>();
const spec = RECORD_SPECS[options.kind];

function cpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

/** Each stage reads the whole file and returns the rows it read. */
const stages: Record<string, () => Promise<number>> = {
  'csv-parse alone, the reader options (reference)': async () => {
    const parser = createReadStream(file).pipe(
      parse({ bom: true, record_delimiter: ['\r\n', '\n'], relax_column_count: true }),
    );
    parser.resume();
    await once(parser, 'end');
    return parser.info.records - 1;
  },
  'readCsv (records to numbered rows)': async () => {
    let rows = 0;
    for await (const row of readCsv(createReadStream(file), spec)) rows += row.header ? 0 : 1;
    return rows;
  },
  'readCsv + validateBatches': async () => {
    let rows = 0;
    for await (const batch of validateBatches(spec, readCsv(createReadStream(file), spec)))
      rows += batch.rowsRead;
    return rows;
  },
};

/** The two forms a batch can travel in: as it is (before), and as the worker posts it. */
const handOvers: Record<
  string,
  { send: (batch: ValidatedBatch) => Buffer; receive: (sent: Buffer) => unknown }
> = {
  'as objects (structured clone)': {
    send: (batch) => serialize(batch),
    receive: (sent) => deserialize(sent) as ValidatedBatch,
  },
  'as posted (records as columns)': {
    send: (batch) => serialize(postedBatch(batch).posted),
    receive: (sent) => receivedBatch(deserialize(sent) as PostedBatch),
  },
};

const samples = new Map<string, number[]>();
const sample = (name: string, seconds: number, rows: number) =>
  samples.set(name, [...(samples.get(name) ?? []), (seconds * 1e6) / rows]);

console.log(`${file} (${options.kind}); load average at the start ${load()}`);
for (let run = 0; run < Number(options.runs); run++) {
  for (const [name, stage] of Object.entries(stages)) {
    const started = cpuSeconds();
    const rows = await stage();
    sample(name, cpuSeconds() - started, rows);
  }
  for (const [name, { send, receive }] of Object.entries(handOvers)) {
    // Only the hand-over is timed, batch by batch as they are validated (holding them all would slow
    // the garbage collector down).
    let sending = 0;
    let receiving = 0;
    let rows = 0;
    for await (const batch of validateBatches(spec, readCsv(createReadStream(file), spec))) {
      rows += batch.rowsRead;
      const started = cpuSeconds();
      const sent = send(batch);
      const received = cpuSeconds();
      receive(sent);
      sending += received - started;
      receiving += cpuSeconds() - received;
    }
    sample(`hand-over ${name}: worker side`, sending, rows);
    sample(`hand-over ${name}: writer side`, receiving, rows);
  }
}
console.log(`load average at the end ${load()}\n`);
console.log('| stage | CPU µs/row, least | median |');
console.log('| --- | ---: | ---: |');
for (const [name, values] of samples) {
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(`| ${name} | ${sorted[0]!.toFixed(1)} | ${median.toFixed(1)} |`);
}
