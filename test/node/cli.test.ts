// The CLI as a person runs it: the built bin, real files, real pipes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, openSync, closeSync, ftruncateSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/leakaid.js');
const work = mkdtempSync(join(tmpdir(), 'leakaid-cli-'));

function leakaid(args: string[], input?: string | Buffer) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const SMS = '【ヤマト運輸】お荷物をお届けに伺いましたが不在のため持ち帰りました。本日中にこちらからご確認ください：ｈｔｔｐｓ：／／ｙａｍａｔｏ－ｃｈｅｃｋ．ｔｏｐ／ｒ。';

describe('leakaid check', () => {
  it('shows what the bundled example contains, in Japanese by default', () => {
    const run = leakaid(['check', 'examples/sms-fake-delivery.txt']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('■ examples/sms-fake-delivery.txt');
    expect(run.stdout).toContain('⛔ 危険');
    expect(run.stdout).toContain('佐川急便を名乗っていますが、リンク先 sagawa-rxa.top は佐川急便の公式ドメインではありません。');
    expect(run.stdout).toContain('メッセージの中のリンクは開かないでください。');
    expect(run.stdout).toContain('https://sagawa-rxa.top/t?no=5582');
    expect(run.stdout).toContain('行き先のドメイン: sagawa-rxa.top');
    expect(run.stdout).toContain('0570-000-000 — ナビダイヤル');
    expect(run.stdout).toContain('330円');
    expect(run.stdout).toContain('本日中');
    expect(run.stdout).toContain('佐川急便');
  });

  it('speaks English with --lang en', () => {
    const run = leakaid(['check', '--lang', 'en', 'examples/sms-fake-delivery.txt']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Dangerous');
    expect(run.stdout).toContain('It claims to be from Sagawa Express, but the link goes to sagawa-rxa.top');
    expect(run.stdout).toContain('Do not open the links in this message.');
    expect(run.stdout).toContain('goes to the domain: sagawa-rxa.top');
    expect(run.stdout).toContain('navi-dial');
  });

  it('reads an English phishing mail to a non-technical reader: hidden link, name inside a link, one line per company', () => {
    const eml = join(work, 'paypal.eml');
    writeFileSync(
      eml,
      [
        'From: PayPal <service@paypal.com>',
        'Subject: Please confirm your account',
        'MIME-Version: 1.0',
        'Content-Type: text/html; charset=UTF-8',
        '',
        '<p>Dear PayPal Member,</p><p>Please <a href="http://%77%77%77%2E%70%61%79%2D%63%68%65%63%6B%2E%74%6F%70/login">confirm your account</a> by 5 pm today.',
        'Or use <a href="http://files.example.net/signin.paypal.com/webscr">this link</a>.</p>',
      ].join('\r\n'),
    );
    const run = leakaid(['check', '--lang', 'en', eml]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Dangerous');
    expect(run.stdout).toContain("The link's destination www.pay-check.top is hidden behind %-codes.");
    expect(run.stdout).toContain("goes to a different site from PayPal, but puts PayPal's name inside it to look genuine");
    expect(run.stdout).toContain('by 5 pm today — today');
    expect(run.stdout.match(/・PayPal \(「PayPal」\)/g)).toHaveLength(1);
  });

  it('calls a mail that only looks like advertising mail, not a possible scam', () => {
    const eml = join(ROOT, 'test/fixtures/mail/advertising.eml');
    const en = leakaid(['check', '--lang', 'en', '--json', eml]);
    expect(JSON.parse(en.stdout)).toMatchObject({ risk: 'medium', bulk: true });
    const ja = leakaid(['check', eml]);
    expect(ja.stdout).toContain('注意 — 広告・宣伝メールのようです');
    expect(ja.stdout).not.toContain('詐欺の疑いがあります');
    expect(ja.stdout).toContain('申し込んだ覚えがなければ、リンクを開かずに削除してかまいません。');
  });

  it('checks --text and standard input, and prints JSON result objects', () => {
    const fromText = leakaid(['check', '--json', '--channel', 'sms', '--text', SMS]);
    expect(fromText.status).toBe(0);
    const result = JSON.parse(fromText.stdout);
    expect(result.id).toBe('text');
    expect(result.message.channel).toBe('sms');
    expect(result.extracted.urls.map((u: { url: string }) => u.url)).toEqual(['https://yamato-check.top/r']);
    expect(result.extracted.urls[0].raw).toBe('ｈｔｔｐｓ：／／ｙａｍａｔｏ－ｃｈｅｃｋ．ｔｏｐ／ｒ');
    expect(result.extracted.domains).toEqual(['yamato-check.top']);
    expect(result.risk).toBe('high');
    expect(result.claimed.organizations).toEqual(['yamato']);
    expect(result.reasons.map((r: { code: string }) => r.code)).toContain('link.not-official');
    expect(result.incident).toBe(null);

    const fromStdin = leakaid(['check', '--json', '--channel', 'sms', '-'], SMS);
    expect(fromStdin.status).toBe(0);
    expect(JSON.parse(fromStdin.stdout).extracted.urls[0].url).toBe('https://yamato-check.top/r');
  });

  it('lists what the message asks the reader to do, one line each, dangerous ones marked', () => {
    const note = '市役所の者です。医療費の還付金があります。今日中にお近くの銀行のATMへ行ってください。';
    const ja = leakaid(['check', '--channel', 'call', '--text', note]);
    expect(ja.status).toBe(0);
    const section = ja.stdout.split('\n').findIndex((line) => line === '  このメッセージがあなたに求めていること:');
    expect(section, ja.stdout).toBeGreaterThan(0);
    const atm = ja.stdout.split('\n').find((line) => line.startsWith('    ⛔ 危険: ATMや銀行へ行く'));
    expect(atm, ja.stdout).toBeDefined();
    expect(atm).toContain('「');
    expect(atm).toContain('本物の会社・役所・警察は、これを求めません。');
    const en = leakaid(['check', '--lang', 'en', '--channel', 'call', '--text', note]);
    expect(en.stdout).toContain('  What this message asks you to do:');
    expect(en.stdout).toMatch(/^ {4}⛔ Danger: Go to a cash machine \(ATM\) or a bank.*Real companies, public offices and police never ask for this\.$/m);
    // A message that asks nothing has no such list.
    expect(leakaid(['check', '--text', '明日の会議は10時からです。']).stdout).not.toContain('求めていること');
  });

  it('exits 2 with a one-line reason when there is nothing to check', () => {
    const empty = leakaid(['check', '--text', '  ']);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('Nothing to check');
    expect(empty.stdout).not.toContain('低リスク');
    const headersOnly = join(work, 'headers-only.eml');
    writeFileSync(headersOnly, 'From: a@example.jp\r\nSubject: \r\n\r\n');
    expect(leakaid(['check', headersOnly]).status).toBe(2);
  });

  it('exits 3 with --fail-on when an input reaches that risk, and 0 otherwise', () => {
    expect(leakaid(['check', '--fail-on', 'high', 'examples/sms-fake-delivery.txt']).status).toBe(3);
    expect(leakaid(['check', '--fail-on', 'medium', '--text', '明日の会議は10時からです。よろしくお願いします。']).status).toBe(0);
  });

  it('checks every message of an mbox file', () => {
    const mbox = [1, 2, 3]
      .map((n) => `From sender@example.com Mon Jan  1 00:00:0${n} 2024\nFrom: a${n}@example.com\nSubject: m${n}\n\nsee https://shop${n}.co.jp/\n`)
      .join('\n');
    const path = join(work, 'three.mbox');
    writeFileSync(path, mbox);
    const run = leakaid(['check', '--json', path]);
    expect(run.status).toBe(0);
    const results = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(results.map((r: { message: { subject: string } }) => r.message.subject)).toEqual(['m1', 'm2', 'm3']);
    expect(results.map((r: { extracted: { domains: string[] } }) => r.extracted.domains[0])).toEqual([
      'shop1.co.jp',
      'shop2.co.jp',
      'shop3.co.jp',
    ]);
  });

  it('runs a JSON Lines batch in order with workers, reporting bad lines without stopping', () => {
    const lines = [];
    for (let i = 0; i < 40; i++) lines.push(JSON.stringify({ id: `m${i}`, text: `お支払いは https://pay${i}.example.com/ へ ${i}000円` }));
    lines.splice(5, 0, '{not json');
    lines.splice(9, 0, JSON.stringify({ id: 'no-body' }));
    lines.push(JSON.stringify({ id: 'mail', eml: 'From: Shop <shop@example.jp>\nSubject: hello\n\nhttps://example.jp/x\n' }));
    const path = join(work, 'batch.jsonl');
    writeFileSync(path, lines.join('\n') + '\n');
    const run = leakaid(['check', '--jsonl', path, '--workers', '2']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('2 of 43 inputs could not be checked');
    const results = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(results).toHaveLength(43);
    expect(results[5]).toEqual({ id: 'line 6', error: expect.stringContaining('JSON') });
    expect(results[9]).toEqual({ id: 'no-body', error: expect.stringContaining('"text" or "eml"') });
    const good = results.filter((r: { error?: string }) => !r.error);
    expect(good.slice(0, 40).map((r: { id: string }) => r.id)).toEqual(Array.from({ length: 40 }, (_, i) => `m${i}`));
    expect(good[7].extracted.money[0].amount).toBe(7000);
    expect(results.at(-1).message.from.address).toBe('shop@example.jp');
  });

  it('takes --fail-on from results made in worker threads, and prints them as text', () => {
    const path = join(work, 'fail-on.jsonl');
    const lines = [
      JSON.stringify({ id: 'meeting', text: '明日の会議は10時からです。よろしくお願いします。' }),
      JSON.stringify({ id: 'fake', text: readFileSync('examples/sms-fake-delivery.txt', 'utf8'), channel: 'sms' }),
    ];
    writeFileSync(path, lines.join('\n') + '\n');
    expect(leakaid(['check', '--jsonl', path, '--workers', '2', '--fail-on', 'high']).status).toBe(3);
    writeFileSync(path, lines[0] + '\n');
    expect(leakaid(['check', '--jsonl', path, '--workers', '2', '--fail-on', 'medium']).status).toBe(0);
    const files = leakaid(['check', '--workers', '2', '--lang', 'en', 'examples/sms-fake-delivery.txt', 'examples/sms-fake-delivery.txt']);
    expect(files.stdout.match(/Dangerous — this is very likely a scam/g)).toHaveLength(2);
  });

  it('shows a progress bar on a terminal while a batch goes to a file or pipe', () => {
    const path = join(work, 'progress.jsonl');
    writeFileSync(path, [JSON.stringify({ id: 'a', text: SMS }), JSON.stringify({ id: 'b', text: 'hi' })].join('\n') + '\n');
    // Standard error as a terminal, without one: what the bar's code looks at.
    const asTerminal = 'data:text/javascript,process.stderr.isTTY=true;process.stderr.columns=80';
    const run = spawnSync(process.execPath, ['--import', asTerminal, BIN, 'check', '--jsonl', path], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('2 件を確認');
    expect(run.stdout.trim().split('\n').map((line) => JSON.parse(line).id)).toEqual(['a', 'b']);
  });

  it('refuses an input over 25 MB with one clear line and exit 2', () => {
    const path = join(work, 'huge.eml');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 30 * 1024 * 1024);
    closeSync(fd);
    const run = leakaid(['check', path]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('too large (30.0 MB, over the 25 MB limit');
    const piped = leakaid(['check', '-'], Buffer.alloc(26 * 1024 * 1024, 0x61));
    expect(piped.status).toBe(2);
    expect(piped.stderr).toContain('too large');
  });

  it('gives a one-line error and exit 2 for bad usage and unreadable files', () => {
    const folder = join(work, 'folder');
    mkdirSync(folder, { recursive: true });
    for (const args of [
      ['check', '--nope'],
      ['check', '--lang', 'fr', '--text', 'x'],
      ['check', '--workers', '0', '--text', 'x'],
      ['check', join(work, 'missing.txt')],
      ['check', folder],
      ['check', '--text', 'x', 'file.txt'],
    ]) {
      const run = leakaid(args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });
});

describe('leakaid output into a closed pipe', () => {
  it('stops quietly when the reader goes away (| head)', () => {
    // The shell closes the pipe after head's first line; leakaid's later writes hit EPIPE.
    const line = JSON.stringify({ id: 'a', text: 'お荷物を持ち帰りました http://sagawa-xx.top' });
    const run = spawnSync('bash', ['-c', `yes '${line}' | head -3000 | "${process.execPath}" "${BIN}" check --jsonl - | head -c 10`], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stdout).toHaveLength(10);
    expect(run.stderr).not.toMatch(/EPIPE|Unhandled/);
  });
});
