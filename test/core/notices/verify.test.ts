// The QR check as the browser runs it: WebCrypto Ed25519 only, keys as the registry serves them.
import { describe, expect, it } from 'vitest';
import { answerPayloadCheck, describeNotice, invalidFormat } from '../../../src/core/notices/answer.js';
import { keyIdOf, type NoticeKey } from '../../../src/core/notices/keys.js';
import { commitmentFromDigest, matchPostalCode, normalizePostalCode, postalCommitmentInput } from '../../../src/core/notices/postal.js';
import { encodePayload, type NoticeStatement, statementSigningBytes } from '../../../src/core/notices/statement.js';
import { verifyPayload } from '../../../src/core/notices/verify.js';
import { SEED_INCIDENTS, NTT_INCIDENT_ID } from '../../../src/core/registry/seed.js';

const SALT = new Uint8Array(12).fill(3);

async function issuer(organizationId = 'ntt-west') {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const key: NoticeKey = {
    keyId: await keyIdOf(raw),
    algorithm: 'Ed25519',
    publicKey: Buffer.from(raw).toString('base64url'),
    organizationId,
    domain: 'ntt-west.co.jp',
    validFrom: '2026-01-01',
    status: 'active',
  };
  return { key, privateKey: pair.privateKey };
}

async function commitment(digits: string): Promise<string> {
  return commitmentFromDigest(new Uint8Array(await crypto.subtle.digest('SHA-256', postalCommitmentInput(SALT, digits))));
}

async function signed(privateKey: CryptoKey, statement: NoticeStatement): Promise<string> {
  const signature = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, privateKey, statementSigningBytes(statement)));
  return encodePayload({ statement, signature });
}

async function statementFor(key: NoticeKey, overrides: Partial<NoticeStatement> = {}): Promise<NoticeStatement> {
  return {
    keyId: key.keyId,
    incidentId: NTT_INCIDENT_ID,
    organizationId: 'ntt-west',
    serial: 'K7QM3XVA-42',
    issued: '2026-12-01',
    channel: 'postcard',
    postal: { salt: Buffer.from(SALT).toString('base64url'), commitment: await commitment('5300001') },
    ...overrides,
  };
}

describe('verifyPayload', () => {
  it('accepts a notice signed by a registered, active key', async () => {
    const { key, privateKey } = await issuer();
    const statement = await statementFor(key);
    const check = await verifyPayload(`https://leakaid.example/verify#${await signed(privateKey, statement)}`, [key]);
    expect(check).toEqual({ status: 'genuine', statement, key });
  });

  it('refuses a payload whose statement was changed after signing', async () => {
    const { key, privateKey } = await issuer();
    const payload = await signed(privateKey, await statementFor(key));
    const other = await signed(privateKey, await statementFor(key, { serial: 'K7QM3XVA-43' }));
    // The first notice's signature on the second notice's statement.
    const forged = other.slice(0, -86) + payload.slice(-86);
    expect((await verifyPayload(forged, [key])).status).toBe('bad-signature');
  });

  it('refuses a key used for another organization, or before it was valid', async () => {
    const { key, privateKey } = await issuer();
    expect((await verifyPayload(await signed(privateKey, await statementFor(key, { organizationId: 'ntt-docomo' })), [key])).status).toBe('bad-signature');
    expect((await verifyPayload(await signed(privateKey, await statementFor(key, { issued: '2025-12-31' })), [key])).status).toBe('bad-signature');
  });

  it('says unknown for a key nobody registered, and key-revoked or revoked when withdrawn', async () => {
    const { key, privateKey } = await issuer();
    const stranger = await issuer();
    const payload = await signed(privateKey, await statementFor(key));
    expect((await verifyPayload(payload, [stranger.key])).status).toBe('unknown');
    expect((await verifyPayload(payload, [{ ...key, status: 'revoked', revokedOn: '2026-12-02' }])).status).toBe('key-revoked');
    expect((await verifyPayload(payload, [{ ...key, revokedSerials: ['K7QM3XVA-42'] }])).status).toBe('revoked');
    expect((await verifyPayload('not a payload', [key])).status).toBe('invalid-format');
  });
});

describe('answerPayloadCheck (the verification page\'s flow: keys fetched, nothing sent)', () => {
  it('answers a genuine payload with the incident and the postal code, and an unreadable one plainly', async () => {
    const { key, privateKey } = await issuer();
    const payload = await signed(privateKey, await statementFor(key));
    const incident = SEED_INCIDENTS.find((i) => i.id === NTT_INCIDENT_ID)!;
    const answer = await answerPayloadCheck(await verifyPayload(payload, [key]), incident, '〒530-0001');
    expect(answer).toMatchObject({ status: 'genuine', checkedBy: 'payload', postalCode: 'match', incident: { id: NTT_INCIDENT_ID } });
    const forged = await answerPayloadCheck(await verifyPayload(payload, [{ ...key, organizationId: 'ntt-docomo' }]), incident, '530-0001');
    expect(forged).toMatchObject({ status: 'bad-signature', postalCode: 'not-asked' });
    const unreadable = await answerPayloadCheck(await verifyPayload('https://leakaid.example/verify#', [key]), undefined, undefined);
    expect(unreadable).toMatchObject({ status: 'invalid-format', notice: null });
    expect(unreadable.summary.ja).toContain('QRコードの内容がありません');
  });
});

describe('postal codes', () => {
  it('are read in the forms people write them', () => {
    for (const form of ['5300001', '530-0001', '〒530-0001', '〒５３０－０００１', '５３０ ０００１', ' 530ー0001 ']) {
      expect(normalizePostalCode(form), form).toBe('5300001');
    }
    for (const bad of ['530001', '53000012', 'abc-defg', '', '〒']) expect(normalizePostalCode(bad), bad).toBeUndefined();
  });

  it('match the commitment only for the right code', async () => {
    const postal = { salt: Buffer.from(SALT).toString('base64url'), commitment: await commitment('5300001') };
    expect(await matchPostalCode(postal, '〒530-0001')).toBe('match');
    expect(await matchPostalCode(postal, '530-0002')).toBe('mismatch');
    expect(await matchPostalCode(postal, 'nonsense')).toBe('mismatch');
    expect(await matchPostalCode(postal, undefined)).toBe('not-asked');
    expect(await matchPostalCode(undefined, '5300001')).toBe('not-on-notice');
  });
});

describe('describeNotice', () => {
  const incident = SEED_INCIDENTS.find((i) => i.id === NTT_INCIDENT_ID)!;

  it('tells who sent a genuine notice, when, about what, and what leaked and what did not', async () => {
    const { key } = await issuer();
    const statement = await statementFor(key);
    const answer = describeNotice({ status: 'genuine', checkedBy: 'payload', statement, key, incident, postalCode: 'match' });
    expect(answer.summary.ja).toContain('このお知らせは本物です。NTT西日本が2026年12月1日にはがきで送った');
    expect(answer.summary.ja).toContain('郵便番号も一致しました');
    expect(answer.summary.en).toContain('NTT West sent it by postcard on 2026-12-01');
    expect(answer.incident?.leaked.map((c) => c.id)).toContain('Names');
    expect(answer.incident?.notLeaked.map((c) => c.id)).toContain('Credit cards');
    expect(answer.organization?.domains.map((d) => d.domain)).toEqual(['ntt-west.co.jp']);
    expect(answer.organization?.keysPublishedAt).toBe('https://ntt-west.co.jp/.well-known/leakaid-notice-keys.json');
    expect(JSON.stringify(answer)).not.toContain(statement.postal!.commitment);
  });

  it('says plainly what to do when a code is not on record, and why a typed code could not be read', () => {
    const unknown = describeNotice({ status: 'unknown', checkedBy: 'code', postalCode: 'not-asked' });
    expect(unknown.summary.ja).toContain('登録されていません');
    expect(unknown.advice.map((a) => a.code)).toEqual(['notice.retype', 'notice.doNotAct', 'notice.callOnRecord']);
    expect(invalidFormat('code', 'check-failed').summary.ja).toContain('どこかの文字が違っています');
  });
});
