// Notices issued into a test store as `leakaid notices issue` issues them, for the tests
// of what reads them back: code look-ups, the checker and the HTTP routes.
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NTT_INCIDENT_ID } from '../../../src/core/registry/seed.js';
import { issueNotices, type IssueOptions } from '../../../src/node/notices/issue.js';
import { issuerKeyFromPem, type IssuerKey } from '../../../src/node/notices/issuer-key.js';
import { registerIssuerKey } from '../../../src/node/notices/issuers.js';
import type { Store } from '../../../src/node/store/index.js';

export function newIssuerKey(): IssuerKey {
  return issuerKeyFromPem(generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }) as string);
}

/** Registers `key` for NTT West, on its official domain. */
export async function registerTestKey(store: Store, key: IssuerKey): Promise<void> {
  await registerIssuerKey(store, { organizationId: 'ntt-west', publicKey: key.publicKey.toString('base64url'), domain: 'ntt-west.co.jp', validFrom: '2026-01-01' });
}

/** An issuance of postcard notices of the NTT incident by NTT West, as the tests run it. */
export function testIssueOptions(store: Store, location: string, key: IssuerKey, recipientsFile: string, outDir: string): IssueOptions {
  return {
    store,
    location,
    key,
    incidentId: NTT_INCIDENT_ID,
    organizationId: 'ntt-west',
    channel: 'postcard',
    recipientsFile,
    outDir,
    publicOrigin: 'https://verify.example.jp',
    today: '2026-12-01',
    workers: 0,
  };
}

/**
 * Registers `key` for NTT West and issues one postcard notice of the NTT incident per
 * postal code, its files in `dir` under `name`. Returns the print-house CSV rows:
 * [recipient id, serial, short code, QR URL].
 */
export async function issueTestNotices(
  store: Store,
  location: string,
  dir: string,
  { key, name, postalCodes }: { key: IssuerKey; name: string; postalCodes: readonly string[] },
): Promise<string[][]> {
  await registerTestKey(store, key);
  const recipients = join(dir, `${name}.csv`);
  writeFileSync(recipients, ['recipient_id,postal_code', ...postalCodes.map((postalCode, i) => `${name}-${i + 1},${postalCode}`)].join('\n') + '\n');
  const report = await issueNotices(testIssueOptions(store, location, key, recipients, join(dir, `${name}-out`)));
  return readFileSync(report.csvPath, 'utf8').trimEnd().split('\n').slice(1).map((line) => line.split(','));
}
