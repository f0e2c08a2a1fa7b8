// The generated seed index (src/core/registry/seed-files.ts) lists exactly the incident
// files in data/registry/incidents, every one of them valid, and the seed loads them all.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexedFiles, INCIDENTS_DIR, readSeedFolder, seedIndexSource } from '../../../scripts/seed-index.js';
import { NTT_INCIDENT_ID, SEED_INCIDENTS } from '../../../src/core/registry/seed.js';

const scratch = mkdtempSync(join(tmpdir(), 'leakaid-seed-index-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the seed index', () => {
  const folder = readSeedFolder();

  it('lists exactly the incident files in the folder (else: npm run seed-index)', () => {
    expect(indexedFiles(), `src/core/registry/seed-files.ts is stale: run npm run seed-index`).toEqual(folder.valid);
  });

  it('has no incident file that fails validation', () => {
    expect(folder.invalid, 'these files are left out of the registry until they are fixed').toEqual([]);
  });

  it('seeds one incident per file, named by its id, the NTT West incident among them', () => {
    expect(SEED_INCIDENTS.map((i) => `${i.id}.json`)).toEqual(folder.valid);
    expect(new Set(SEED_INCIDENTS.map((i) => i.id)).size).toBe(SEED_INCIDENTS.length);
    expect(SEED_INCIDENTS.map((i) => i.id)).toContain(NTT_INCIDENT_ID);
  });

  it('reads a folder: a valid file is listed, a broken or misnamed one is reported with its problems', () => {
    const dir = join(scratch, INCIDENTS_DIR);
    mkdirSync(dir, { recursive: true });
    const ntt = SEED_INCIDENTS.find((i) => i.id === NTT_INCIDENT_ID)!;
    writeFileSync(join(dir, `${NTT_INCIDENT_ID}.json`), JSON.stringify(ntt));
    writeFileSync(join(dir, 'other-name.json'), JSON.stringify(ntt));
    writeFileSync(join(dir, 'not-json.json'), '{');
    writeFileSync(join(dir, 'no-title.json'), JSON.stringify({ ...ntt, id: 'no-title', title: undefined }));
    writeFileSync(join(dir, 'notes.txt'), 'not an incident');
    const { valid, invalid } = readSeedFolder(scratch);
    expect(valid).toEqual([`${NTT_INCIDENT_ID}.json`]);
    expect(invalid).toEqual([
      { file: 'no-title.json', problems: [expect.stringMatching(/^title: /)] },
      { file: 'not-json.json', problems: [expect.stringMatching(/^not JSON/)] },
      { file: 'other-name.json', problems: [`id: the file of incident "${NTT_INCIDENT_ID}" must be named ${NTT_INCIDENT_ID}.json`] },
    ]);
  });

  it('writes one import per file, with identifiers that are valid even for ids starting with a digit', () => {
    const source = seedIndexSource(['7pay-2019.json', 'benesse-2014.json']);
    expect(source).toContain("import incident_7pay_2019 from '../../../data/registry/incidents/7pay-2019.json' with { type: 'json' };");
    expect(source).toContain("{ path: 'data/registry/incidents/benesse-2014.json', data: incident_benesse_2014 },");
  });
});
