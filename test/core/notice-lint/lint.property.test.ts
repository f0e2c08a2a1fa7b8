// The linter on arbitrary text: it never throws (other than refusing an empty draft), and
// every span it reports lies inside the draft, and its words have no placeholder left.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EmptyDraftError, lintNotice, type Span } from '../../../src/core/notice-lint/index.js';

/** Pieces of notices and scams, so that random drafts reach the parts and findings. */
const PIECES = [
  '個人情報が流出しました。',
  '２０２５年６月３日',
  '氏名、住所、電話番号',
  'クレジットカード番号は含まれておりません。',
  'ｶｰﾄﾞ番号をご入力ください',
  'https://bit.ly/x',
  'ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｔｏｐ／ｌｏｇｉｎ',
  '0120-000-000',
  '０９０－１２３４－５６７８',
  '受付時間 9:00〜17:00',
  '至急',
  'QRコードからご登録ください',
  'NTT西日本',
  '〒100-0001',
  '\u200b',
  '\u{1F600}',
  '\ud800',
  '㈱',
  'We will never ask for your password.',
  '\n',
];

const draft = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'grapheme', maxLength: 20 })), { maxLength: 30 }).map((parts) => parts.join('')),
);

function inside(span: Span, length: number): boolean {
  return Number.isInteger(span[0]) && Number.isInteger(span[1]) && 0 <= span[0] && span[0] <= span[1] && span[1] <= length;
}

describe('lintNotice on arbitrary text', () => {
  it('never throws, and reports spans inside the draft', async () => {
    await fc.assert(
      fc.asyncProperty(draft, fc.constantFrom('letter', 'email', 'sms' as const), async (text, channel) => {
        let lint;
        try {
          lint = await lintNotice(text, { channel });
        } catch (error) {
          // Only a blank draft is refused.
          expect(error).toBeInstanceOf(EmptyDraftError);
          expect(/\S/.test(text)).toBe(false);
          return;
        }
        for (const finding of lint.findings) {
          for (const span of finding.spans) expect(inside(span, text.length), JSON.stringify(span)).toBe(true);
          // Every placeholder of the finding's words was filled.
          expect(finding.message.ja + finding.message.en, finding.code).not.toMatch(/\{\w+\}/);
        }
        for (const part of lint.parts) for (const span of part.spans) expect(inside(span, text.length), JSON.stringify(span)).toBe(true);
        expect(lint.counts['missing-required'] + lint.counts['looks-like-a-scam'] + lint.counts.advice).toBe(lint.findings.length);
      }),
      { numRuns: 300 },
    );
  });
});
