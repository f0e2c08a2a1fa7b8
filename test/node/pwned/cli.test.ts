// `leakaid pwned import` and `leakaid pwned check` as a person runs them: the built bin
// (`npm run build` first, as `npm test` does), real files, real pipes.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir, writeHashFile, removeTempDirs } from './fixtures.js';

const ROOT = join(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'bin/leakaid.js');
const PASSWORD = 'sakura1985';
const SHA1 = createHash('sha1').update(PASSWORD).digest('hex').toUpperCase();

let store: string;
let input: string;

function leakaid(args: string[], stdin?: string) {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input: stdin,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, LEAKAID_PWNED: store },
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  const dir = tempDir('cli');
  store = join(dir, 'store');
  input = writeHashFile(dir, 'pwned.txt', [
    { hash: createHash('sha1').update('123456').digest('hex').toUpperCase(), count: 37359195 },
    { hash: SHA1, count: 1234 },
  ]);
});

afterAll(removeTempDirs);

describe('leakaid pwned', () => {
  it('imports a file into LEAKAID_PWNED and says so in Japanese or English', () => {
    const ja = leakaid(['pwned', 'import', input]);
    expect(ja.status).toBe(0);
    expect(ja.stdout).toContain('2 件のパスワード（SHA-1）を取り込みました');
    expect(ja.stdout).toContain(join(store, 'sha1'));
    const en = leakaid(['pwned', 'import', input, '--lang', 'en']);
    expect(en.stdout).toContain('Imported 2 password hashes (SHA-1)');
  });

  it('checks a piped password and prints the count, never the password', () => {
    leakaid(['pwned', 'import', input]);
    const found = leakaid(['pwned', 'check'], `${PASSWORD}\n`);
    expect(found.status).toBe(0);
    expect(found.stdout).toContain('1,234 回');
    expect(found.stdout).toContain('このパスワードは使わないでください');
    expect(found.stdout + found.stderr).not.toContain(PASSWORD);
    expect(found.stdout + found.stderr).not.toContain(SHA1);

    const en = leakaid(['pwned', 'check', '--lang', 'en'], `${PASSWORD}\r\n`);
    expect(en.stdout).toContain('appears 1,234 times');
    const absent = leakaid(['pwned', 'check', '--lang', 'en'], 'Zq8#vL2!pW9$mK4');
    expect(absent.stdout).toContain('was not found in the list of leaked passwords (2 entries)');
    const json = leakaid(['pwned', 'check', '--json'], '123456\n');
    expect(JSON.parse(json.stdout)).toEqual({ mode: 'sha1', count: 37359195, storeRecords: 2 });
  });

  it('fails with one line and status 2 on bad input or a missing store', () => {
    const empty = leakaid(['pwned', 'check'], '');
    expect(empty.status).toBe(2);
    expect(empty.stderr).toBe('leakaid: no password given on standard input\n');
    const bad = leakaid(['pwned', 'import', join(ROOT, 'package.json')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/line 1: expected a 40-hex SHA-1 hash/);
    const noStore = leakaid(['pwned', 'check', '--mode', 'ntlm'], 'x\n');
    expect(noStore.status).toBe(2);
    expect(noStore.stderr).toMatch(/no NTLM password store/);
    const badMode = leakaid(['pwned', 'import', input, '--mode', 'md5']);
    expect(badMode.status).toBe(2);
  });

  // A terminal needs a pseudo-terminal: util-linux `script` gives one.
  it.skipIf(!existsSync('/usr/bin/script'))('does not echo the password typed on a terminal', async () => {
    leakaid(['pwned', 'import', input]);
    const child = spawn('/usr/bin/script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} pwned check --lang en`, '/dev/null'], {
      cwd: ROOT,
      env: { ...process.env, LEAKAID_PWNED: store },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      // Typed only once the prompt is up, as a person would: echo is off by then.
      if (output.includes('will not be shown') && !child.stdin.writableEnded) child.stdin.end(`${PASSWORD}\r`);
    });
    await new Promise((resolve) => child.once('exit', resolve));
    expect(output).toContain('Password (it will not be shown):');
    expect(output).toContain('appears 1,234 times');
    expect(output).not.toContain(PASSWORD);
  });
});
