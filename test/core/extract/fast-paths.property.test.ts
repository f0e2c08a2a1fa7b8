// The fast paths of extraction must find exactly what the straightforward versions
// find: each property compares a fast path with a slower reference (a brute-force
// search, the general path of the same function, or the previous implementation).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EN_PATTERNS, EN_START, extractDeadlines } from '../../../src/core/extract/deadlines.js';
import { KeyMatcher, keyMatcherTables } from '../../../src/core/extract/key-matcher.js';
import { extractMoney, parseJapaneseNumber } from '../../../src/core/extract/money.js';
import { extractOrganizations } from '../../../src/core/extract/organizations.js';
import { findPhoneNumbersInText } from 'libphonenumber-js/max';
import { candidateWindows, mayHoldKeptNumber } from '../../../src/core/extract/phones.js';
import { buildScanText } from '../../../src/core/extract/scan.js';
import { MAX_ITEMS_PER_KIND } from '../../../src/core/limits.js';
import { joinSpacedLetters, MappedText, normalizeForMatching } from '../../../src/core/normalize/index.js';

const pieces = (parts: readonly string[], maxLength: number) =>
  fc.array(fc.constantFrom(...parts), { maxLength }).map((p) => p.join(''));

describe('KeyMatcher', () => {
  /** For each position, the longest key starting there (what `key1|key2|…`, longest first, matches there). */
  function bruteForce(keys: readonly string[], text: string): { starts: number[]; lengths: number[] } {
    const starts: number[] = [];
    const lengths: number[] = [];
    for (let p = 0; p < text.length; p++) {
      let longest = 0;
      for (const key of keys) if (key.length > longest && text.startsWith(key, p)) longest = key.length;
      if (longest > 0) {
        starts.push(p);
        lengths.push(longest);
      }
    }
    return { starts, lengths };
  }

  const alphabet = ['a', 'b', 'c', 'ab', 'あ', '𝐚', '\ud800'];
  const key = pieces(alphabet, 5).filter((k) => k.length > 0);

  it('reports the longest key at every position where one starts', () => {
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 8 }), pieces([...alphabet, 'x', ' '], 40), (keys, text) => {
        const found = new KeyMatcher(keyMatcherTables(keys)).find(text);
        expect({ starts: found.starts, lengths: found.lengths }).toEqual(bruteForce(keys, text));
      }),
      { numRuns: 1500 },
    );
  });

  it('longestAt reports the longest key starting at a position, as find does', () => {
    fc.assert(
      fc.property(fc.array(key, { minLength: 1, maxLength: 8 }), pieces([...alphabet, 'x', ' '], 40), (keys, text) => {
        const matcher = new KeyMatcher(keyMatcherTables(keys));
        const { starts, lengths } = bruteForce(keys, text);
        for (let p = 0; p <= text.length; p++) {
          const k = starts.indexOf(p);
          expect(matcher.longestAt(text, p)).toBe(k === -1 ? 0 : lengths[k]);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('findRewritten reads a text as if rewritten unit by unit, and refuses a text with a refused unit', () => {
    const rewrite = (unit: number): string | null => {
      const ch = String.fromCharCode(unit);
      if (ch === 'é') return null;
      return ch === 'm' ? 'rn' : ch === '0' ? 'o' : ch === '%' ? '' : ch === 'Q' ? 'qué' : ch === 'ß' ? 'ss' : ch.toLowerCase();
    };
    const keys = pieces(['r', 'n', 'rn', 'o', 'a', 'q', 'qu', 'é', 'ué', 's', 'ss', 'ü'], 4).filter((k) => k.length > 0);
    fc.assert(
      fc.property(fc.array(keys, { minLength: 1, maxLength: 6 }), pieces(['m', '0', '%', 'Q', 'r', 'n', 'o', 'A', 'a', ' ', 'é', 'ß', 'Ü', 'ü'], 30), (list, text) => {
        const matcher = new KeyMatcher(keyMatcherTables(list));
        const found = matcher.findRewritten(text, matcher.rewriteUnits(rewrite));
        if (text.includes('é')) {
          expect(found).toBeNull();
          return;
        }
        let rewritten = '';
        for (let i = 0; i < text.length; i++) rewritten += rewrite(text.charCodeAt(i));
        const direct = matcher.find(rewritten);
        expect(found).not.toBeNull();
        expect({ starts: found!.starts, lengths: found!.lengths }).toEqual({ starts: direct.starts, lengths: direct.lengths });
        // A point after each unit at which a key ended, where the two readings line up.
        const sourceEnds: number[] = [];
        const ends: number[] = [];
        let length = 0;
        for (let i = 0; i < text.length; i++) {
          const before = length;
          length += rewrite(text.charCodeAt(i))!.length;
          for (let at = before + 1; at <= length; at++) {
            if (!list.some((k) => at >= k.length && rewritten.startsWith(k, at - k.length))) continue;
            sourceEnds.push(i + 1);
            ends.push(length);
            break;
          }
        }
        expect({ sourceEnds: found!.sourceEnds, ends: found!.ends }).toEqual({ sourceEnds, ends });
      }),
      { numRuns: 1500 },
    );
  });
});

describe('normalizeForMatching', () => {
  // On these pieces NFKC cluster by cluster is NFKC of the whole text (an invisible
  // character is never followed by a mark that would join the cluster before it).
  const text = pieces(
    ['a', 'B', '1', ' ', '\n', '.', 'あ', 'ア', '日', '本', '々', 'é', 'e\u0301', 'ｶ', 'ﾞ', 'ﾊﾟ', 'Ａ', '１', '．', '㈱', '①', '\u00a0', '\u3000',
      '\u200bx', '\u2060x', '\ufeffx', '\u202ex', '👉\ufe0f', '𝐚', 'Σ'],
    30,
  );

  it('is NFKC without the invisible characters, mapped back monotonically', () => {
    fc.assert(
      fc.property(text, (source) => {
        const { mapped } = normalizeForMatching(source);
        expect(mapped.text).toBe(source.replace(/[\u200b\u2060\ufeff\u202e\ufe0f]/g, '').normalize('NFKC'));
        let previous = 0;
        for (let i = 0; i < mapped.text.length; i++) {
          const [start, end] = mapped.sourceRangeAt(i);
          expect(start).toBeGreaterThanOrEqual(previous);
          expect(end).toBeGreaterThan(start);
          expect(end).toBeLessThanOrEqual(source.length);
          previous = start;
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('joinSpacedLetters', () => {
  const spaced = pieces(['a', 'B', '1', 'é', 'Ж', 'ア', 'マ', 'ゾ', 'ン', 'ー', '日', '本', '𝐚', '😀', 'a ', 'マ ', '𝐚 ', ' ', ' ', '  ', '.', '-', 'ab', 'I am', '\n'], 40);

  it('finds the runs that trying every space finds', () => {
    fc.assert(
      fc.property(spaced, (text) => {
        const input = MappedText.identity(text);
        const fast = joinSpacedLetters(input);
        const slow = joinSpacedLetters(input, true);
        expect(fast.runs).toEqual(slow.runs);
        expect(fast.mapped.text).toBe(slow.mapped.text);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('buildScanText', () => {
  // The reference takes the general path and tries every rule at every position.
  const urlish = pieces(
    ['http://', 'https://', 'HTTPS://', 'ftp://', 'hxxp://', 'xhttp://', 'a', 'B', 'h', 'f', 't', 'p', '1', '.', '-', '_', ':', '/', '//', '?', '=', '#', '@', ' ', '\n', '!', ',', '(', ')', '[', ']', '{', '}', ';', '：', '！', '（', '）', '，', 'ｈｔｔｐ', 'é', '。', '「', '日本', '.jp', '¿', '\u00a0'],
    40,
  );

  it('finds what visiting every position finds, on the ASCII and the general path', () => {
    fc.assert(
      fc.property(urlish, (source) => {
        const { mapped } = normalizeForMatching(source);
        expect(buildScanText(mapped, source)).toBe(buildScanText(mapped, source, true));
        const self = MappedText.identity(source);
        expect(buildScanText(self, source)).toBe(buildScanText(self, source, true));
      }),
      { numRuns: 4000 },
    );
  });
});

describe('extractOrganizations', () => {
  const words = [
    'amazon', 'Amazon', 'arnazon', 'amaz0n', 'AMAZON', 'line', 'LINE', 'online', 'au', 'X', 'JCB', 'docomo', 'd o c o m o',
    'rakuten', 'Pay', 'm', 'rn', '0', '1', '|', '%', '"', '`', '.', '-', ' ', '\n', 'co.jp', 'sagawa', 'e-tax', 'vpass',
  ];

  it('finds the same on the fast path as on the general path', () => {
    // A trailing line with Σ sends the same text down the general path without
    // touching what is found before it.
    fc.assert(
      fc.property(pieces([...words, 'é', '¿', 'ï', '⁄', '�', 'ア', 'マ', 'ゾ', 'ン', '川', '楽天', '的', 'ドコモ', 'ヤマト', '戦艦', 'タケル', 'Ａ', 'ｍ', 'σ', 'ς'], 30), (text) => {
        expect(extractOrganizations(text)).toEqual(extractOrganizations(`${text}\nΣ`));
      }),
      { numRuns: 2000 },
    );
  });

  it('maps a confusable name back to where it is, after a long stretch of characters whose skeleton is longer', () => {
    // Each "m" has the two-unit skeleton "rn": the skeleton runs far ahead of the text.
    for (const lead of ['m'.repeat(100), `é${'m'.repeat(100)}`, `Σ${'m'.repeat(100)}`]) {
      const text = `${lead} arnazon`;
      const found = extractOrganizations(text);
      expect(found).toEqual([
        { organizationId: 'amazon-jp', raw: 'arnazon', via: 'english', disguise: 'confusable', span: [lead.length + 1, text.length] },
      ]);
    }
  });
});

describe('extractMoney', () => {
  // The previous implementation, one regex with an optional prefix: the reference.
  const KANJI_DIGITS = '〇一二三四五六七八九';
  const RUN_CLASS = `0-9,.${KANJI_DIGITS}十百千万億兆`;
  const RUN_START = `0-9${KANJI_DIGITS}十百千`;
  const NOT_BEFORE_RUN = `${RUN_CLASS}数何幾`;
  const PREFIX = String.raw`US\$|\$|¥|(?<![A-Za-z0-9\\:/])\\|€|£|(?<![A-Za-z])(?:JPY|USD|EUR|GBP)`;
  const SUFFIX = String.raw`円|米ドル|ドル|ユーロ|ポンド|(?:€|£|\$)(?![ \t]?\d)|yen|JPY|USD|EUR|GBP|dollars?|euros?|pounds?`;
  const MONEY = new RegExp(
    String.raw`(?:(${PREFIX})[ \t]?)?(?<![${NOT_BEFORE_RUN}])([${RUN_START}][${RUN_CLASS}]*)(?:[ \t]?(${SUFFIX})(?![A-Za-z]))?`,
    'gi',
  );
  function currencyOf(marker: string | undefined): string | null {
    if (marker === undefined) return null;
    const m = marker.toLowerCase();
    if (m === '¥' || m === '\\' || m === '円' || m === 'yen' || m === 'jpy') return 'JPY';
    if (m === '$' || m === 'us$' || m === 'usd' || m === 'ドル' || m === '米ドル' || m.startsWith('dollar')) return 'USD';
    if (m === '€' || m === 'eur' || m === 'ユーロ' || m.startsWith('euro')) return 'EUR';
    if (m === '£' || m === 'gbp' || m === 'ポンド' || m.startsWith('pound')) return 'GBP';
    return null;
  }
  function reference(text: string) {
    const out: { raw: string; amount: number; currency: string; span: [number, number] }[] = [];
    MONEY.lastIndex = 0;
    for (let m = MONEY.exec(text); m !== null; m = MONEY.exec(text)) {
      const prefix = m[1];
      const suffix = m[3];
      if (prefix === undefined && suffix === undefined) continue;
      let run = m[2]!;
      let end = m.index + m[0].length;
      if (suffix === undefined) {
        const trimmed = run.replace(/[.,]+$/, '');
        end -= run.length - trimmed.length;
        run = trimmed;
      }
      const fromPrefix = currencyOf(prefix);
      const fromSuffix = currencyOf(suffix);
      if (fromPrefix && fromSuffix && fromPrefix !== fromSuffix) continue;
      const currency = fromPrefix ?? fromSuffix;
      if (currency === null) continue;
      if (prefix === '\\' && !/^\d/.test(run)) continue;
      if (/^[〇一二三四五六七八九十百千万億兆]+$/.test(run) && run.length === 1 && !/[十百千万億兆]/.test(run)) continue;
      const amount = parseJapaneseNumber(run);
      if (amount === null) continue;
      out.push({ raw: text.slice(m.index, end), amount, currency, span: [m.index, end] });
      if (out.length >= MAX_ITEMS_PER_KIND) break;
    }
    return out;
  }

  const moneyish = pieces(
    ['0', '1', '5', '12', '1,000', '3.5', ',', '.', ' ', '\t', '$', 'US$', '¥', '\\', '€', '£', 'JPY', 'jpy', 'USD', 'EUR', 'GBP',
      '円', '米ドル', 'ドル', 'ユーロ', 'ポンド', 'yen', 'dollars', 'euros', 'pound', '一', '〇', '十', '百', '千', '万', '億', '数', '何',
      'a', 'X', ':', '/', 'C:', '\n', 'は', '関東'],
    24,
  );

  it('finds what the single optional-prefix regex found', () => {
    fc.assert(
      fc.property(moneyish, (text) => {
        expect(extractMoney(text)).toEqual(reference(text));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('phone candidate windows', () => {
  // The previous implementation, every run matched by one global regex: the reference.
  function reference(text: string): [number, number][] {
    const run = /[\d+(][\d+()\-\u2010-\u2015\u2212\u30fc. \t/]*/g;
    const windows: [number, number][] = [];
    for (let m = run.exec(text); m !== null; m = run.exec(text)) {
      const digits = m[0].replace(/\D/g, '').length;
      if (digits < 7 || (digits < 10 && !m[0].includes('+'))) continue;
      const start = Math.max(0, m.index - 8);
      const end = Math.min(text.length, m.index + m[0].length + 8);
      const last = windows[windows.length - 1];
      if (last !== undefined && start <= last[1]) last[1] = end;
      else windows.push([start, end]);
    }
    return windows;
  }

  it('are the windows around runs of seven or ten digits that every run used to give', () => {
    const text = pieces(['0', '1', '3', '9', '03', '090', '1234', '5678', '+81', '+', '(', ')', '-', '‐', '−', 'ー', '.', ' ', '\t', '/', 'a', '\n', '電話', '#', '@'], 30);
    fc.assert(
      fc.property(text, (t) => {
        expect(candidateWindows(t)).toEqual(reference(t));
      }),
      { numRuns: 5000 },
    );
  });

  it('are given to libphonenumber when its match may start inside a run of digits', () => {
    // An extension takes at most 9 digits after "x": the matcher goes on inside the run.
    const window = '555-1234 x1234567890312345678';
    expect(findPhoneNumbersInText(window, 'JP').map((found) => window.slice(found.startsAt, found.endsAt))).toEqual(['0312345678']);
    expect(mayHoldKeptNumber(window)).toBe(true);
    expect(mayHoldKeptNumber('1-800-555-1234 (9 to 5)')).toBe(false);
  });

  it('are given to libphonenumber whenever it may find a number with "+" or a leading 0 in them', () => {
    // Long digit runs, extensions (x, ext., #, ",", ";", ~), brackets, slashes, dots and
    // wide hyphens: where the matcher splits candidates or stops inside a run.
    const window = pieces(
      ['0', '1', '2', '5', '8', '9', '00', '03', '090', '120', '1234', '5678', '12345678', '0312345678', '8005550199', '+', '+1', '+81', '(', ')',
        '[', '-', '‐', '―', ' ', '  ', '/', '.', 'x', 'X', 'ext.', 'ext', '#', ',', ',,', ';', '~', 'int', 'a', 'Tel:', '٣', '٠'],
      24,
    );
    fc.assert(
      fc.property(window, (w) => {
        const kept = findPhoneNumbersInText(w, 'JP').some((found) => {
          const raw = w.slice(found.startsAt, found.endsAt);
          return raw.includes('+') || raw.match(/\d/)?.[0] === '0';
        });
        if (kept) expect(mayHoldKeptNumber(w)).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });
});

describe('extractDeadlines', () => {
  // Phrases made of a marker, a separator and a target, so that every alternative of
  // every pattern gets matched, mixed with noise.
  const marker = fc.constantFrom(
    'by', 'By', 'BY', 'before', 'until', 'till', 'Till', 'due', 'due by', 'due on', 'due date:', 'deadline', 'deadline:', 'expire',
    'expires', 'expires on', 'expiring', 'expiring on', 'expiry', 'expiry date:', 'expiration', 'expiration date:', 'valid until',
    'valid through', 'valid thru', 'no later than', 'on or before', 'end', 'ends', 'within', 'in the next', 'today', 'Today',
    'immediately', 'urgent', 'urgently', 'right away', 'as soon as possible', 'asap', 'ASAP', 'without delay', 'x', 'xby', '_by',
  );
  const target = fc.constantFrom(
    'today', 'tonight', 'tomorrow', 'only', 'the end of today', 'end of the business day', 'the end of day', 'EOD', 'the next 24 hours',
    '24 hours', 'two days', 'twenty-four hrs', '3 business days', 'a week', 'March 3', 'Mar. 3rd, 2024', 'the 3rd of March 2024',
    'Friday, March 3', '2024-01-05', '1/3/2024', '31/10/2024', 'delay', '',
  );
  const separator = fc.constantFrom(' ', '  ', '\n', ' the ', '');
  const noise = fc.constantFrom('x', ',', '.', ' ', '\n', 'é', '24', 'of', 'the');
  const englishish = fc
    .array(fc.oneof(fc.tuple(marker, separator, target).map((parts) => parts.join('')), noise), { maxLength: 12 })
    .map((parts) => parts.join(''));

  it('EN_START marks every position where an English pattern can match', () => {
    fc.assert(
      fc.property(englishish, (text) => {
        const starts = new Set<number>();
        const start = new RegExp(EN_START.source, EN_START.flags);
        for (let m = start.exec(text); m !== null; m = start.exec(text)) starts.add(m.index);
        for (const pattern of EN_PATTERNS) {
          const global = new RegExp(pattern.source, 'gi');
          for (let m = global.exec(text); m !== null; m = global.exec(text)) expect(starts.has(m.index)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps finding English deadlines in text order', () => {
    expect(extractDeadlines('Pay by March 3, 2024, immediately, within 24 hours, by EOD.').map((d) => [d.kind, d.raw])).toEqual([
      ['date', 'by March 3, 2024'],
      ['immediately', 'immediately'],
      ['within', 'within 24 hours'],
      ['today', 'by EOD'],
    ]);
  });
});
