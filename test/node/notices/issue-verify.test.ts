// Issue → verify on a real store, the same suite on SQLite and on PostgreSQL (started
// here when its binaries are installed; skipped with a message when not): codes and QR
// payloads verify, postal codes match or not, withdrawn notices and revoked keys say so,
// a forged payload is refused, a re-run changes nothing, and the store holds nothing
// about the recipients.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePayload, encodePayload } from '../../../src/core/notices/statement.js';
import { issueNotices, type IssueOptions } from '../../../src/node/notices/issue.js';
import type { IssuerKey } from '../../../src/node/notices/issuer-key.js';
import { describeNotice, type NoticeVerification } from '../../../src/core/notices/answer.js';
import { NTT_INCIDENT_ID } from '../../../src/core/registry/seed.js';
import { formatShortCode } from '../../../src/core/notices/short-code.js';
import { createNoticeVerifier, type NoticeVerifier, VERIFIER_CACHE_MS, VerifyInputError, type VerifyRequest } from '../../../src/node/notices/verifier.js';
import { openStore, type Store } from '../../../src/node/store/index.js';
import { countNotices, listKeys, revokeKey, revokeNotice } from '../../../src/node/store/notices.js';
import { postgresBinaries, startPostgres, type PostgresServer } from '../store/postgres-server.js';
import { newIssuerKey, registerTestKey, testIssueOptions } from './issued-notices.js';

const bin = postgresBinaries();
if (bin === null) console.warn('issue-verify.test.ts: skipping PostgreSQL, no /usr/lib/postgresql/*/bin/initdb (apt-get install -y postgresql)');

const dir = mkdtempSync(join(tmpdir(), 'leakaid-notices-'));
let server: PostgresServer | undefined;
let databases = 0;

async function freshPostgres(): Promise<string> {
  const name = `leakaid_notices_${++databases}`;
  const client = new pg.Client({ connectionString: server!.url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return server!.url.replace(/\/postgres$/, `/${name}`);
}

beforeAll(async () => {
  if (bin !== null) server = await startPostgres(bin);
}, 60_000);

afterAll(() => {
  server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function verify(verifier: NoticeVerifier, request: VerifyRequest): Promise<NoticeVerification> {
  return (await verifier.verify(request)).result;
}

/** Recipients as a print house keeps them: names and addresses beside the id, which must never reach the store. */
const RECIPIENTS = [
  'recipient_id,氏名,住所,postal_code',
  'A-0001,鬼瓦 権造,架空県幻市夢見町1-2-3,530-0001',
  'A-0002,佐藤 一郎,京都府京都市下京区烏丸通,〒600-8216',
  '"A-0003, annex","Smith, ""Jo""",東京都千代田区,１００－０００５',
  'A-0004,田中 次郎,住所不明,',
].join('\n');

for (const [engine, skip] of [
  ['SQLite', false],
  ['PostgreSQL', bin === null],
] as const) {
  describe.skipIf(skip)(`notices on ${engine}`, () => {
    let store: Store;
    let location: string;
    let key: IssuerKey;
    let options: IssueOptions;
    let lines: string[][];

    beforeAll(async () => {
      location = engine === 'SQLite' ? join(dir, 'notices.sqlite') : await freshPostgres();
      store = await openStore(location);
      key = newIssuerKey();
      await registerTestKey(store, key);
      const recipients = join(dir, `${engine}-recipients.csv`);
      writeFileSync(recipients, RECIPIENTS);
      options = testIssueOptions(store, location, key, recipients, join(dir, `${engine}-out`));
      const report = await issueNotices(options);
      expect(report).toMatchObject({ rows: 4, resumedAt: 0, alreadyComplete: false, issued: '2026-12-01' });
      const csv = readFileSync(report.csvPath, 'utf8').trimEnd().split('\n');
      expect(csv[0]).toBe('recipient_id,serial,short_code,qr_url');
      lines = csv.slice(1).map((line) => {
        const match = /^("(?:[^"]|"")*"|[^,]*),([^,]+),([^,]+),(.+)$/.exec(line)!;
        return [match[1]!, match[2]!, match[3]!, match[4]!];
      });
    }, 60_000);

    afterAll(async () => {
      await store?.close();
    });

    it('writes one line per recipient with a serial, a short code and the QR URL; the id is quoted as CSV needs', () => {
      expect(lines.map((l) => l[0])).toEqual(['A-0001', 'A-0002', '"A-0003, annex"', 'A-0004']);
      expect(new Set(lines.map((l) => l[2])).size).toBe(4);
      for (const [, serial, code, url] of lines) {
        expect(serial).toMatch(/^[0-9A-Z]{8}-[1-4]$/);
        expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}-[0-9A-HJKMNP-TV-Z]$/);
        expect(url!.startsWith('https://verify.example.jp/verify#')).toBe(true);
      }
    });

    it('verifies a typed code and a QR payload as genuine, with who, what and when', async () => {
      const verifier = createNoticeVerifier(store);
      const byCode = await verify(verifier, { code: lines[0]![2]!.toLowerCase().replace(/-/g, ' ') });
      expect(byCode).toMatchObject({ status: 'genuine', checkedBy: 'code', notice: { serial: lines[0]![1], issued: '2026-12-01', channel: 'postcard', organizationId: 'ntt-west' } });
      expect(byCode.incident?.notLeaked.map((c) => c.id)).toContain('Credit cards');
      const byPayload = await verify(verifier, { payload: lines[1]![3]! });
      expect(byPayload).toMatchObject({ status: 'genuine', checkedBy: 'payload', notice: { serial: lines[1]![1] } });
    });

    it('confirms the postal code only for the right one, in any written form, by code and by payload', async () => {
      const verifier = createNoticeVerifier(store);
      expect((await verify(verifier, { code: lines[0]![2]!, postalCode: '5300001' })).postalCode).toBe('match');
      expect((await verify(verifier, { code: lines[0]![2]!, postalCode: '530-0002' })).postalCode).toBe('mismatch');
      expect((await verify(verifier, { code: lines[2]![2]!, postalCode: '〒100-0005' })).postalCode).toBe('match');
      expect((await verify(verifier, { payload: lines[1]![3]!, postalCode: '６００－８２１６' })).postalCode).toBe('match');
      expect((await verify(verifier, { payload: lines[1]![3]!, postalCode: '600-8217' })).postalCode).toBe('mismatch');
      expect((await verify(verifier, { code: lines[3]![2]!, postalCode: '100-0005' })).postalCode).toBe('not-on-notice');
      await expect(verify(verifier, { code: lines[0]![2]!, postalCode: '12345' })).rejects.toThrow(VerifyInputError);
    });

    it('says unknown for a well-formed code that was never issued, and refuses a forged payload', async () => {
      const verifier = createNoticeVerifier(store);
      expect((await verify(verifier, { code: '0000-0000-0000-0000-0' })).status).toBe('unknown');
      const decoded = decodePayload(lines[0]![3]!);
      if (!decoded.ok) throw new Error('payload did not decode');
      const forged = encodePayload({ statement: { ...decoded.notice.statement, serial: lines[1]![1]! }, signature: decoded.notice.signature });
      expect((await verify(verifier, { payload: forged })).status).toBe('bad-signature');
      const otherKey = newIssuerKey();
      const foreign = encodePayload({ statement: { ...decoded.notice.statement, keyId: otherKey.keyId }, signature: decoded.notice.signature });
      expect((await verify(verifier, { payload: foreign })).status).toBe('unknown');
    });

    it('issues nothing twice: the same run again changes neither the store nor the CSV', async () => {
      const before = readFileSync(join(options.outDir, `${lines[0]![1]!.split('-')[0]}.csv`));
      const again = await issueNotices({ ...options, today: '2027-01-15' });
      expect(again).toMatchObject({ alreadyComplete: true, rows: 4, issued: '2026-12-01' });
      expect(readFileSync(again.csvPath)).toEqual(before);
      expect(await countNotices(store.db)).toBe(4);
    });

    it('keeps no name, address, recipient id or postal code in the store', async () => {
      let dump: string;
      if (engine === 'SQLite') {
        dump = readFileSync(location).toString('utf8') + readFileSync(`${location}-wal`, { flag: 'a+' }).toString('utf8');
      } else {
        const client = new pg.Client({ connectionString: location });
        await client.connect();
        dump = JSON.stringify((await client.query('SELECT * FROM notices, notice_runs, notice_keys')).rows);
        await client.end();
      }
      for (const secret of ['A-0001', '鬼瓦', '夢見町', '5300001', '530-0001', '6008216', 'Smith', lines[0]![2]!, lines[0]![2]!.replace(/-/g, '')]) {
        expect(dump.includes(secret), secret).toBe(false);
      }
    });

    it('answers look-ups asked for together, more than one query holds, each with its own notice', async () => {
      const verifier = createNoticeVerifier(store);
      const unknown = Array.from({ length: 250 }, () => formatShortCode(randomBytes(10)));
      const asked = [...lines.map((l) => l[2]!), ...unknown, lines[0]![2]!, lines[0]![2]!.toLowerCase()];
      const results = await Promise.all(asked.map((code) => verify(verifier, { code })));
      expect(results.map((r) => r.notice?.serial ?? r.status)).toEqual([...lines.map((l) => l[1]), ...unknown.map(() => 'unknown'), lines[0]![1], lines[0]![1]]);
    });

    it('answers each code with its own serial, as describeNotice words it, and an edited incident once the cache time has passed', async () => {
      let now = 0;
      const verifier = createNoticeVerifier(store, { now: () => now });
      const [keyRead] = await listKeys(store.db);
      const incident = (await store.getIncident(NTT_INCIDENT_ID))!;
      const answered = async (request: VerifyRequest) => {
        const outcome = await verifier.verify(request);
        expect(Buffer.from(outcome.json()).toString('utf8')).toBe(JSON.stringify(outcome.result));
        return outcome.result;
      };
      for (const [line, postalCode, postal] of [[lines[0]!, undefined, 'not-asked'], [lines[1]!, undefined, 'not-asked'], [lines[0]!, '530-0001', 'match'], [lines[2]!, '530-0001', 'mismatch'], [lines[3]!, '530-0001', 'not-on-notice']] as const) {
        const result = await answered({ code: line[2]!, ...(postalCode === undefined ? {} : { postalCode }) });
        const statement = { keyId: key.keyId, incidentId: NTT_INCIDENT_ID, organizationId: 'ntt-west', serial: line[1]!, issued: '2026-12-01', channel: 'postcard' as const };
        expect(result).toEqual(describeNotice({ status: 'genuine', checkedBy: 'code', statement, key: keyRead, incident, postalCode: postal }));
      }
      const retitled = { ...incident, title: { ja: '書き換えた題名', en: 'An edited title' } };
      await store.upsertIncident(retitled);
      try {
        expect((await answered({ code: lines[1]![2]! })).incident?.title.en).toBe(incident.title.en);
        now += VERIFIER_CACHE_MS + 1;
        const edited = await answered({ code: lines[1]![2]! });
        expect(edited).toMatchObject({ incident: { title: retitled.title }, notice: { serial: lines[1]![1] } });
        expect(edited.summary.en).toContain('An edited title');
      } finally {
        await store.upsertIncident(incident);
      }
    });

    it('says withdrawn for a revoked notice, by code and by payload, at once, and lists it with the keys', async () => {
      const verifier = createNoticeVerifier(store);
      expect((await verify(verifier, { payload: lines[3]![3]! })).status).toBe('genuine'); // keys now cached
      expect(await revokeNotice(store.db, lines[3]![1]!, '2026-12-05')).toBe(true);
      expect(await revokeNotice(store.db, 'NOSUCHRN-1', '2026-12-05')).toBe(false);
      expect(await revokeNotice(store.db, `${lines[0]![1]!.split('-')[0]}-99`, '2026-12-05')).toBe(false);
      expect((await verify(verifier, { code: lines[3]![2]! })).status).toBe('revoked');
      expect((await verify(verifier, { payload: lines[3]![3]! })).status).toBe('revoked');
      expect((await listKeys(store.db))[0]?.revokedSerials).toEqual([lines[3]![1]]);
      expect((await verify(verifier, { code: lines[0]![2]! })).status).toBe('genuine');
    });

    it('says key-revoked for every notice once the key is revoked, and refuses to issue with it', async () => {
      expect(await revokeKey(store.db, key.keyId, '2026-12-10')).toBe(true);
      const verifier = createNoticeVerifier(store);
      const byCode = await verify(verifier, { code: lines[0]![2]! });
      expect(byCode.status).toBe('key-revoked');
      expect(byCode.summary.ja).toContain('2026年12月10日に無効にしています');
      expect((await verify(verifier, { payload: lines[1]![3]! })).status).toBe('key-revoked');
      await expect(issueNotices({ ...options, channel: 'letter' })).rejects.toThrow(/revoked on 2026-12-10/);
    });
  });
}
