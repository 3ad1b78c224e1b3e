import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

/** PostgreSQL 15's server programs on this machine and in CI. */
const BIN = '/usr/lib/postgresql/15/bin';

/** PostgreSQL refuses to run as root: as root, its programs run as the postgres user. */
const AS_ROOT = process.getuid?.() === 0;

export interface StreamingReplica {
  /** postgres:// URL of database `name` on the primary and on the replica. */
  primaryUrl(name: string): string;
  replicaUrl(name: string): string;
  /** Stops applying the primary's changes on the replica (it keeps receiving them). */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Waits until the replica has applied everything the primary has written so far. */
  caughtUp(): Promise<void>;
  /** Stops both servers and deletes their files. */
  destroy(): Promise<void>;
}

/**
 * A primary PostgreSQL cluster of its own (initdb in a temp directory, trusting loopback connections,
 * replication included) on a free port, and a streaming replica of it (pg_basebackup -R) on another.
 * The machine's own clusters are not touched.
 */
export async function startStreamingReplica(): Promise<StreamingReplica> {
  const root = mkdtempSync(join(tmpdir(), 'cx-replica-'));
  if (AS_ROOT)
    chownSync(root, Number(await run('id', ['-u', 'postgres'])), Number(await run('id', ['-g', 'postgres'])));
  const primaryDir = join(root, 'primary');
  const replicaDir = join(root, 'replica');
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const servers: string[] = [];
  const url = (port: number, name: string) => `postgres://postgres@127.0.0.1:${port}/${name}`;
  const pgCtl = (dir: string, ...args: string[]) => run(join(BIN, 'pg_ctl'), ['-D', dir, ...args], true);
  const start = async (dir: string, port: number) => {
    await pgCtl(
      dir,
      '-l',
      join(root, `${port}.log`),
      '-w',
      '-o',
      `-p ${port} -k ${root} -c listen_addresses=127.0.0.1`,
      'start',
    );
    servers.push(dir);
  };
  try {
    await run(join(BIN, 'initdb'), ['-D', primaryDir, '-U', 'postgres', '--auth=trust'], true);
    writeFileSync(
      join(primaryDir, 'pg_hba.conf'),
      'host all all 127.0.0.1/32 trust\nhost replication all 127.0.0.1/32 trust\n',
    );
    await start(primaryDir, primaryPort);
    await run(
      join(BIN, 'pg_basebackup'),
      [
        '-h',
        '127.0.0.1',
        '-p',
        String(primaryPort),
        '-U',
        'postgres',
        '-D',
        replicaDir,
        '-R',
        '-X',
        'stream',
      ],
      true,
    );
    await start(replicaDir, replicaPort);
  } catch (error) {
    await stopAll();
    throw error;
  }

  async function stopAll(): Promise<void> {
    for (const dir of servers.reverse()) await pgCtl(dir, '-m', 'immediate', 'stop').catch(() => {});
    rmSync(root, { recursive: true, force: true });
  }
  const onReplica = (sql: string) => query(url(replicaPort, 'postgres'), sql);
  return {
    primaryUrl: (name) => url(primaryPort, name),
    replicaUrl: (name) => url(replicaPort, name),
    pauseReplay: async () => void (await onReplica('select pg_wal_replay_pause()')),
    resumeReplay: async () => void (await onReplica('select pg_wal_replay_resume()')),
    caughtUp: async () => {
      const { lsn } = await query(url(primaryPort, 'postgres'), 'select pg_current_wal_lsn()::text as lsn');
      for (;;) {
        const { behind } = await onReplica(
          `select pg_wal_lsn_diff('${lsn}', pg_last_wal_replay_lsn()) > 0 as behind`,
        );
        if (!behind) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    destroy: stopAll,
  };
}

async function run(command: string, args: string[], asPostgres = false): Promise<string> {
  const [file, argv] =
    asPostgres && AS_ROOT ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const { stdout } = await promisify(execFile)(file, argv, { cwd: tmpdir() });
  return stdout.trim();
}

/** The first row of a statement's result. */
async function query(url: string, sql: string): Promise<Record<string, any>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows[0] as Record<string, any>;
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
