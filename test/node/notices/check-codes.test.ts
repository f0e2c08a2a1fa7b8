// `leakaid check` asks the registry about a notice's verification code (issue 14, item 4):
// notices issued into a real store, then checked as a person would paste them. A genuine
// code counts for the notice; a code the store never issued counts against it; the same
// code beside a phone number the genuine notices do not give was copied onto a fake.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInput, type CheckResult } from '../../../src/core/check.js';
import { formatShortCode } from '../../../src/core/notices/short-code.js';
import { noticeCodeVerifierForChecks } from '../../../src/node/notices/check-codes.js';
import { openStore } from '../../../src/node/store/index.js';
import { incidentsWithCodes, nttPostcard } from '../../core/registry/ntt-notice-fixtures.js';
import { issueTestNotices, newIssuerKey } from './issued-notices.js';

const dir = mkdtempSync(join(tmpdir(), 'leakaid-check-codes-'));
const location = join(dir, 'store.sqlite');
let shortCode = '';

const incidents = incidentsWithCodes();

beforeAll(async () => {
  const store = await openStore(location);
  try {
    const [row] = await issueTestNotices(store, location, dir, { key: newIssuerKey(), name: 'recipients', postalCodes: ['530-0001'] });
    shortCode = row![2]!;
  } finally {
    await store.close();
  }
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const check = (text: string): Promise<CheckResult> =>
  checkInput({ id: 't', text, channel: 'letter' }, { incidents, verifyNoticeCode: noticeCodeVerifierForChecks(location) });
const codes = (r: CheckResult): string[] => r.reasons.map((x) => x.code);
const summary = (r: CheckResult): string => `${r.risk} ${r.score}: ${r.reasons.map((x) => `${x.code}[${x.evidence}]`).join(' ')}`;

describe('leakaid check and the notice registry', () => {
  it('a postcard with the code issued for it is genuine evidence, low risk', async () => {
    const result = await check(nttPostcard(`確認コード：${shortCode}`));
    expect(codes(result), summary(result)).toContain('incident.code-genuine');
    expect(result.risk, summary(result)).toBe('low');
  });

  it('a code the store never issued, with a valid check symbol, counts against the notice', async () => {
    const forged = formatShortCode(new Uint8Array([9, 9, 9, 9, 9, 9, 9, 9, 9, 9]));
    const result = await check(nttPostcard(`確認コード：${forged}`));
    expect(codes(result), summary(result)).toContain('incident.code-not-genuine');
    expect(result.risk, summary(result)).toBe('high');
  });

  it('the genuine code copied onto a letter with another phone number is not trusted', async () => {
    const result = await check(nttPostcard(`確認コード：${shortCode}\n補償のお手続きは 03-5555-0142 までお電話ください。`));
    expect(codes(result), summary(result)).toEqual(expect.arrayContaining(['incident.code-copied', 'incident.phone-not-on-record']));
    expect(result.risk, summary(result)).toBe('high');
  });

  it('without a code, a notice for an incident whose notices carry one says so', async () => {
    const result = await check(nttPostcard('お問い合わせは弊社ホームページをご覧ください。'));
    expect(codes(result), summary(result)).toContain('incident.code-missing');
  });
});
