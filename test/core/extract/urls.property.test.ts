import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeForMatching } from '../../../src/core/normalize/index.js';
import { extractEmails } from '../../../src/core/extract/emails.js';
import { REBuilder } from 'linkify-it';
import { extractUrls, getLinkifiers, makeLinkifiers, schemelessLinkMayStart, visibleAddress } from '../../../src/core/extract/urls.js';
import { HANG_GUARD_MS } from '../../hang-guard.js';

/** Runs both extractors the way the pipeline does and checks the span invariants. */
function checkAll(source: string): void {
  const { mapped } = normalizeForMatching(source);
  const { urls } = extractUrls(mapped, source);
  const { emails } = extractEmails(mapped, source);
  for (const items of [urls, emails]) {
    let previousEnd = 0;
    for (const item of items) {
      const [start, end] = item.sourceSpan;
      expect(start).toBeGreaterThanOrEqual(previousEnd);
      expect(end).toBeGreaterThan(start);
      expect(end).toBeLessThanOrEqual(source.length);
      expect(source.slice(start, end)).toBe(item.raw);
      previousEnd = end;
    }
  }
  for (const url of urls) {
    expect(url.host).toBe(url.host.toLowerCase());
    expect(url.host.endsWith('.')).toBe(false);
    expect(() => new URL(url.url)).not.toThrow();
    if (url.isIp) expect(url.registrableDomain).toBeNull();
  }
  for (const email of emails) expect(email.address.endsWith(`@${email.domain}`)).toBe(true);
}

const KANA_KANJI = [...'あいうえおかきくけこをんアイウエオカキクケコンー日本郵便確認詳細ご覧ください々'];
const JA_PUNCT = [...'「」『』（）【】。、！？・…※→★　'];
const URLISH = [...':/.[]()@hxtpsHXTPS-_?=&#%~0123456789abcomjp'];
const FULL_WIDTH = [...'ｈｔｐｓ：／．＠ＡＢｃｏｍ'];
const ODD = ['\u200b', '\u2060', '\u202e', '\ufeff', '\ud800', '\udc00', '\u0301', '\ufe0f', '👉', 'ﾊﾟ', 'ｶﾞ', '\n', '\t', ' '];

const urlishChar = fc.constantFrom(...URLISH, ...KANA_KANJI, ...JA_PUNCT, ...FULL_WIDTH, ...ODD);
const urlishString = (maxLength: number) => fc.string({ unit: urlishChar, maxLength });
const fragments = fc.constantFrom(
  'https://',
  'http://',
  'hxxps://',
  'ttp://',
  '[.]',
  '(.)',
  '[dot]',
  '[:]',
  'www.',
  '.com',
  '.co.jp',
  '.top',
  '.jp',
  'xn--',
  '@',
  '//',
  '[::1]',
  '日本郵便.jp',
  'user:pw@',
  ':8080',
  '0x7f.1',
);
const fragmentString = fc.array(fc.oneof(fragments, urlishString(6)), { maxLength: 60 }).map((parts) => parts.join(''));

describe('extractUrls / extractEmails properties', () => {
  it('never throw on random Unicode, and every span maps back to its raw text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 })), checkAll),
      { numRuns: 400 },
    );
  });

  it('never throw on URL-ish strings mixed with kana, full-width and invisible characters', () => {
    fc.assert(fc.property(fc.oneof(urlishString(400), fragmentString), checkAll), { numRuns: 1500 });
  });

  it('visibleAddress never throws and returns null or a lower-case domain', () => {
    fc.assert(
      fc.property(fc.oneof(fragmentString, fc.string({ unit: 'grapheme', maxLength: 50 })), (text) => {
        const shown = visibleAddress(text);
        if (shown !== null) expect(shown.domain).toBe(shown.domain.toLowerCase());
      }),
      { numRuns: 500 },
    );
  });

  it('find a URL glued to Japanese text on both sides, exactly', () => {
    // "xn--" labels must be valid punycode; random ones are not (and are rightly skipped).
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/).filter((l) => !l.startsWith('xn--'));
    const tld = fc.constantFrom('com', 'jp', 'co.jp', 'top', 'xyz', 'cn', 'wang', 'shop', 'net');
    const path = fc.stringMatching(/^(\/[a-zA-Z0-9_~-]{0,8}){0,3}(\?[a-z]{1,4}=[0-9]{1,4})?$/);
    const ja = fc.string({ unit: fc.constantFrom(...KANA_KANJI, ...JA_PUNCT), minLength: 1, maxLength: 8 });
    const scheme = fc.constantFrom('https://', 'http://', '');
    fc.assert(
      fc.property(ja, scheme, fc.array(label, { minLength: 1, maxLength: 3 }), tld, path, ja, (before, s, labels, t, p, after) => {
        const url = `${s}${labels.join('.')}.${t}${p}`;
        // A Japanese run directly before a bare host followed by a public suffix is an IDN
        // label by design (日本郵便.jp); start the suffix-less run with punctuation then.
        const prefix = s === '' ? `${before}「` : before;
        const source = `${prefix}${url}${after}`;
        const { mapped } = normalizeForMatching(source);
        const { urls } = extractUrls(mapped, source);
        expect(urls.map((u) => u.raw)).toEqual([url]);
        expect(urls[0]!.sourceSpan).toEqual([prefix.length, prefix.length + url.length]);
        expect(urls[0]!.host).toBe(`${labels.join('.')}.${t}`);
      }),
      { numRuns: 500 },
    );
  });

  it('finish on long hostile input (20K characters; no catastrophic backtracking)', () => {
    const long = fc.oneof(
      fc.string({ unit: urlishChar, minLength: 20_000, maxLength: 20_000 }),
      fc.array(fragments, { minLength: 4_000, maxLength: 4_000 }).map((parts) => parts.join('').slice(0, 20_000)),
      fc.constantFrom(...['a.', 'a-', '(', '[', 'http://', 'a@', 'あ.', '.', ':', 'a[.]', 'xn--', '1.'].map((unit) => unit.repeat(20_000 / unit.length))),
      // What linkify-it leaves to the explicit-scheme fallback: endless labels, a
      // percent-encoded host, a run of sentence punctuation before a final letter.
      fc.constantFrom(`http://${'a.'.repeat(9_990)}com`, `http://${'%41'.repeat(6_660)}/`, `http://a${'.,)'.repeat(6_660)}x`),
    );
    fc.assert(
      fc.property(long, (source) => {
        const { mapped } = normalizeForMatching(source);
        const t0 = performance.now();
        extractUrls(mapped, source);
        const t1 = performance.now();
        extractEmails(mapped, source);
        const t2 = performance.now();
        expect(t1 - t0).toBeLessThan(HANG_GUARD_MS);
        expect(t2 - t1).toBeLessThan(HANG_GUARD_MS);
      }),
      { numRuns: 40 },
    );
  });
});

/** Every ASCII character, for the token generators below. */
const ASCII = Array.from({ length: 0x80 }, (_, unit) => String.fromCharCode(unit));

describe('schemelessLinkMayStart (which tokens skip the pattern for links without a scheme)', () => {
  // ASCII, and non-ASCII characters of each kind the pattern tells apart:
  // letters, digits, punctuation (P), spaces (Z), controls (Cc), symbols, linkify-it's
  // separator ｜, surrogates.
  const NON_ASCII = [...'éあ日ー々・、。「」（）！？｜＄＝＋\u00a0\u3000\u2028\u0085\u00ad\u200b\u0301€™'].concat(['\ud800', '\udc00', '👉']);
  const LINKISH = ['.', '..', 'com', 'top', 'jp', 'co.jp', 'xn--p1ai', 'рф', 'みんな', 'http://', 'https://', '//', 'www.', '127.0.0.1', ':8080', 'a-b', '@'];
  const all = () => getLinkifiers().all;
  const token = fc
    .array(fc.oneof(fc.constantFrom(...ASCII), fc.constantFrom(...NON_ASCII), fc.constantFrom(...LINKISH)), { maxLength: 14 })
    .map((parts) => parts.join(''));

  it('is true wherever the linkifier with that pattern finds more than the one without', () => {
    const { all, schemed } = getLinkifiers();
    fc.assert(
      fc.property(token, (text) => {
        if (!schemelessLinkMayStart(text)) expect(schemed.match(text)).toEqual(all.match(text));
      }),
      { numRuns: 50_000 },
    );
  });

  it('does not rule out a token with a surrogate, which linkify-it takes as part of a label with the character before it', () => {
    expect(all().match('.\udc00.jp')).not.toBeNull();
    for (const text of ['.\udc00.jp', ':\ud835\udc1a.jp', 'a\ud800']) expect(schemelessLinkMayStart(text), text).toBe(true);
  });

  it('rules out the tokens of links with a scheme and of plain words', () => {
    for (const text of ['https://sagawa-exp.redeliver-jp.top/c?id=8412', 'http://192.168.0.1/a', 'hello', 'a/b.c', 'x:y.z', 'a_b.c']) {
      expect(schemelessLinkMayStart(text), text).toBe(false);
    }
    for (const text of ['amazon.co.jp', 'a.b', '?a.b', '日本郵便.jp', 'https://a.b,c.d', 'x=y.top', '127.0.0.1']) {
      expect(schemelessLinkMayStart(text), text).toBe(true);
    }
  });
});

describe('the linkifiers quick through ASCII letters and digits', () => {
  // linkify-it's own patterns, on a REBuilder of its own.
  const plain = makeLinkifiers(new REBuilder());
  // Characters each rewritten pattern tells apart: letters and digits (ASCII or not), the
  // separators, Z, P and Cc, surrogates (a lone low one joins the character before it),
  // and letters that case-fold to ASCII ones (K, ſ, ı).
  const OTHER = [...'éあ日ー・、。「」（）！？｜＄＝＋\u00a0\u3000\u2028\u0085\u200b\u0301€™\u212aſı'].concat(['\ud800', '\udc00', '👉']);
  const PARTS = ['http://', 'https://', 'ftp://', 'HTTPS://', '//', 'www.', '.com', '.jp', '.top', 'co.jp', 'xn--p1ai', 'user:pw@', '@', ':8080', '/', '?q=1', '#x', '(a)', '[b]', '{c}', '"d"', "'e'", '...', '--', '127.0.0.1', '[::1]'];
  const text = fc
    .array(fc.oneof(fc.constantFrom(...ASCII), fc.constantFrom(...OTHER), fc.constantFrom(...PARTS)), { maxLength: 24 })
    .map((parts) => parts.join(''));

  it('find what linkify-it finds with its own patterns', () => {
    const { all, schemed } = getLinkifiers();
    fc.assert(
      fc.property(text, (t) => {
        expect(all.match(t)).toEqual(plain.all.match(t));
        expect(schemed.match(t)).toEqual(plain.schemed.match(t));
      }),
      { numRuns: 30_000 },
    );
  });
});
