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
import { writeRejects } from './rejects/rejects-file.js';
import { loadColumnMapping, MappingError } from './sources/column-mapping.js';
import { VENDOR_FORMAT_FILES, VENDOR_FORMATS, type SourceFormat } from './sources/source-file.js';
import { loadVendorSettings, SettingsError } from './sources/vendor-settings.js';

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description(
      'Import a CSV (header row) or NDJSON file of one record kind, upserting by id. The whole file is ' +
        'one transaction: if any row is invalid, every problem is listed and nothing is written (unless ' +
        '--skip-invalid).',
    )
    .addArgument(new Argument('<kind>', 'what the file holds').choices(RECORD_KINDS))
    .argument('<file>', 'a .csv file, or a .ndjson/.jsonl file with one JSON object per line')
    .option('--dry-run', 'validate everything and say what would change, without writing')
    .addOption(
      new Option(
        '--format <vendor>',
        'a vendor export: qualtrics (surveys, CSV) or zendesk (JSON: tickets as contacts, satisfaction ratings as surveys)',
      )
        .choices(VENDOR_FORMATS)
        .conflicts('mapping'),
    )
    .option(
      '--settings <file>',
      'with --format: a JSON or YAML file saying which question is which, how customers are matched, how channels and reasons are read',
    )
    .option(
      '--users <file>',
      'with --format zendesk: the users (a Users API page) when the tickets lack include=users',
    )
    .option('--mapping <file>', 'a JSON or YAML column-mapping file that reads any CSV as this kind')
    .option(
      '--skip-invalid',
      'import the valid rows and refuse only the invalid ones, written to the --rejects file (a header problem still refuses the file)',
    )
    .option(
      '--bulk',
      `load through a staging table and set-based upserts (the default for files of ${BULK_MIN_MEGABYTES} MB or more)`,
    )
    .option('--no-bulk', 'write batch by batch even for a large file')
    .option(
      '--rejects <file>',
      'with --skip-invalid: where the refused rows go, with their problems, in the input format',
    )
    .action(async (kind: RecordKind, file: string, options: ImportOptions) => {
      const path = resolveUserPath(file);
      if (options.skipInvalid && !options.rejects)
        throw new CliError('--skip-invalid needs --rejects FILE: the refused rows are written there');
      if (options.rejects && !options.skipInvalid)
        throw new CliError(
          '--rejects FILE goes with --skip-invalid (without it nothing is imported when a row is refused)',
        );
      const source = await sourceFormat(kind, path, file, options);
      const size = await fileSize(path, file);
      const started = performance.now();
      const validated = validateFileInWorker(kind, path, source);
      const summary = await withOrm(async (orm) => {
        const progress = process.stderr.isTTY ? startProgress(kind, size) : undefined;
        try {
          return await new IngestService(orm.em.fork()).importValidated(kind, validated.batches, {
            dryRun: options.dryRun,
            skipInvalid: options.skipInvalid,
            bulk: useBulk(options, size),
            source: basename(path),
            onProgress: (rowsRead) => progress?.update(validated.bytesRead(), { rows: rowsRead }),
          });
        } finally {
          progress?.stop();
        }
      }).finally(() => validated.close());
      // The file is read from the start of the command, while the database opens: time it all.
      summary.durationMs = performance.now() - started;
      let rejectsWritten = 0;
      if (options.rejects && summary.rejected.length) {
        rejectsWritten = await writeRejects(
          path,
          resolveUserPath(options.rejects),
          kind,
          source,
          summary.rejected,
        );
      }
      report(summary, file, options.rejects, rejectsWritten);
    });
}

interface ImportOptions {
  dryRun?: boolean;
  /** true with --bulk, false with --no-bulk, undefined without either. */
  bulk?: boolean;
  format?: (typeof VENDOR_FORMATS)[number];
  settings?: string;
  users?: string;
  mapping?: string;
  skipInvalid?: boolean;
  rejects?: string;
}

/** Files from this size on load through the bulk path unless --no-bulk says otherwise. */
export const BULK_MIN_MEGABYTES = 10;

/**
 * Whether the import takes the bulk path: --bulk or --no-bulk when given, else by the file's size (a
 * small file's batches are few, and its transaction short either way). --skip-invalid writes batch by
 * batch (refused rows are left out row by row).
 */
function useBulk(options: ImportOptions, bytes: number): boolean {
  if (options.skipInvalid) return false;
  return options.bulk ?? bytes >= BULK_MIN_MEGABYTES * 1_000_000;
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
    if (!expected.kinds.includes(kind))
      throw new CliError(`--format ${options.format} imports ${expected.kinds.join(' or ')}, not ${kind}`);
    if (extname(path).toLowerCase() !== expected.extension) {
      throw new CliError(`${file}: expected a ${expected.extension} file for --format ${options.format}`);
    }
    if (options.users && options.format !== 'zendesk')
      throw new CliError('--users goes with --format zendesk');
    let settings;
    if (options.settings) {
      const settingsPath = resolveUserPath(options.settings);
      await fileSize(settingsPath, options.settings);
      try {
        settings = await loadVendorSettings(settingsPath, options.settings);
      } catch (error) {
        if (error instanceof SettingsError) throw new CliError(error.message);
        throw error;
      }
    }
    if (options.format === 'qualtrics') return { format: 'qualtrics', settings };
    const usersPath = options.users ? resolveUserPath(options.users) : undefined;
    if (usersPath) await fileSize(usersPath, options.users!);
    return { format: 'zendesk', settings, usersPath };
  }
  if (options.settings || options.users) throw new CliError('--settings and --users go with --format');
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

function report(summary: ImportSummary, file: string, rejectsFile?: string, rejectsWritten = 0): void {
  const seconds = summary.durationMs / 1000;
  const rate = Math.round(summary.rowsRead / Math.max(seconds, 0.001));
  const read = `${summary.rowsRead} ${summary.kind} rows from ${file} in ${seconds.toFixed(2)} s (${rate} rows/s)`;
  const partial =
    rejectsFile !== undefined &&
    summary.problemCount > 0 &&
    (summary.committed || summary.dryRun) &&
    summary.rejected.length > 0;
  if (summary.problemCount) {
    for (const problem of summary.problems) console.error(problem.message);
    const more = summary.problemCount - summary.problems.length;
    if (more > 0) console.error(`… and ${more} more problems`);
    if (!partial) {
      const problems = summary.problemCount === 1 ? '1 problem' : `${summary.problemCount} problems`;
      throw new CliError(`${problems} in ${summary.rowsRead} rows of ${file}: nothing was written`);
    }
  }
  const counts = `inserted ${summary.inserted}, updated ${summary.updated}, unchanged ${summary.unchanged}`;
  if (summary.dryRun) {
    console.log(`dry run: read ${read}${partial ? '' : ', all valid'}`);
    console.log(`would have ${counts}; nothing was written`);
  } else {
    console.log(`read ${read}`);
    console.log(counts);
  }
  for (const [reason, count] of Object.entries(summary.skipped)) console.log(`skipped ${count} ${reason}`);
  if (partial) {
    const rows = summary.rejected.length === 1 ? '1 row' : `${summary.rejected.length} rows`;
    const verb = summary.dryRun ? 'would refuse' : 'refused';
    console.log(`${verb} ${rows}: written with their problems to ${rejectsFile} (${rejectsWritten} records)`);
  }
}
