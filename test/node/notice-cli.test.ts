// `leakaid notice lint` as an organization runs it: the built bin, real files and pipes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { MAX_NOTICE_DRAFT_CHARS } from '../../src/core/notice-lint/index.js';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/leakaid.js');
const FIXTURES = 'test/fixtures/notices';
const work = mkdtempSync(join(tmpdir(), 'leakaid-notice-cli-'));

function leakaid(args: string[], input?: string | Buffer) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('leakaid notice lint', () => {
  it('passes a complete notice with exit 0, in Japanese by default', () => {
    const run = leakaid(['notice', 'lint', `${FIXTURES}/ja-complete.txt`]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('お知らせ文の点検');
    expect(run.stdout).toContain('必須の項目はそろっていて、詐欺に似た点は見つかりませんでした。');
    expect(run.stdout).toContain('✓ 窓口の受付時間');
  });

  it('lists what to fix, with line and column, and exits 1', () => {
    const run = leakaid(['notice', 'lint', `${FIXTURES}/ja-scam-lookalike.txt`]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('[必須項目の不足] いつのことかが書かれていません  (notice.missing.when)');
    expect(run.stdout).toContain('[詐欺に似た点] 短縮URLがあります  (notice.scam.link-shortener)');
    expect(run.stdout).toContain('場所 4行目 1文字目: 「https://bit.ly/3sakura」');
    expect(run.stdout).toContain('場所 7行目 8文字目: 「090-1234-5678」');
    // Missing parts come before scam look-alikes, and those before advice.
    expect(run.stdout.indexOf('[必須項目の不足]')).toBeLessThan(run.stdout.indexOf('[詐欺に似た点]'));
    expect(run.stdout.indexOf('[詐欺に似た点]')).toBeLessThan(run.stdout.indexOf('[助言]'));
  });

  it('speaks English with --lang en, and reads standard input', () => {
    const run = leakaid(['notice', 'lint', '--lang', 'en', '--channel', 'email', '-'], readFixture('en-scam-lookalike.txt'));
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('■ stdin — Notice check');
    expect(run.stdout).toContain('[Looks like a scam] It links to a log-in or form page  (notice.scam.link-login)');
    expect(run.stdout).toContain('line 3, column');
  });

  it('prints JSON findings with offsets into the draft with --json', () => {
    const run = leakaid(['notice', 'lint', '--json', `${FIXTURES}/ja-scam-lookalike.txt`]);
    expect(run.status).toBe(1);
    const result = JSON.parse(run.stdout) as { id: string; channel: string; findings: { code: string; severity: string; spans: [number, number][] }[]; counts: Record<string, number> };
    expect(result.id).toBe(`${FIXTURES}/ja-scam-lookalike.txt`);
    expect(result.channel).toBe('letter');
    const draft = readFixture('ja-scam-lookalike.txt');
    const shortener = result.findings.find((f) => f.code === 'notice.scam.link-shortener')!;
    expect(shortener.spans.map(([s, e]) => draft.slice(s, e))).toEqual(['https://bit.ly/3sakura']);
    expect(result.counts['missing-required']).toBeGreaterThan(0);
  });

  it('reads a Shift_JIS file', () => {
    const file = join(work, 'sjis.txt');
    writeFileSync(file, iconv.encode(readFixture('ja-complete.txt'), 'shift_jis'));
    const run = leakaid(['notice', 'lint', file]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it.each([
    ['an empty file', () => writeEmpty(), /is empty: give the text of the notice/],
    ['a missing file', () => join(work, 'no-such-file.txt'), /cannot read .*ENOENT/],
    ['a draft over the limit', () => writeLarge(), /too long: \d+ characters, the limit is 10000/],
  ])('refuses %s with exit 2 and one line', (_name, path, message) => {
    const run = leakaid(['notice', 'lint', path()]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses an unknown channel with exit 2', () => {
    const run = leakaid(['notice', 'lint', '--channel', 'fax', `${FIXTURES}/ja-complete.txt`]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('fax');
  });
});

function readFixture(name: string): string {
  return readFileSync(join(ROOT, FIXTURES, name), 'utf8');
}

function writeEmpty(): string {
  const file = join(work, 'empty.txt');
  writeFileSync(file, ' \n\n');
  return file;
}

function writeLarge(): string {
  const file = join(work, 'large.txt');
  writeFileSync(file, 'あ'.repeat(MAX_NOTICE_DRAFT_CHARS + 1));
  return file;
}
