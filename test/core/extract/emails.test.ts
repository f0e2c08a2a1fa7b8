import { describe, expect, it } from 'vitest';
import { MAX_ITEMS_PER_KIND } from '../../../src/core/limits.js';
import { MappedText, normalizeForMatching } from '../../../src/core/normalize/index.js';
import { extractEmails, type FoundEmail } from '../../../src/core/extract/emails.js';

function emailsIn(source: string): FoundEmail[] {
  const { mapped } = normalizeForMatching(source);
  const { emails } = extractEmails(mapped, source);
  for (const email of emails) {
    expect(source.slice(email.sourceSpan[0], email.sourceSpan[1])).toBe(email.raw);
  }
  return emails;
}

function addresses(source: string): string[] {
  return emailsIn(source).map((e) => e.address);
}

describe('extractEmails', () => {
  it('finds an address in Japanese text, bounded by particles and brackets', () => {
    const source = 'お問い合わせはinfo@sagawa-abc.topまで。「support@example.co.jp」';
    expect(emailsIn(source)).toEqual([
      {
        raw: 'info@sagawa-abc.top',
        address: 'info@sagawa-abc.top',
        domain: 'sagawa-abc.top',
        registrableDomain: 'sagawa-abc.top',
        sourceSpan: [7, 26],
      },
      {
        raw: 'support@example.co.jp',
        address: 'support@example.co.jp',
        domain: 'example.co.jp',
        registrableDomain: 'example.co.jp',
        sourceSpan: [30, 51],
      },
    ]);
  });

  it('reads a full-width address and keeps the full-width raw text', () => {
    const source = '連絡先：ｉｎｆｏ＠ＥＸＡＭＰＬＥ．ｃｏｍ';
    expect(emailsIn(source)).toEqual([
      {
        raw: 'ｉｎｆｏ＠ＥＸＡＭＰＬＥ．ｃｏｍ',
        address: 'info@example.com',
        domain: 'example.com',
        registrableDomain: 'example.com',
        sourceSpan: [4, 20],
      },
    ]);
  });

  it('lower-cases the domain but not the local part', () => {
    const [e] = emailsIn('Mail Taro.Yamada@Mail.Example.CO.JP today');
    expect(e).toEqual({
      raw: 'Taro.Yamada@Mail.Example.CO.JP',
      address: 'Taro.Yamada@mail.example.co.jp',
      domain: 'mail.example.co.jp',
      registrableDomain: 'example.co.jp',
      sourceSpan: [5, 35],
    });
  });

  it('converts an IDN domain to punycode', () => {
    const [e] = emailsIn('info@日本郵便.jp まで');
    expect(e!.raw).toBe('info@日本郵便.jp');
    expect(e!.domain).toBe('xn--wtqu35cb2as82i.jp');
    const [c] = emailsIn('support@аmazon.co.jp');
    expect(c!.domain).toBe('xn--mazon-3ve.co.jp');
    expect(c!.registrableDomain).toBe('xn--mazon-3ve.co.jp');
  });

  it('re-fangs [@] and [.]', () => {
    const [e] = emailsIn('sender: foo[@]example[.]com');
    expect(e!.raw).toBe('foo[@]example[.]com');
    expect(e!.address).toBe('foo@example.com');
  });

  it('does not treat URL userinfo as an address', () => {
    expect(addresses('https://amazon.co.jp@evil.example/')).toEqual([]);
    expect(addresses('https://www.amazon.co.jp:login@evil.example')).toEqual([]);
    expect(addresses('https://user:pass@host.com/x')).toEqual([]);
    expect(addresses('//user@host.com/x')).toEqual([]);
    expect(addresses('https://note.com/@user')).toEqual([]);
  });

  it('accepts mailto: and addresses in a query string', () => {
    expect(addresses('mailto:foo@bar.com')).toEqual(['foo@bar.com']);
    expect(addresses('https://example.com/?to=foo@bar.com')).toEqual(['foo@bar.com']);
    expect(addresses('https://example.com?to=foo@bar.com')).toEqual(['foo@bar.com']);
  });

  it('keeps Japanese carrier addresses with odd dots', () => {
    expect(addresses('taro..yamada.@docomo.ne.jp')).toEqual(['taro..yamada.@docomo.ne.jp']);
  });

  it('rejects what is not an address', () => {
    expect(addresses('a@b')).toEqual([]);
    expect(addresses('x@1.2.3.4')).toEqual([]);
    expect(addresses('foo@bar.notatld')).toEqual([]);
    expect(addresses('@example.com')).toEqual([]);
    expect(addresses('a@b@c.com')).toEqual([]);
    expect(addresses('価格は@100円')).toEqual([]);
  });

  it('trims trailing punctuation and sentence ends', () => {
    expect(addresses('Write to a.b@example.com.')).toEqual(['a.b@example.com']);
    expect(addresses('(x_y+z@example.org), then')).toEqual(['x_y+z@example.org']);
    expect(addresses('foo@example.com-')).toEqual(['foo@example.com']);
    expect(addresses('“foo@example.com”')).toEqual(['foo@example.com']);
  });

  it('finds several addresses in order', () => {
    expect(addresses('a@x.com, b@y.net; c@z.jp')).toEqual(['a@x.com', 'b@y.net', 'c@z.jp']);
  });

  it('caps at MAX_ITEMS_PER_KIND and counts the rest', () => {
    const source = Array.from({ length: MAX_ITEMS_PER_KIND + 3 }, (_, i) => `u${i}@example.com`).join(' ');
    const result = extractEmails(MappedText.identity(source), source);
    expect(result.emails).toHaveLength(MAX_ITEMS_PER_KIND);
    expect(result.dropped).toBe(3);
    const small = extractEmails(MappedText.identity(source), source, { limit: 2 });
    expect(small.emails.map((e) => e.address)).toEqual(['u0@example.com', 'u1@example.com']);
    expect(small.dropped).toBe(MAX_ITEMS_PER_KIND + 1);
  });

  it('returns nothing for text without @', () => {
    expect(extractEmails(MappedText.identity('no address here'), 'no address here')).toEqual({ emails: [], dropped: 0 });
  });
});
