import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  evidenceLocator,
  foldForMatching,
  foldForReading,
  foldForSearch,
  joinSpacedLetters,
  MappedText,
  normalizeForMatching,
  skeleton,
  skeletonMapped,
} from '../../../src/core/normalize/index.js';
import { HANG_GUARD_MS } from '../../hang-guard.js';

function sourceOf(original: string, m: MappedText, start: number, end: number): string {
  const [s, e] = m.toSource(start, end);
  return original.slice(s, e);
}

describe('normalizeForMatching', () => {
  it('leaves plain ASCII untouched and unmapped', () => {
    const { mapped, invisible } = normalizeForMatching('Your parcel: https://example.com/a');
    expect(mapped.text).toBe('Your parcel: https://example.com/a');
    expect(mapped.isIdentity).toBe(true);
    expect(invisible).toEqual([]);
  });

  it('turns full-width URLs and digits into ASCII and maps back to the full-width text', () => {
    const original = '確認：ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｊｐ／ａ　電話０３－１２３４';
    const { mapped } = normalizeForMatching(original);
    expect(mapped.text).toBe('確認:https://example.jp/a 電話03-1234');
    const at = mapped.text.indexOf('https');
    const end = mapped.text.indexOf(' ');
    expect(sourceOf(original, mapped, at, end)).toBe('ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｊｐ／ａ');
  });

  it('composes half-width katakana with its voiced mark', () => {
    const original = 'ｶﾞｽ料金ﾊﾟｽﾜｰﾄﾞ';
    const { mapped } = normalizeForMatching(original);
    expect(mapped.text).toBe('ガス料金パスワード');
    // "ガ" came from the two half-width units "ｶﾞ".
    expect(sourceOf(original, mapped, 0, 1)).toBe('ｶﾞ');
    expect(sourceOf(original, mapped, 4, 9)).toBe('ﾊﾟｽﾜｰﾄﾞ');
  });

  it('expands compatibility characters and keeps the span of the source character', () => {
    const original = '㈱アマゾン①';
    const { mapped } = normalizeForMatching(original);
    expect(mapped.text).toBe('(株)アマゾン1');
    expect(sourceOf(original, mapped, 0, 3)).toBe('㈱');
    expect(sourceOf(original, mapped, 1, 2)).toBe('㈱');
  });

  it('removes zero-width and bidi controls and records each', () => {
    const original = 'Ama\u200Bzon inv\u202Egpj.exe \u2060';
    const { mapped, invisible } = normalizeForMatching(original);
    expect(mapped.text).toBe('Amazon invgpj.exe ');
    expect(invisible.map((f) => f.codePoint)).toEqual(['U+200B', 'U+202E', 'U+2060']);
    expect(invisible.map((f) => f.index)).toEqual([3, 11, 20]);
    expect(sourceOf(original, mapped, 0, 6)).toBe('Ama\u200Bzon');
  });

  it('does not record the joiner inside an emoji sequence, nor variation selectors', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    const { invisible } = normalizeForMatching(`家族 ${family} ❤\uFE0F`);
    expect(invisible).toEqual([]);
  });

  it('removes tag characters used to smuggle hidden text', () => {
    const { mapped, invisible } = normalizeForMatching('ok\u{E0041}\u{E0042}');
    expect(mapped.text).toBe('ok');
    expect(invisible).toHaveLength(2);
  });

  it('foldForMatching lower-cases after NFKC', () => {
    expect(foldForMatching('ＡＭＡＺＯＮ ｱﾏｿﾞﾝ')).toBe('amazon アマゾン');
  });
});

describe('joinSpacedLetters', () => {
  it('joins Latin and kana words spelled with spaces', () => {
    const original = 'Your A m a z o n account / ア マ ゾ ン 様へ / ヤ マ ト運輸';
    const { mapped, runs } = joinSpacedLetters(MappedText.identity(original));
    expect(mapped.text).toBe('Your Amazon account / アマゾン 様へ / ヤマト運輸');
    expect(runs.map((r) => r.joined)).toEqual(['Amazon', 'アマゾン', 'ヤマト']);
    const first = runs[0]!;
    expect(original.slice(...first.sourceSpan)).toBe('A m a z o n');
    const at = mapped.text.indexOf('Amazon');
    expect(sourceOf(original, mapped, at, at + 6)).toBe('A m a z o n');
  });

  it('leaves ordinary words, pairs of letters and two-letter runs alone', () => {
    for (const text of ['I am a user', 'a b', 'Q & A', 'au の料金', 'J K Rowling', 'x y1', 'a bc']) {
      const { mapped, runs } = joinSpacedLetters(MappedText.identity(text));
      expect(runs, text).toEqual([]);
      expect(mapped.text).toBe(text);
    }
  });

  it('ends a spaced word at a last letter glued to the next word', () => {
    const { mapped, runs } = joinSpacedLetters(MappedText.identity('ア マ ゾ ンより連絡'));
    expect(mapped.text).toBe('アマゾンより連絡');
    expect(runs.map((r) => r.joined)).toEqual(['アマゾン']);
  });

  it('composes with NFKC so full-width spaced letters map to the original', () => {
    const original = 'Ａ　ｍ　ａ　ｚ　ｏ　ｎより';
    const { mapped: normalized } = normalizeForMatching(original);
    const { mapped, runs } = joinSpacedLetters(normalized);
    expect(mapped.text).toBe('Amazonより');
    expect(original.slice(...runs[0]!.sourceSpan)).toBe('Ａ　ｍ　ａ　ｚ　ｏ　ｎ');
  });
});

describe('skeleton (TR39)', () => {
  it('gives look-alike strings the same skeleton', () => {
    expect(skeleton('\u0410mazon')).toBe(skeleton('Amazon')); // Cyrillic А
    expect(skeleton('arnazon')).toBe(skeleton('amazon'));
    expect(skeleton('PayPaI')).toBe(skeleton('PayPal'));
    expect(skeleton('ヤマ卜')).toBe(skeleton('ヤマト')); // kanji 卜 for katakana ト
    expect(skeleton('amazon')).not.toBe(skeleton('amazen'));
  });

  it('maps the skeleton of a text back to the original characters', () => {
    const original = 'Visit \u0430mazon now';
    const mapped = skeletonMapped(MappedText.identity(original));
    const target = skeleton('amazon');
    const at = mapped.text.indexOf(target);
    expect(at).toBeGreaterThan(0);
    expect(sourceOf(original, mapped, at, at + target.length)).toBe('\u0430mazon');
  });
});

describe('properties', () => {
  it('every derived character maps inside the source, in order, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const { mapped } = normalizeForMatching(text);
        const joined = joinSpacedLetters(mapped).mapped;
        const skel = skeletonMapped(joined);
        for (const m of [mapped, joined, skel]) {
          let previous = 0;
          for (let i = 0; i < m.text.length; i++) {
            const [s, e] = m.toSource(i, i + 1);
            expect(s).toBeGreaterThanOrEqual(previous);
            expect(e).toBeLessThanOrEqual(text.length);
            expect(e).toBeGreaterThan(s);
            previous = s;
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finishes quickly on large hostile input', () => {
    const hostile = 'a '.repeat(200_000) + '\u200B'.repeat(100_000) + 'ｶﾞ'.repeat(100_000);
    const started = performance.now();
    const { mapped } = normalizeForMatching(hostile);
    joinSpacedLetters(mapped);
    skeletonMapped(mapped);
    expect(performance.now() - started).toBeLessThan(HANG_GUARD_MS);
  });
});

describe('foldForReading', () => {
  it('drops a space (half- or full-width) between kana or kanji, and keeps the others', () => {
    expect(foldForReading('ご利用を一時停 止しております')).toBe('ご利用を一時停止しております');
    expect(foldForReading('未加　算ポイントのお知らせ')).toBe('未加算ポイントのお知らせ');
    expect(foldForReading('ﾎﾟｲﾝﾄ ｶｰﾄﾞ')).toBe('ポイントカード');
    expect(foldForReading('Your account 停止 of service')).toBe('your account 停止 of service');
    expect(foldForReading('楽天カード 2026年')).toBe('楽天カード 2026年');
    expect(foldForReading('改行は\n残す')).toBe('改行は\n残す');
  });

  it('drops the invisible characters normalizeForMatching drops, also where they split a word', () => {
    expect(foldForReading('暗証\u200b番号を入\u2060力')).toBe('暗証番号を入力');
    expect(foldForReading('ｶ\u200bｰﾄﾞ情報')).toBe('カード情報');
    expect(foldForReading('pay\u00adpal \u202eこちら')).toBe('paypal こちら');
    expect(foldForReading('tag\u{e0041}ged')).toBe('tagged');
    expect(foldForReading('👨\u200d👩')).toBe('👨👩');
  });

  it('drops exactly the characters normalizeForMatching drops (every BMP character, the tags and the supplementary variation selectors)', () => {
    const codePoints = [...Array.from({ length: 0x10000 }, (_, cp) => cp).filter((cp) => cp < 0xd800 || cp > 0xdfff), ...Array.from({ length: 0x1f0 }, (_, i) => 0xe0000 + i)];
    const differing = codePoints.filter((cp) => {
      const character = String.fromCodePoint(cp);
      return (foldForReading(character) === '') !== (normalizeForMatching(character).mapped.text === '');
    });
    expect(differing.map((cp) => cp.toString(16))).toEqual([]);
  });

  it('is foldForMatching with fewer spaces, and changes nothing else', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '　', 'ア', 'ｱ', 'か', '字', '1', '\n', 'Ａ') }), (s) => {
        const matched = foldForMatching(s);
        const read = foldForReading(s);
        expect(read.replace(/ /g, '')).toBe(matched.replace(/ /g, ''));
        expect(read.length).toBeLessThanOrEqual(matched.length);
      }),
    );
  });
});

describe('evidenceLocator', () => {
  const spanOf = (source: string, evidence: string): string | null => {
    const span = evidenceLocator(source)(evidence);
    return span === null ? null : source.slice(span[0], span[1]);
  };

  it('finds the checker\'s folded evidence as the text wrote it', () => {
    expect(spanOf('お近くのＡＴＭへ行ってください', 'atmへ行ってください')).toBe('ＡＴＭへ行ってください');
    expect(spanOf('【楽天】ｶｰﾄﾞ情報をご入力ください', 'カード情報をご入力')).toBe('ｶｰﾄﾞ情報をご入力');
    expect(spanOf('カード情 報をご入 力ください。', 'カード情報をご入力ください')).toBe('カード情 報をご入 力ください');
    expect(spanOf('暗証\u200b番号を教えて', '暗証番号')).toBe('暗証\u200b番号');
    expect(spanOf('Enter your PASSWORD now', 'password')).toBe('PASSWORD');
    expect(spanOf('ありがとうございます', '暗証番号')).toBeNull();
    expect(spanOf('anything', '')).toBeNull();
  });

  it('locates every stretch of the folded text at a stretch of the source that folds to it', () => {
    // Characters NFKC folds one by one (a half-width voiced mark would compose with its kana).
    const unit = fc.constantFrom('a', 'B', ' ', '　', 'ア', 'ｶ', 'ｰ', 'か', '字', '１', 'Ａ', '\n', '。');
    fc.assert(
      fc.property(fc.string({ unit, minLength: 1, maxLength: 30 }), fc.nat(), fc.nat(), (source, a, b) => {
        const read = foldForReading(source);
        fc.pre(read.length > 0);
        const start = a % read.length;
        const evidence = read.slice(start, start + 1 + (b % (read.length - start)));
        const span = evidenceLocator(source)(evidence);
        expect(span).not.toBeNull();
        expect(foldForReading(source.slice(span![0], span![1]))).toBe(evidence);
      }),
    );
  });
});

describe('foldForSearch', () => {
  it('folds width, case and hiragana to one form', () => {
    const forms = ['やまと運輸', 'ヤマト運輸', 'ﾔﾏﾄ運輸'].map(foldForSearch);
    expect(new Set(forms).size).toBe(1);
    expect(foldForSearch('ＮＴＴ West')).toBe('ntt west');
  });

  it('keeps the long-vowel mark and katakana-only signs as they are', () => {
    expect(foldForSearch('ゆーちょ')).toBe('ユーチョ');
    expect(foldForSearch('ヴ')).toBe('ヴ');
  });
});
