// Notices issued into a test store as `leakaid notices issue` issues them, for the tests
// of what reads them back: code look-ups, the checker and the HTTP routes.
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NTT_INCIDENT_ID } from '../../../src/core/registry/seed.js';
import { issueNotices } from '../../../src/node/notices/issue.js';
import { issuerKeyFromPem, type IssuerKey } from '../../../src/node/notices/issuer-key.js';
import { registerIssuerKey } from '../../../src/node/notices/issuers.js';
import type { Store } from '../../../src/node/store/index.js';

export function newIssuerKey(): IssuerKey {
  return issuerKeyFromPem(generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }) as string);
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
  await registerIssuerKey(store, { organizationId: 'ntt-west', publicKey: key.publicKey.toString('base64url'), domain: 'ntt-west.co.jp', validFrom: '2026-01-01' });
  const recipients = join(dir, `${name}.csv`);
  writeFileSync(recipients, ['recipient_id,postal_code', ...postalCodes.map((postalCode, i) => `${name}-${i + 1},${postalCode}`)].join('\n') + '\n');
  const report = await issueNotices({
    store,
    location,
    key,
    incidentId: NTT_INCIDENT_ID,
    organizationId: 'ntt-west',
    channel: 'postcard',
    recipientsFile: recipients,
    outDir: join(dir, `${name}-out`),
    publicOrigin: 'https://verify.example.jp',
    today: '2026-12-01',
    workers: 0,
  });
  return readFileSync(report.csvPath, 'utf8').trimEnd().split('\n').slice(1).map((line) => line.split(','));
}
