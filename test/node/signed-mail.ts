// A message signed here with a key made here, and a fake DNS zone that publishes the
// key, SPF and DMARC records and records every query: tests of mail authentication
// never touch real DNS.
import { generateKeyPairSync } from 'node:crypto';
import { dkimSign } from 'mailauth';
import type { DKIMSignOptions } from 'mailauth';
import type { DnsResolver } from '../../src/node/mail-auth.js';

export const DOMAIN = 'shop-example.jp';
export const SELECTOR = 'mail2025';
export const CLIENT_IP = '192.0.2.10';

export const MESSAGE = [
  `From: Shop <info@${DOMAIN}>`,
  'To: customer@example.org',
  'Subject: =?UTF-8?B?5rOo5paH44Gu44GU56K66KqN?=',
  'Date: Mon, 9 Jun 2025 12:00:00 +0900',
  `Message-ID: <20250609120000.1@${DOMAIN}>`,
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=UTF-8',
  '',
  'ご注文ありがとうございます。',
  '',
].join('\r\n');

export function fakeZone(records: Record<string, string[][]>): { resolver: DnsResolver; queries: string[] } {
  const queries: string[] = [];
  const resolver: DnsResolver = async (name, rrtype) => {
    queries.push(`${name} ${rrtype}`);
    const found = records[`${name} ${rrtype}`];
    if (found) return found;
    throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
  };
  return { resolver, queries };
}

/** MESSAGE with a DKIM signature, and the zone records that make it pass. */
export async function signMessage(): Promise<{ signed: string; zone: Record<string, string[][]> }> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicDer = publicKey.export({ type: 'spki', format: 'der' });
  // mailauth's types require top-level signingDomain/selector/privateKey, but the
  // library signs with `signatureData`; the cast bridges the wrong declaration.
  const options = {
    canonicalization: 'relaxed/relaxed',
    algorithm: 'rsa-sha256',
    signTime: new Date('2025-06-09T03:00:00Z'),
    signatureData: [{ signingDomain: DOMAIN, selector: SELECTOR, privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }) }],
  } as unknown as DKIMSignOptions;
  const result = await dkimSign(MESSAGE, options);
  if (result.errors.length > 0) throw new Error(`signing failed: ${JSON.stringify(result.errors)}`);
  return {
    signed: result.signatures + MESSAGE,
    zone: {
      [`${SELECTOR}._domainkey.${DOMAIN} TXT`]: [[`v=DKIM1; k=rsa; p=${publicDer.toString('base64')}`]],
      [`${DOMAIN} TXT`]: [[`v=spf1 ip4:${CLIENT_IP} -all`]],
      [`_dmarc.${DOMAIN} TXT`]: [['v=DMARC1; p=reject; adkim=s; aspf=s']],
    },
  };
}
