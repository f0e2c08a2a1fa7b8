// A throwaway PostgreSQL server for the store tests: initdb into a temporary folder,
// start it on a free port with its socket in that folder, and remove it afterwards.
// PostgreSQL refuses to run as root, so under root (CI) the server runs as the
// `postgres` user that Debian's package creates. Without the binaries the caller skips.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

const POSTGRES_LIB = '/usr/lib/postgresql';

export interface PostgresServer {
  /** postgres:// URL of a fresh database for one test file. */
  url: string;
  stop(): void;
}

/** The bin folder of the newest installed PostgreSQL, or null. */
export function postgresBinaries(): string | null {
  if (!existsSync(POSTGRES_LIB)) return null;
  const versions = readdirSync(POSTGRES_LIB)
    .filter((v) => existsSync(join(POSTGRES_LIB, v, 'bin', 'initdb')) && existsSync(join(POSTGRES_LIB, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? null : join(POSTGRES_LIB, versions[0], 'bin');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function uidOf(user: string): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

/** `settings`: server parameters beyond the defaults (name → value, as postgres -c takes them). */
export async function startPostgres(bin: string, settings: Readonly<Record<string, string>> = {}): Promise<PostgresServer> {
  const dir = mkdtempSync(join(tmpdir(), 'leakaid-pg-'));
  const data = join(dir, 'data');
  const asRoot = userInfo().uid === 0;
  let run = (command: string, args: string[]): string => execFileSync(join(bin, command), args, { encoding: 'utf8', stdio: 'pipe' });
  if (asRoot) {
    const owner = uidOf('postgres');
    if (owner === null) throw new Error('running as root and there is no "postgres" user to run PostgreSQL as');
    chownSync(dir, owner.uid, owner.gid);
    run = (command, args) => execFileSync('runuser', ['-u', 'postgres', '--', join(bin, command), ...args], { encoding: 'utf8', stdio: 'pipe' });
  }
  const port = await freePort();
  run('initdb', ['-D', data, '-U', 'leakaid', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const extra = Object.entries(settings).map(([name, value]) => ` -c ${name}=${value}`).join('');
  run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off${extra}`, 'start']);
  return {
    url: `postgres://leakaid@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
