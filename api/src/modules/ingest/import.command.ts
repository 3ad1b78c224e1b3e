import { stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { Argument, Option, type Command } from 'commander';
import { SingleBar } from 'cli-progress';
import { CliError } from '../../cli/cli-error.js';
import { resolveUserPath } from '../../cli/user-path.js';
import { withOrm } from '../../cli/with-orm.js';
import { IngestService } from './ingest.service.js';
import { readerFor } from './readers/read-file.js';
import { validateFileInWorker } from './readers/validate-file.js';
import { RECORD_KINDS, type ImportSummary, type RecordKind } from './record-kind.js';
import { RECORD_SPECS } from './record-specs.js';
import { loadColumnMapping, MappingError } from './sources/column-mapping.js';
import { VENDOR_FORMAT_FILES, VENDOR_FORMATS, type SourceFormat } from './sources/source-file.js';

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description(
      'Import a CSV (header row) or NDJSON file of one record kind, upserting by id. The whole file is ' +
        'one transaction: if any row is invalid, every problem is listed and nothing is written.',
    )
    .addArgument(new Argument('<kind>', 'what the file holds').choices(RECORD_KINDS))
    .argument('<file>', 'a .csv file, or a .ndjson/.jsonl file with one JSON object per line')
    .option('--dry-run', 'validate everything and say what would change, without writing')
    .addOption(
      new Option('--format <vendor>', 'a vendor export: qualtrics (surveys, CSV) or zendesk (contacts, JSON)')
        .choices(VENDOR_FORMATS)
        .conflicts('mapping'),
    )
    .option('--mapping <file>', 'a JSON or YAML column-mapping file that reads any CSV as this kind')
    .action(async (kind: RecordKind, file: string, options: ImportOptions) => {
      const path = resolveUserPath(file);
      const source = await sourceFormat(kind, path, file, options);
      const size = await fileSize(path, file);
      const started = performance.now();
      const validated = validateFileInWorker(kind, path, source);
      const summary = await withOrm(async (orm) => {
        const progress = process.stderr.isTTY ? startProgress(kind, size) : undefined;
        try {
          return await new IngestService(orm.em.fork()).importValidated(kind, validated.batches, {
            dryRun: options.dryRun,
            source: basename(path),
            onProgress: (rowsRead) => progress?.update(validated.bytesRead(), { rows: rowsRead }),
          });
        } finally {
          progress?.stop();
        }
      }).finally(() => validated.close());
      // The file is read from the start of the command, while the database opens: time it all.
      summary.durationMs = performance.now() - started;
      report(summary, file);
    });
}

interface ImportOptions {
  dryRun?: boolean;
  format?: (typeof VENDOR_FORMATS)[number];
  mapping?: string;
}

/** What the file holds, checked against the kind and the file's extension before any row is read. */
async function sourceFormat(
  kind: RecordKind,
  path: string,
  file: string,
  options: ImportOptions,
): Promise<SourceFormat> {
  if (options.format) {
    const expected = VENDOR_FORMAT_FILES[options.format];
    if (kind !== expected.kind)
      throw new CliError(`--format ${options.format} imports ${expected.kind}, not ${kind}`);
    if (extname(path).toLowerCase() !== expected.extension) {
      throw new CliError(`${file}: expected a ${expected.extension} file for --format ${options.format}`);
    }
    return { format: options.format };
  }
  if (options.mapping) {
    if (extname(path).toLowerCase() !== '.csv')
      throw new CliError(`${file}: expected a .csv file with --mapping`);
    const mappingPath = resolveUserPath(options.mapping);
    await fileSize(mappingPath, options.mapping);
    try {
      return {
        format: 'mapping',
        mapping: await loadColumnMapping(mappingPath, options.mapping, RECORD_SPECS[kind]),
      };
    } catch (error) {
      if (error instanceof MappingError) throw new CliError(error.message);
      throw error;
    }
  }
  if (!readerFor(path)) throw new CliError(`${file}: expected a .csv, .ndjson or .jsonl file`);
  return { format: 'canonical' };
}

async function fileSize(path: string, shown: string): Promise<number> {
  const stats = await stat(path).catch(() => undefined);
  if (!stats?.isFile()) throw new CliError(`${shown}: no such file`);
  return stats.size;
}

function startProgress(kind: RecordKind, bytes: number): SingleBar {
  const bar = new SingleBar({
    format: `importing ${kind} [{bar}] {percentage}% | {rows} rows | ETA {eta_formatted}`,
    stream: process.stderr,
    clearOnComplete: true,
    hideCursor: true,
  });
  bar.start(bytes, 0, { rows: 0 });
  return bar;
}

function report(summary: ImportSummary, file: string): void {
  const seconds = summary.durationMs / 1000;
  const rate = Math.round(summary.rowsRead / Math.max(seconds, 0.001));
  const read = `${summary.rowsRead} ${summary.kind} rows from ${file} in ${seconds.toFixed(2)} s (${rate} rows/s)`;
  if (summary.problemCount) {
    for (const problem of summary.problems) console.error(problem.message);
    const more = summary.problemCount - summary.problems.length;
    if (more > 0) console.error(`… and ${more} more problems`);
    const problems = summary.problemCount === 1 ? '1 problem' : `${summary.problemCount} problems`;
    throw new CliError(`${problems} in ${summary.rowsRead} rows of ${file}: nothing was written`);
  }
  const counts = `inserted ${summary.inserted}, updated ${summary.updated}, unchanged ${summary.unchanged}`;
  if (summary.dryRun) {
    console.log(`dry run: read ${read}, all valid`);
    console.log(`would have ${counts}; nothing was written`);
  } else {
    console.log(`read ${read}`);
    console.log(counts);
  }
}
