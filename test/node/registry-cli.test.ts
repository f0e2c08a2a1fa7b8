// `leakaid incidents …` and `leakaid check` with the registry, as a person runs them:
// the built bin, a store in a temporary folder (LEAKAID_DB).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NTT_INCIDENT_ID } from '../../src/core/registry/seed.js';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/leakaid.js');
const HIBP_2018 = join(ROOT, '../shared/data/hibp/breaches-2018-07.json');
const hibpPresent = existsSync(HIBP_2018);
if (!hibpPresent) console.warn(`registry-cli.test.ts: skipping the import test, ${HIBP_2018} is absent`);

const dir = mkdtempSync(join(tmpdir(), 'leakaid-cli-registry-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function leakaid(db: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, LEAKAID_DB: db },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('leakaid incidents', () => {
  const db = join(dir, 'registry.sqlite');

  it('show --json lists affected organizations with records, exposed and not-exposed data, and sources (store created on first use)', () => {
    const run = leakaid(db, 'incidents', 'show', NTT_INCIDENT_ID, '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(db)).toBe(true);
    const incident = JSON.parse(run.stdout) as { affected: { organizationId: string; records?: number; dataClasses: string[]; notExposed: string[]; sources: unknown[] }[] };
    const west = incident.affected.find((a) => a.organizationId === 'ntt-west');
    expect(west).toMatchObject({ records: 1_200_000 });
    expect(west?.dataClasses).toContain('Names');
    expect(west?.notExposed).toContain('Credit cards');
    expect(west?.sources.length).toBeGreaterThan(0);
  });

  it.each(['NTT西日本', 'エヌ・ティ・ティ西日本', 'NTT West', '西日本'])('search finds it from %s', (q) => {
    const run = leakaid(db, 'incidents', 'search', q, '--json');
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as { id: string }[]).map((r) => r.id)).toContain(NTT_INCIDENT_ID);
  });

  it('shows it in Japanese by default and in English with --lang en', () => {
    expect(leakaid(db, 'incidents', 'show', NTT_INCIDENT_ID).stdout).toContain('漏れていない情報');
    expect(leakaid(db, 'incidents', 'show', NTT_INCIDENT_ID, '--lang', 'en').stdout).toContain('What did not leak');
  });

  it('an unknown id or an unreadable file is exit 2 with one line on stderr', () => {
    const missing = leakaid(db, 'incidents', 'show', 'no-such-incident');
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const notJson = join(dir, 'bad.json');
    writeFileSync(notJson, '{"not": "an array"}');
    const bad = leakaid(db, 'incidents', 'import', notJson, '--format', 'hibp');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/expected a JSON array/);
    expect(leakaid(db, 'incidents', 'import', join(dir, 'absent.json')).code).toBe(2);
  });

  it.skipIf(!hibpPresent)('import --format hibp yields 293 incidents, a second import adds nothing, attribution shown', () => {
    const first = leakaid(db, 'incidents', 'import', HIBP_2018, '--format', 'hibp', '--json');
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ records: 293, added: 293, invalid: [] });
    const second = leakaid(db, 'incidents', 'import', HIBP_2018, '--format', 'hibp', '--lang', 'en');
    expect(second.stdout).toContain('0 added, 0 updated, 293 unchanged');
    expect(second.stdout).toContain('Have I Been Pwned');
    expect(leakaid(db, 'incidents', 'search', 'adobe').stdout).toMatch(/Have I Been Pwned.*CC BY 4\.0/);
  });
});

describe('leakaid check with the registry', () => {
  it('matches a fake NTT West notice to the incident without a database file existing', () => {
    const db = join(dir, 'fresh', 'check.sqlite');
    const text = '【NTT西日本】お客さま情報の流出に関するお詫び。流出した情報は氏名、住所、クレジットカード番号です。';
    const run = leakaid(db, 'check', '--text', text, '--json');
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { incident: { id: string; consistent: boolean } | null };
    expect(result.incident).toMatchObject({ id: NTT_INCIDENT_ID, consistent: false });
    expect(existsSync(db)).toBe(true);
  });
});

describe('leakaid incidents mine', () => {
  const db = join(dir, 'mine.sqlite');

  it('resolves each name in any form, and lists the incidents for them newest first with what leaked', () => {
    const run = leakaid(db, 'incidents', 'mine', 'ＮＴＴ西日本', 'ﾔﾏﾄ運輸', 'どこにもない会社', '--json');
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as {
      names: { name: string; found: string[] }[];
      incidents: { id: string; date?: string; affected: { organizationId: string; notExposed: string[] }[] }[];
    };
    expect(result.names).toEqual([
      { name: 'ＮＴＴ西日本', found: ['ntt-west'] },
      { name: 'ﾔﾏﾄ運輸', found: ['yamato'] },
      { name: 'どこにもない会社', found: [] },
    ]);
    const ntt = result.incidents.find((i) => i.id === NTT_INCIDENT_ID);
    expect(ntt?.affected.map((a) => a.organizationId)).toEqual(['ntt-west']);
    expect(ntt?.affected[0]?.notExposed).toContain('Credit cards');
    const dates = result.incidents.map((i) => i.date ?? '');
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('says in plain words what is on record, and how to make the plan', () => {
    const ja = leakaid(db, 'incidents', 'mine', 'NTT西日本', 'どこにもない会社');
    expect(ja.stdout).toContain('どこにもない会社 → 記録にありません');
    expect(ja.stdout).toContain('漏れていない情報');
    expect(ja.stdout).toContain(`leakaid plan --incident ${NTT_INCIDENT_ID} --org ntt-west`);
    const en = leakaid(db, 'incidents', 'mine', 'NTT', '--lang', 'en');
    expect(en.stdout).toMatch(/NTT → matches several; run again with one of these names: .*NTT West/);
  });
});

describe('leakaid org', () => {
  const db = join(dir, 'org.sqlite');

  it('shows official domains with sources, the incidents and the notice methods, by id or by name', () => {
    const run = leakaid(db, 'org', 'エヌ・ティ・ティ西日本', '--lang', 'en');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('NTT West (ntt-west)');
    expect(run.stdout).toMatch(/ntt-west\.co\.jp {2}\(source: https:\/\//);
    expect(run.stdout).toContain(`[${NTT_INCIDENT_ID}]`);
    expect(run.stdout).toMatch(/How it has told people before:\n- Postcard/);
    const json = JSON.parse(leakaid(db, 'org', 'ntt-west', '--json').stdout) as { id: string };
    expect(json.id).toBe('ntt-west');
  });

  it('an unknown or ambiguous name is exit 2 with one line saying so', () => {
    const unknown = leakaid(db, 'org', 'どこにもない会社');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    const several = leakaid(db, 'org', 'NTT');
    expect(several.code).toBe(2);
    expect(several.stderr).toMatch(/matches several organizations: .*\(ntt-west\)/);
  });
});

describe('leakaid incidents import (the registry format)', () => {
  const db = join(dir, 'import.sqlite');
  const source = { url: 'https://example.org/news/4', publisher: 'Example News' };
  const record = {
    id: 'cli-import-2025',
    title: { ja: '取り込みのテスト', en: 'Import test' },
    summary: { ja: 'テスト用', en: 'For tests' },
    status: 'reported',
    affected: [{ organizationId: 'yamato', dataClasses: ['Names'], notExposed: [], notifications: [], enquiries: [], sources: [source] }],
    timeline: [],
    followUpScams: [],
    sources: [source],
  };

  it('imports once, changes nothing the second time', () => {
    const file = join(dir, 'contribution.json');
    writeFileSync(file, JSON.stringify([record]));
    const first = leakaid(db, 'incidents', 'import', file, '--json');
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ records: 1, added: 1, updated: 0, unchanged: 0 });
    expect(leakaid(db, 'incidents', 'import', file).stdout).toContain('新規 0、更新 0、変更なし 1');
    expect(leakaid(db, 'incidents', 'search', '取り込みのテスト', '--json').stdout).toContain('cli-import-2025');
  });

  it('lists every problem on stderr, one per line with its field, exit 2, nothing imported', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify({ ...record, id: 'cli-broken-2025', status: 'rumour', affected: [{ ...record.affected[0], dataClasses: ['Shoe sizes'] }] }));
    const run = leakaid(db, 'incidents', 'import', file, '--lang', 'en');
    expect(run.code).toBe(2);
    const lines = run.stderr.trim().split('\n');
    expect(lines[0]).toBe(`leakaid: ${file}: 2 problems; nothing was imported:`);
    expect(lines.slice(1).map((l) => l.trim().split(':')[0])).toEqual(['status', 'affected.0.dataClasses.0']);
    expect(leakaid(db, 'incidents', 'show', 'cli-broken-2025').code).toBe(2);
  });
});
