import { domainToUnicode } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePunycode, hostToUnicode } from '../../../src/core/extract/punycode.js';

describe('decodePunycode (RFC 3492)', () => {
  it('decodes the RFC 3492 Japanese samples and common labels', () => {
    const cases: Array<[string, string]> = [
      ['3B-ww4c5e180e575a65lsy2b', '3年B組金八先生'],
      ['-with-SUPER-MONKEYS-pc58ag80a8qai00g7n9n', '安室奈美恵-with-SUPER-MONKEYS'],
      ['Hello-Another-Way--fc4qua05auwb3674vfr0b', 'Hello-Another-Way-それぞれの場所'],
      ['2-u9tlzr9756bt3uc0v', 'ひとつ屋根の下2'],
      ['MajiKoi5-783gue6qz075azm5e', 'MajiでKoiする5秒前'],
      ['de-jg4avhby1noc0d', 'パフィーdeルンバ'],
      ['d9juau41awczczp', 'そのスピードで'],
      ['wgv71a119e', '日本語'],
      ['wtqu35cb2as82i', '日本郵便'],
      ['mazon-3ve', 'аmazon'],
      ['mnchen-3ya', 'münchen'],
      ['tckwe', 'コム'],
      ['abc-', 'abc'],
    ];
    for (const [input, expected] of cases) expect(decodePunycode(input), input).toBe(expected);
  });

  it('returns null on invalid input instead of throwing', () => {
    for (const bad of ['zz', '99999999999', 'ab!c', 'ä-abc', 'a'.repeat(300), '-']) {
      expect(decodePunycode(bad), bad).toBeNull();
    }
  });

  it('agrees with the WHATWG URL parser and node:url on random labels', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), (label) => {
        let host: string;
        try {
          host = new URL(`http://${label}.jp/`).hostname;
        } catch {
          return;
        }
        expect(hostToUnicode(host)).toBe(domainToUnicode(host));
      }),
      { numRuns: 500 },
    );
  });
});

describe('hostToUnicode', () => {
  it('decodes every xn-- label and leaves the rest', () => {
    expect(hostToUnicode('www.xn--wtqu35cb2as82i.jp')).toBe('www.日本郵便.jp');
    expect(hostToUnicode('xn--wgv71a.xn--tckwe')).toBe('日本.コム');
    expect(hostToUnicode('example.com')).toBe('example.com');
    expect(hostToUnicode('xn--zz.example')).toBe('xn--zz.example');
  });
});
