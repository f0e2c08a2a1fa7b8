// `leakaid issuer`, `leakaid notices` and `leakaid verify` as an organization and a
// recipient run them: the built bin, real files, a store in a temporary folder; and an
// issuance killed with SIGKILL mid-run that resumes to the same output, on SQLite and
// on PostgreSQL (when its binaries are installed).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NTT_INCIDENT_ID } from '../../../src/core/registry/seed.js';
import { postgresBinaries, startPostgres, type PostgresServer } from '../store/postgres-server.js';

const ROOT = join(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'bin/leakaid.js');
const dir = mkdtempSync(join(tmpdir(), 'leakaid-notices-cli-'));
const bin = postgresBinaries();
if (bin === null) console.warn('notices cli.test.ts: skipping the PostgreSQL resume, no PostgreSQL binaries (apt-get install -y postgresql)');
let postgres: PostgresServer | undefined;

beforeAll(async () => {
  if (bin !== null) postgres = await startPostgres(bin);
}, 60_000);

afterAll(() => {
  postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

function leakaid(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function publicKeyOf(stdout: string): string {
  return /public key: (\S+)/.exec(stdout)![1]!;
}

const ISSUE = ['notices', 'issue', '--incident', NTT_INCIDENT_ID, '--org', 'ntt-west', '--public-origin', 'https://verify.example.jp'];

describe('leakaid issuer, notices and verify', () => {
  const db = join(dir, 'cli.sqlite');
  const key = join(dir, 'issuer.pem');

  it('keygen writes a private key only its owner can read, and never overwrites one', () => {
    const made = leakaid(['issuer', 'keygen', '--out', key, '--org', 'ntt-west', '--domain', 'ntt-west.co.jp']);
    expect(made.code, made.stderr).toBe(0);
    expect(statSync(key).mode & 0o777).toBe(0o600);
    expect(readFileSync(key, 'utf8')).toContain('BEGIN PRIVATE KEY');
    expect(made.stdout).toContain('"format": "leakaid-notice-keys/1"');
    expect(made.stdout).not.toContain('PRIVATE');
    const before = readFileSync(key);
    const again = leakaid(['issuer', 'keygen', '--out', key]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^leakaid: .*never overwritten.*\n$/);
    expect(readFileSync(key)).toEqual(before);
  });

  it('register accepts the organization\'s official domain only; list shows the key', () => {
    const publicKey = publicKeyOf(leakaid(['issuer', 'keygen', '--out', join(dir, 'spare.pem')]).stdout);
    const ownKey = spawnSync('openssl', ['pkey', '-in', key, '-pubout', '-outform', 'DER']).stdout.subarray(-32).toString('base64url');
    const wrong = leakaid(['issuer', 'register', '--org', 'ntt-west', '--public-key', publicKey, '--domain', 'ntt-west-support.example', '--db', db]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('is not an official domain of ntt-west on record');
    const ok = leakaid(['issuer', 'register', '--org', 'ntt-west', '--public-key', ownKey, '--domain', 'ntt-west.co.jp', '--valid-from', '2026-01-01', '--db', db]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(leakaid(['issuer', 'list', '--db', db]).stdout).toMatch(/^[0-9a-f]{16} {2}ntt-west {2}ntt-west\.co\.jp {2}from 2026-01-01 {2}active$/m);
  });

  it('refuses a key file others can read, and a recipients file it cannot use, before issuing anything', () => {
    const recipients = join(dir, 'bad.csv');
    writeFileSync(recipients, 'recipient_id,postal_code\nR1,530-0001\n');
    chmodSync(key, 0o644);
    const open = leakaid([...ISSUE, '--recipients', recipients, '--out', join(dir, 'out-bad'), '--key', key, '--db', db]);
    chmodSync(key, 0o600);
    expect(open.code).toBe(2);
    expect(open.stderr).toContain('can be read by other users');
    const cases: [string, RegExp][] = [
      ['name,postal_code\n山田,530-0001\n', /needs a header row with a recipient_id column/],
      ['recipient_id,postal_code\nR1,530-0001\nR2,53-0001\n', /recipients row 2: postal_code "53-0001" is not a 7-digit postal code/],
      ['recipient_id\n', /has a header but no rows/],
      ['recipient_id,postal_code\n"R1,530-0001\n', /recipients file line \d+:/],
    ];
    for (const [content, message] of cases) {
      writeFileSync(recipients, content);
      const run = leakaid([...ISSUE, '--recipients', recipients, '--out', join(dir, 'out-bad'), '--key', key, '--db', db]);
      expect(run.code, content).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
    const missing = leakaid([...ISSUE, '--recipients', join(dir, 'nope.csv'), '--out', join(dir, 'out-bad'), '--key', key, '--db', db]);
    expect(missing.code).toBe(2);
  });

  it('issues from a key in the environment, then verifies a typed code in Japanese and English, with the postal code', () => {
    const recipients = join(dir, 'recipients.csv');
    writeFileSync(recipients, 'recipient_id,氏名,postal_code\nR-1,鬼瓦 権造,〒530-0001\nR-2,佐藤 一郎,600-8216\n');
    const issued = leakaid([...ISSUE, '--recipients', recipients, '--out', join(dir, 'out'), '--db', db], { LEAKAID_ISSUER_KEY: readFileSync(key, 'utf8') });
    expect(issued.code, issued.stderr).toBe(0);
    expect(issued.stdout).toMatch(/^run [0-9A-Z]{8}: 2 notices, issued \d{4}-\d{2}-\d{2}$/m);
    const csvPath = /print-house CSV: (.+)/.exec(issued.stdout)![1]!;
    const proof = /proof: (.+)/.exec(issued.stdout)![1]!;
    expect(readFileSync(proof).subarray(0, 5).toString()).toBe('%PDF-');
    const [, serial, code, url] = readFileSync(csvPath, 'utf8').split('\n')[1]!.split(',');

    const ja = leakaid(['verify', code!.toLowerCase(), '--postal-code', '530-0001', '--db', db]);
    expect(ja.code, ja.stderr).toBe(0);
    expect(ja.stdout).toContain('✅ 本物です');
    expect(ja.stdout).toContain('NTT西日本が');
    expect(ja.stdout).toContain('郵便番号も一致しました');
    expect(ja.stdout).toContain(`通知番号: ${serial}`);
    expect(ja.stdout).toContain('漏れていない情報（発表による）: クレジットカード番号');

    const en = leakaid(['verify', url!, '--lang', 'en', '--json', '--db', db]);
    expect(en.code, en.stderr).toBe(0);
    expect(JSON.parse(en.stdout)).toMatchObject({ status: 'genuine', checkedBy: 'payload', notice: { serial } });

    const unknown = leakaid(['verify', '0000-0000-0000-0000-0', '--db', db]);
    expect(unknown.code).toBe(0);
    expect(unknown.stdout).toContain('⛔ 本物とは確かめられません');
    expect(unknown.stdout).toContain('この確認コードは登録されていません');

    const typo = leakaid(['verify', code!.slice(0, -1) + (code!.endsWith('0') ? '1' : '0'), '--db', db]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^leakaid: どこかの文字が違っています/);
    const badPostal = leakaid(['verify', code!, '--postal-code', '12', '--db', db]);
    expect(badPostal.code).toBe(2);
    expect(badPostal.stderr).toContain('7 digits');

    expect(leakaid(['notices', 'revoke', serial!, '--db', db]).code).toBe(0);
    expect(leakaid(['verify', code!, '--db', db]).stdout).toContain('取り消しています');
    expect(leakaid(['notices', 'revoke', 'ZZZZZZZZ-9', '--db', db]).code).toBe(2);
  });
});

/** Rows of a recipients file big enough for several chunks (20,000 rows each). */
const RESUME_ROWS = 70_000;

interface Engine {
  name: string;
  skip: boolean;
  location(name: string): Promise<string>;
  committed(location: string): Promise<number>;
  notices(location: string): Promise<number>;
}

async function pgQuery(location: string, text: string): Promise<number> {
  const client = new pg.Client({ connectionString: location });
  await client.connect();
  try {
    return Number((await client.query(text)).rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

function sqliteQuery(location: string, text: string): number {
  const db = new SqliteDatabase(location, { readonly: true, fileMustExist: true });
  try {
    return Number((db.prepare(text).get() as { n?: number } | undefined)?.n ?? 0);
  } catch {
    return 0; // not migrated yet
  } finally {
    db.close();
  }
}

const ENGINES: Engine[] = [
  {
    name: 'SQLite',
    skip: false,
    location: async (name) => join(dir, `${name}.sqlite`),
    committed: async (location) => sqliteQuery(location, 'SELECT max(rows_committed) AS n FROM notice_runs'),
    notices: async (location) => sqliteQuery(location, 'SELECT count(*) AS n FROM notices'),
  },
  {
    name: 'PostgreSQL',
    skip: bin === null,
    async location(name) {
      await pgQuery(postgres!.url, `CREATE DATABASE ${name}`);
      return postgres!.url.replace(/\/postgres$/, `/${name}`);
    },
    committed: (location) => pgQuery(location, 'SELECT max(rows_committed) AS n FROM notice_runs'),
    notices: (location) => pgQuery(location, 'SELECT count(*) AS n FROM notices'),
  },
];

describe.each(ENGINES)('an issuance killed mid-run on $name', (engine) => {
  it.skipIf(engine.skip)('resumes where it stopped: no serial twice, the same codes, a byte-identical CSV', async () => {
    const key = join(dir, `resume-${engine.name}.pem`);
    const publicKey = publicKeyOf(leakaid(['issuer', 'keygen', '--out', key]).stdout);
    const recipients = join(dir, `resume-${engine.name}.csv`);
    const lines = ['recipient_id,postal_code'];
    for (let i = 1; i <= RESUME_ROWS; i++) lines.push(`K${i},${String((i * 7919) % 10_000_000).padStart(7, '0')}`);
    writeFileSync(recipients, `${lines.join('\n')}\n`);

    const reference = await engine.location(`resume_ref_${engine.name.toLowerCase()}`);
    const killed = await engine.location(`resume_kill_${engine.name.toLowerCase()}`);
    for (const location of [reference, killed]) {
      const registered = leakaid(['issuer', 'register', '--org', 'ntt-west', '--public-key', publicKey, '--domain', 'ntt-west.co.jp', '--db', location]);
      expect(registered.code, registered.stderr).toBe(0);
    }
    const issue = (location: string, out: string) => [...ISSUE, '--recipients', recipients, '--out', out, '--key', key, '--db', location];

    const whole = leakaid(issue(reference, join(dir, 'out-ref')));
    expect(whole.code, whole.stderr).toBe(0);
    const referenceCsv = readFileSync(/print-house CSV: (.+)/.exec(whole.stdout)![1]!);

    // Killed with SIGKILL once at least one chunk is committed and before the last.
    const child = spawn(process.execPath, [BIN, ...issue(killed, join(dir, 'out-killed'))], { cwd: dir, stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    let committedAtKill = 0;
    for (;;) {
      committedAtKill = await engine.committed(killed);
      if (committedAtKill > 0 || child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    child.kill('SIGKILL');
    await exited;
    expect(committedAtKill).toBeGreaterThan(0);
    expect(committedAtKill).toBeLessThan(RESUME_ROWS);

    const resumed = leakaid(issue(killed, join(dir, 'out-killed')));
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(/resumed at row \d+: 70000 notices/);
    const resumedCsv = readFileSync(/print-house CSV: (.+)/.exec(resumed.stdout)![1]!);
    expect(resumedCsv.equals(referenceCsv)).toBe(true);
    expect(await engine.notices(killed)).toBe(RESUME_ROWS);
    const serials = resumedCsv.toString('utf8').trimEnd().split('\n').slice(1).map((line) => line.split(',')[1]);
    expect(new Set(serials).size).toBe(RESUME_ROWS);

    // The CSV lost altogether is written again from the store's run, the same bytes.
    rmSync(join(dir, 'out-killed'), { recursive: true });
    const rewritten = leakaid(issue(killed, join(dir, 'out-killed')));
    expect(rewritten.code, rewritten.stderr).toBe(0);
    expect(readFileSync(/print-house CSV: (.+)/.exec(rewritten.stdout)![1]!).equals(referenceCsv)).toBe(true);
    expect(await engine.notices(killed)).toBe(RESUME_ROWS);
  }, 240_000);
});
