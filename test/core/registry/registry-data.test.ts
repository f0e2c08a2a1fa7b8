// The registry's data: the seed incident and the data-class vocabulary, and the HIBP mapping.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getOrganization } from '../../../src/core/knowledge/organizations.js';
import { dataClass, DATA_CLASSES } from '../../../src/core/registry/data-classes.js';
import { hibpName, parseHibpRecord, toHibpModel } from '../../../src/core/registry/hibp.js';
import { parseIncident } from '../../../src/core/registry/schema.js';
import { NTT_INCIDENT_ID, SEED_INCIDENTS } from '../../../src/core/registry/seed.js';

const HIBP = join(import.meta.dirname, '../../../../shared/data/hibp');

describe('seed incidents', () => {
  it('use only known data classes, and name every organization missing from data/organizations.json', () => {
    for (const incident of SEED_INCIDENTS) {
      for (const a of incident.affected) {
        for (const c of [...a.dataClasses, ...a.notExposed]) expect(dataClass(c), `${incident.id} ${a.organizationId} ${c}`).toBeDefined();
        if (getOrganization(a.organizationId) === undefined) expect(a.name, a.organizationId).toBeDefined();
      }
      for (const i of incident.involved ?? []) {
        if (getOrganization(i.organizationId) === undefined) expect(i.name, i.organizationId).toBeDefined();
      }
    }
  });

  it('reject a source with neither URL nor note, and a bad date', () => {
    const ntt = SEED_INCIDENTS.find((i) => i.id === NTT_INCIDENT_ID)!;
    expect(() => parseIncident({ ...ntt, sources: [{ publisher: 'someone' }] }, 'test')).toThrow(/note/);
    expect(() => parseIncident({ ...ntt, announcedDate: '17 Oct 2023' }, 'test')).toThrow(/announcedDate/);
  });
});

describe('HIBP', () => {
  it('derives a stable Name for records without one, from Title and AddedDate', () => {
    const record = { Title: 'Golf Canada', AddedDate: '2026-08-22T07:17:23Z' };
    expect(hibpName(record)).toBe('GolfCanada-20260822071723');
    expect(hibpName({ ...record, Name: 'Golf' })).toBe('Golf');
    expect(hibpName({ Title: '日本語だけ', AddedDate: '2026-01-01T00:00:00Z' })).toBe('Breach-20260101000000');
  });

  it('rejects records with the field and the reason', () => {
    const bad = parseHibpRecord({ Title: 'x', AddedDate: 'yesterday', PwnCount: 1, Description: '', DataClasses: [] });
    expect(bad).toEqual({ ok: false, reason: expect.stringMatching(/^AddedDate: /) });
    expect(parseHibpRecord(null)).toMatchObject({ ok: false });
  });

  it('writes our own incident in HIBP fields, unknown dates empty', () => {
    const model = toHibpModel(SEED_INCIDENTS.find((i) => i.id === NTT_INCIDENT_ID)!);
    expect(model).toMatchObject({ Name: NTT_INCIDENT_ID, BreachDate: '', AddedDate: '2023-10-17T00:00:00Z', PwnCount: 9_280_000 });
    expect(model['DataClasses']).toEqual(expect.arrayContaining(['Names', 'Line IDs']));
  });

  it.skipIf(!existsSync(HIBP))('has a Japanese label for every data class in the HIBP files', () => {
    const known = new Set(DATA_CLASSES.map((c) => c.id));
    for (const file of ['breaches-2018-07.json', 'breaches-recent-2025-2026.partial.json']) {
      const breaches = JSON.parse(readFileSync(join(HIBP, file), 'utf8')) as { DataClasses: string[] }[];
      for (const b of breaches) for (const c of b.DataClasses) expect(known.has(c), `${file}: ${c}`).toBe(true);
    }
  });
});
