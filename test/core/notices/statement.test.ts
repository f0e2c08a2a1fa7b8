import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodePayload,
  encodePayload,
  MAX_PAYLOAD_TEXT_CHARS,
  NOTICE_CHANNELS,
  type NoticeStatement,
  statementSigningBytes,
  StatementFormatError,
} from '../../../src/core/notices/statement.js';

const STATEMENT: NoticeStatement = {
  keyId: '0123456789abcdef',
  incidentId: 'ntt-business-solutions-2023',
  organizationId: 'ntt-west',
  serial: 'K7QM3XVA-1',
  issued: '2026-12-01',
  channel: 'postcard',
  postal: { salt: 'AAECAwQFBgcICQoL', commitment: 'AAECAwQFBgcICQoLDA0ODw' },
};
const SIGNATURE = new Uint8Array(64).fill(7);

const idText = fc.stringMatching(/^[A-Za-z0-9._-]{1,64}$/);
const statements: fc.Arbitrary<NoticeStatement> = fc.record(
  {
    keyId: fc.stringMatching(/^[0-9a-f]{16}$/),
    incidentId: idText,
    organizationId: idText,
    serial: idText,
    issued: fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2149-06-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    channel: fc.constantFrom(...NOTICE_CHANNELS),
    postal: fc.record({
      salt: fc.uint8Array({ minLength: 12, maxLength: 12 }).map((b) => Buffer.from(b).toString('base64url')),
      commitment: fc.uint8Array({ minLength: 16, maxLength: 16 }).map((b) => Buffer.from(b).toString('base64url')),
    }),
  },
  { requiredKeys: ['keyId', 'incidentId', 'organizationId', 'serial', 'issued', 'channel'] },
);

describe('QR payloads', () => {
  it('round-trip a statement and its signature, bare or inside the verification URL', () => {
    const payload = encodePayload({ statement: STATEMENT, signature: SIGNATURE });
    expect(payload).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(payload.length).toBeLessThan(260);
    for (const form of [payload, `https://leakaid.example/verify#${payload}`, `  ${payload}\n`]) {
      const decoded = decodePayload(form);
      expect(decoded.ok).toBe(true);
      if (decoded.ok) {
        expect(decoded.notice.statement).toEqual(STATEMENT);
        expect([...decoded.notice.signature]).toEqual([...SIGNATURE]);
        expect([...decoded.signedBytes]).toEqual([...statementSigningBytes(STATEMENT)]);
      }
    }
  });

  it('sign a context string first, so the bytes mean nothing in another format', () => {
    expect(new TextDecoder().decode(statementSigningBytes(STATEMENT).subarray(0, 17))).toBe('leakaid-notice/1\n');
  });

  it('refuse to encode a statement that the format cannot hold', () => {
    expect(() => encodePayload({ statement: { ...STATEMENT, serial: 'has space' }, signature: SIGNATURE })).toThrow(StatementFormatError);
    expect(() => encodePayload({ statement: { ...STATEMENT, issued: '2026-02-30' }, signature: SIGNATURE })).toThrow(StatementFormatError);
    expect(() => encodePayload({ statement: { ...STATEMENT, keyId: 'xyz' }, signature: SIGNATURE })).toThrow(StatementFormatError);
    expect(() => encodePayload({ statement: STATEMENT, signature: new Uint8Array(10) })).toThrow(StatementFormatError);
  });

  it('name what is wrong with what is not a payload', () => {
    const payload = encodePayload({ statement: STATEMENT, signature: SIGNATURE });
    expect(decodePayload('')).toEqual({ ok: false, problem: 'empty' });
    expect(decodePayload('https://leakaid.example/verify#')).toEqual({ ok: false, problem: 'empty' });
    expect(decodePayload('こんにちは')).toEqual({ ok: false, problem: 'not-a-payload' });
    expect(decodePayload(payload.slice(0, -4))).toEqual({ ok: false, problem: 'not-a-payload' });
    expect(decodePayload(`Ag${payload.slice(2)}`)).toEqual({ ok: false, problem: 'unknown-version' });
    expect(decodePayload('A'.repeat(MAX_PAYLOAD_TEXT_CHARS + 1))).toEqual({ ok: false, problem: 'too-long' });
  });

  it('round-trip any statement the format can hold (property)', () => {
    fc.assert(
      fc.property(statements, fc.uint8Array({ minLength: 64, maxLength: 64 }), (statement, signature) => {
        const decoded = decodePayload(encodePayload({ statement, signature }));
        expect(decoded.ok && decoded.notice.statement).toEqual(statement);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throw on any text, and anything read re-encodes to the same text (property)', () => {
    const payload = encodePayload({ statement: STATEMENT, signature: SIGNATURE });
    const mutated = fc
      .tuple(fc.nat(payload.length - 1), fc.constantFrom(...'ABCxyz09-_#=+/ あ'))
      .map(([at, ch]) => payload.slice(0, at) + ch + payload.slice(at + 1));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.base64String({ maxLength: 300 }), mutated), (text) => {
        const decoded = decodePayload(text);
        if (!decoded.ok) return true;
        return encodePayload(decoded.notice) === text.trim().slice(text.trim().lastIndexOf('#') + 1);
      }),
      { numRuns: 3000 },
    );
  });
});
