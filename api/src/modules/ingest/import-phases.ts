import { readFileSync } from 'node:fs';

/** Linux's clock ticks per second (USER_HZ), the unit of the CPU times in /proc/thread-self/stat. */
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds the calling thread has used, where Linux tells (/proc/thread-self/stat, 10 ms steps):
 * process.cpuUsage() counts every thread, and an import validates on a worker thread meanwhile.
 */
function threadCpuSeconds(): number | undefined {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    // Fields after the command name (which may hold spaces): state is the 3rd field, utime the 14th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

function processCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

/**
 * The import's time by phase, printed to stderr at the end when CX_IMPORT_PHASES is set (see
 * docs/importing.md#bulk-loads): wall seconds and this thread's CPU seconds per phase, and the CPU of
 * the other threads (the validation worker, the garbage collector's) over the whole import, and the
 * largest resident memory seen at the end of each phase. A phase is the time from one mark to the next;
 * marks of the same name add up.
 */
export class ImportPhases {
  private readonly totals = new Map<string, { wall: number; cpu: number; rss: number }>();
  private readonly startedProcessCpu = processCpuSeconds();
  private readonly startedThreadCpu = threadCpuSeconds();
  private lastWall = performance.now();
  private lastCpu = this.startedThreadCpu ?? 0;

  static start(): ImportPhases | undefined {
    return process.env.CX_IMPORT_PHASES ? new ImportPhases() : undefined;
  }

  /** Ends the phase `name` now. */
  mark(name: string): void {
    const wall = performance.now();
    const cpu = threadCpuSeconds() ?? 0;
    const total = this.totals.get(name) ?? { wall: 0, cpu: 0, rss: 0 };
    total.wall += (wall - this.lastWall) / 1000;
    total.cpu += cpu - this.lastCpu;
    total.rss = Math.max(total.rss, process.memoryUsage.rss());
    this.totals.set(name, total);
    this.lastWall = wall;
    this.lastCpu = cpu;
  }

  /** Prints the phases, then the CPU of the whole process and of its other threads. */
  report(rows: number): void {
    const line = (name: string, wall: string, cpu: string, perRow: string, rss = '') =>
      `${name.padEnd(36)} ${wall.padStart(8)} ${cpu.padStart(8)} ${perRow.padStart(10)} ${rss.padStart(8)}`;
    const lines = [line('import phase', 'wall s', 'CPU s', 'CPU µs/row', 'RSS MB')];
    const perRow = (seconds: number) => (rows ? ((seconds * 1e6) / rows).toFixed(1) : '');
    for (const [name, { wall, cpu, rss }] of this.totals) {
      const megabytes = (rss / 2 ** 20).toFixed(0);
      lines.push(line(name, wall.toFixed(2), cpu.toFixed(2), perRow(cpu), megabytes));
    }
    const processCpu = processCpuSeconds() - this.startedProcessCpu;
    if (this.startedThreadCpu !== undefined) {
      const otherThreads = processCpu - ((threadCpuSeconds() ?? 0) - this.startedThreadCpu);
      lines.push(line('other threads (validation)', '', otherThreads.toFixed(2), perRow(otherThreads)));
    }
    lines.push(line('whole process', '', processCpu.toFixed(2), perRow(processCpu)));
    process.stderr.write(`${lines.join('\n')}\n`);
  }
}
