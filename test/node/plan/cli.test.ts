// `leakaid plan` as a person runs it: the built bin, a store of its own, real files.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdf } from './pdf-text.js';

const ROOT = join(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'bin/leakaid.js');
const work = mkdtempSync(join(tmpdir(), 'leakaid-plan-cli-'));
const env = { ...process.env, LEAKAID_DB: join(work, 'store.sqlite') };

function leakaid(args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const NTT = ['plan', '--incident', 'ntt-business-solutions-2023', '--org', 'ntt-west'];

describe('leakaid plan', () => {
  it('prints the NTT West plan in Japanese, scam calls first, with a plan id', () => {
    const run = leakaid(NTT);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^計画の番号: [0-9a-f]{12}\n/);
    const first = run.stdout.indexOf('- [ ] **詐欺の電話やSMSに気をつける**');
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThan(run.stdout.indexOf('- [ ] **お詫びや補償を装った偽の連絡に気をつける**'));
    expect(run.stdout).toContain('パスワードは、今回漏れた情報には入っていないと発表されています。');
    expect(run.stdout).toContain('消費者ホットライン　電話 188');
    expect(run.stdout).toContain('- 公式サイトのドメイン: ntt-west.co.jp (出典: https://www.ntt-west.co.jp/news/)');
  });

  it('writes Markdown, PDF and .ics files, and reports them on stderr', () => {
    const files = { md: join(work, 'p.md'), pdf: join(work, 'p.pdf'), ics: join(work, 'p.ics') };
    const run = leakaid([...NTT, '--lang', 'en', '--no-save', '--markdown', files.md, '--pdf', files.pdf, '--ics', files.ics]);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('Plan id');
    expect(run.stderr).toContain(`Wrote: ${files.pdf}`);
    expect(readFileSync(files.md, 'utf8')).toContain('## First, today');
    expect(readPdf(readFileSync(files.pdf)).runs.join(' ')).toContain('Watch out for scam calls and text messages');
    expect(readFileSync(files.ics, 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n/);
  });

  it('keeps progress under the plan id: done, show, undone', () => {
    const made = leakaid(['plan', '--data-classes', 'Credit cards,電話番号', '--answers', 'gave-card', '--json']);
    expect(made.status).toBe(0);
    const json = JSON.parse(made.stdout) as { planId: string; remaining: string[] };
    expect(json.remaining[0]).toBe('call-card-company-now');
    const id = json.planId;

    const done = leakaid(['plan', 'done', id, 'call-card-company-now', '--lang', 'en']);
    expect(done.status).toBe(0);
    expect(done.stdout).toMatch(/^Marked "Call your card company now" as done\. \d+ of \d+ remaining\n$/);

    const shown = leakaid(['plan', 'show', id, '--json']);
    const reopened = JSON.parse(shown.stdout) as { remaining: string[]; progress: Record<string, { done: boolean }> };
    expect(reopened.remaining).not.toContain('call-card-company-now');
    expect(reopened.progress['call-card-company-now']?.done).toBe(true);

    expect(leakaid(['plan', 'undone', id, 'call-card-company-now']).status).toBe(0);
    const after = JSON.parse(leakaid(['plan', 'show', id, '--json']).stdout) as { remaining: string[] };
    expect(after.remaining[0]).toBe('call-card-company-now');
  });

  // One test per case: each spawns the CLI, which takes about a second to start.
  it.each<[string[], RegExp]>([
    [['plan'], /either --incident ID or --data-classes/],
    [['plan', '--incident', 'ntt-business-solutions-2023'], /choose one with --org/],
    [['plan', '--data-classes', 'Shoe sizes'], /unknown data class "Shoe sizes"/],
    [['plan', '--data-classes', 'Names', '--answers', 'maybe'], /unknown answer "maybe"/],
    [['plan', '--incident', 'nope'], /no incident "nope"/],
    [['plan', 'show', 'abcdefabcdef'], /no plan with id abcdefabcdef/],
    [['plan', 'done', 'abc', 'scam-calls'], /not a plan id/],
    [['plan', '--data-classes', 'Names', '--no-save', '--pdf', join(work, 'missing/dir/p.pdf')], /cannot write/],
  ])('exits 2 with one line for bad usage: %j', (args, message) => {
    const run = leakaid(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('documents the subcommands and answers in --help', () => {
    const run = leakaid(['plan', '--help']);
    expect(run.status).toBe(0);
    for (const text of ['show', 'done', 'undone', 'gave-card', '--data-classes', '--pdf', '--ics']) expect(run.stdout).toContain(text);
  });
});
