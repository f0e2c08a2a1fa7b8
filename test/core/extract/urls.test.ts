import { describe, expect, it } from 'vitest';
import { MAX_URLS_PER_MESSAGE } from '../../../src/core/limits.js';
import { MappedText, normalizeForMatching } from '../../../src/core/normalize/index.js';
import { extractUrls, visibleAddress, type FoundUrl } from '../../../src/core/extract/urls.js';

/** Normalizes like the pipeline does, extracts, and checks every span maps back to raw. */
function urlsIn(source: string, limit?: number): FoundUrl[] {
  const { mapped } = normalizeForMatching(source);
  const { urls } = extractUrls(mapped, source, limit === undefined ? {} : { limit });
  for (const url of urls) {
    expect(source.slice(url.sourceSpan[0], url.sourceSpan[1])).toBe(url.raw);
    expect(url.raw.length).toBeGreaterThan(0);
  }
  return urls;
}

function only(source: string): FoundUrl {
  const urls = urlsIn(source);
  expect(urls).toHaveLength(1);
  return urls[0]!;
}

function raws(source: string): string[] {
  return urlsIn(source).map((u) => u.raw);
}

const plain = {
  userinfo: null,
  port: null,
  isIp: false,
  defanged: false,
  fullWidth: false,
};

describe('extractUrls: Japanese SMS boundaries', () => {
  it('cuts a URL glued to Japanese text on both sides (。)', () => {
    const source = 'お荷物の確認はこちらhttps://sagawa-xx.top/abc。';
    expect(only(source)).toEqual({
      ...plain,
      raw: 'https://sagawa-xx.top/abc',
      url: 'https://sagawa-xx.top/abc',
      scheme: 'https',
      host: 'sagawa-xx.top',
      hostUnicode: 'sagawa-xx.top',
      registrableDomain: 'sagawa-xx.top',
      publicSuffix: 'top',
      path: '/abc',
      schemeless: false,
      sourceSpan: [10, 35],
    });
  });

  it('stops at 「」『』【】（）、！？', () => {
    expect(raws('「https://example.jp/a」')).toEqual(['https://example.jp/a']);
    expect(raws('『https://example.jp/b』')).toEqual(['https://example.jp/b']);
    expect(raws('【https://a.top】【https://b.top/x】')).toEqual(['https://a.top', 'https://b.top/x']);
    expect(raws('（https://x.example/）')).toEqual(['https://x.example/']);
    expect(raws('https://a.top/x、https://b.top/y！https://c.top/z？')).toEqual([
      'https://a.top/x',
      'https://b.top/y',
      'https://c.top/z',
    ]);
  });

  it('cuts the path before the first kana or kanji', () => {
    const u = only('https://example.com/pathです');
    expect(u.raw).toBe('https://example.com/path');
    expect(u.path).toBe('/path');
    expect(only('https://example.com/パス?x=1').raw).toBe('https://example.com/');
    expect(only('https://example.com/a」です').raw).toBe('https://example.com/a');
  });

  it('finds a schemeless URL after "詳細：" and cuts it before を', () => {
    const source = '詳細：example.com/track?id=1をご確認ください';
    expect(only(source)).toEqual({
      ...plain,
      raw: 'example.com/track?id=1',
      url: 'http://example.com/track?id=1',
      scheme: 'http',
      host: 'example.com',
      hostUnicode: 'example.com',
      registrableDomain: 'example.com',
      publicSuffix: 'com',
      path: '/track?id=1',
      schemeless: true,
      sourceSpan: [3, 25],
    });
  });

  it('strips Japanese text glued in front of an ASCII host', () => {
    const u = only('ご覧くださいexample.com');
    expect(u.raw).toBe('example.com');
    expect(u.host).toBe('example.com');
    expect(u.sourceSpan).toEqual([6, 17]);
    expect(raws('Amazon.co.jpからのお知らせ')).toEqual(['Amazon.co.jp']);
  });

  it('is not fooled by ※ → … ― ・ and emoji before or after', () => {
    expect(raws('※example.com')).toEqual(['example.com']);
    expect(raws('→https://a.top')).toEqual(['https://a.top']);
    expect(raws('詳しくは…example.com')).toEqual(['example.com']);
    expect(raws('――example.com')).toEqual(['example.com']);
    expect(raws('・bit.ly/abc・')).toEqual(['bit.ly/abc']);
    expect(raws('https://a.top/x👉今すぐ')).toEqual(['https://a.top/x']);
  });

  it('finds a scheme glued to ASCII letters ("URLhttps://…") and after "URL:"', () => {
    expect(raws('URLhttps://evil.top/x')).toEqual(['https://evil.top/x']);
    expect(raws('URL:example.com')).toEqual(['example.com']);
    // but not inside a query string
    expect(raws('https://a.example/r?u=xhttps://b.example/')).toEqual(['https://a.example/r?u=xhttps://b.example/']);
  });

  it('handles half-width katakana around a URL', () => {
    const source = 'ｺﾁﾗhttps://example.com/ｶﾞ ｺﾁﾗexample.net';
    const urls = urlsIn(source);
    expect(urls.map((u) => u.raw)).toEqual(['https://example.com/', 'example.net']);
    expect(urls[0]!.sourceSpan).toEqual([3, 23]);
    expect(urls[0]!.fullWidth).toBe(false);
  });

  it('handles the example SMS', () => {
    const source =
      '【佐川急便】お荷物のお届けにあがりましたが宛先不明のため持ち帰りました。本日中にご確認ください。https://sagawa-rxa.top/t?no=5582（再配達の手数料 330円）。お問い合わせ：０５７０－０００－０００';
    const u = only(source);
    expect(u.raw).toBe('https://sagawa-rxa.top/t?no=5582');
    expect(u.registrableDomain).toBe('sagawa-rxa.top');
  });
});

describe('extractUrls: trailing ASCII punctuation (as linkify-it)', () => {
  it('drops a final period, comma, unbalanced parenthesis; keeps balanced ones', () => {
    expect(raws('Visit example.com.')).toEqual(['example.com']);
    expect(raws('Go to https://a.example/x, then')).toEqual(['https://a.example/x']);
    expect(raws('(see example.com)')).toEqual(['example.com']);
    expect(raws('see https://ja.wikipedia.org/wiki/Foo_(bar) ok')).toEqual(['https://ja.wikipedia.org/wiki/Foo_(bar)']);
    expect(raws('<https://a.top/a>')).toEqual(['https://a.top/a']);
    expect(raws('Click here: bit.ly/abc!')).toEqual(['bit.ly/abc']);
  });
});

describe('extractUrls: full-width, defanged, invisible', () => {
  it('reads a full-width URL and keeps the full-width raw text', () => {
    const source = 'ｈｔｔｐｓ：／／ａｍａｚｏｎ－ｊｐ．ｘｙｚ／ｌｏｇｉｎ';
    expect(only(source)).toEqual({
      ...plain,
      raw: source,
      url: 'https://amazon-jp.xyz/login',
      scheme: 'https',
      host: 'amazon-jp.xyz',
      hostUnicode: 'amazon-jp.xyz',
      registrableDomain: 'amazon-jp.xyz',
      publicSuffix: 'xyz',
      path: '/login',
      schemeless: false,
      fullWidth: true,
      sourceSpan: [0, 27],
    });
  });

  it('maps a full-width URL inside Japanese text back to its full-width characters', () => {
    const source = '確認：ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｊｐ／ａ　電話';
    const u = only(source);
    expect(u.raw).toBe('ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｊｐ／ａ');
    expect(u.url).toBe('https://example.jp/a');
    expect(u.fullWidth).toBe(true);
  });

  it('ends a half-width URL at full-width ！？（） but keeps them inside an all-full-width URL', () => {
    expect(raws('https://a.top/x、https://b.top/y！https://c.top/z？')).toEqual([
      'https://a.top/x',
      'https://b.top/y',
      'https://c.top/z',
    ]);
    expect(raws('example.com（詳細）')).toEqual(['example.com']);
    const u = only('ｈｔｔｐｓ：／／ａ．ｔｏｐ／ｘ？ｉｄ＝１！');
    expect(u.path).toBe('/x?id=1');
    expect(u.raw).toBe('ｈｔｔｐｓ：／／ａ．ｔｏｐ／ｘ？ｉｄ＝１');
    // a full-width dot in an otherwise half-width host is still a dot
    expect(only('sagawa-xx．top/abc').host).toBe('sagawa-xx.top');
  });

  it('re-fangs hxxps and [.]', () => {
    const source = 'hxxps://evil[.]example[.]com/path';
    expect(only(source)).toEqual({
      ...plain,
      raw: source,
      url: 'https://evil.example.com/path',
      scheme: 'https',
      host: 'evil.example.com',
      hostUnicode: 'evil.example.com',
      registrableDomain: 'example.com',
      publicSuffix: 'com',
      path: '/path',
      schemeless: false,
      defanged: true,
      sourceSpan: [0, 33],
    });
  });

  it('re-fangs (.), {.}, [dot], (dot), [:], [://], hXXp, h**p, ttp', () => {
    const cases: Array<[string, string]> = [
      ['evil(.)top', 'http://evil.top/'],
      ['evil{.}top/a', 'http://evil.top/a'],
      ['evil[dot]top', 'http://evil.top/'],
      ['evil(DOT)top', 'http://evil.top/'],
      ['hxxps[:]//evil[.]top', 'https://evil.top/'],
      ['https[://]evil.top/x', 'https://evil.top/x'],
      ['hXXp://evil.top', 'http://evil.top/'],
      ['h**ps://x.top', 'https://x.top/'],
      ['ttp://evil.top', 'http://evil.top/'],
      ['ttps://evil.top', 'https://evil.top/'],
    ];
    for (const [source, url] of cases) {
      const u = only(source);
      expect(u.raw, source).toBe(source);
      expect(u.url, source).toBe(url);
      expect(u.defanged, source).toBe(true);
    }
  });

  it('still finds the host behind a mangled or unknown scheme', () => {
    for (const source of ['hxxxps://evil.top/a', 'htps://evil.top/a', 'smb://evil.top/a']) {
      const u = only(source);
      expect(u.raw, source).toBe('//evil.top/a');
      expect(u.url, source).toBe('http://evil.top/a');
      expect(u.schemeless, source).toBe(true);
    }
    expect(raws('file:///C:/x intent://scan/#Intent;end javascript://%0aalert(1)')).toEqual([]);
  });

  it('marks defanged only the URL that was defanged', () => {
    const urls = urlsIn('good https://ok.example/ bad evil[.]top');
    expect(urls.map((u) => [u.raw, u.defanged])).toEqual([
      ['https://ok.example/', false],
      ['evil[.]top', true],
    ]);
  });

  it('leaves bracketed dots in prose alone', () => {
    expect(raws('see [.] and (.) here')).toEqual([]);
    expect(raws('HTTP://EXAMPLE.COM/ABC').length).toBe(1);
    expect(only('HTTP://EXAMPLE.COM/ABC').defanged).toBe(false);
  });

  it('sees through zero-width spaces in a host (via normalizeForMatching) and keeps them in raw', () => {
    const source = 'ログイン：https://ama\u200Bzon.co\u200B.jp.evil\u2060.top/login';
    const u = only(source);
    expect(u.raw).toBe('https://ama\u200Bzon.co\u200B.jp.evil\u2060.top/login');
    expect(u.host).toBe('amazon.co.jp.evil.top');
    expect(u.registrableDomain).toBe('evil.top');
    expect(u.sourceSpan).toEqual([5, source.length]);
  });

  it('works on an identity MappedText as well', () => {
    const source = 'go to https://example.org/x now';
    const { urls } = extractUrls(MappedText.identity(source), source);
    expect(urls.map((u) => [u.raw, u.sourceSpan])).toEqual([['https://example.org/x', [6, 27]]]);
  });
});

describe('extractUrls: hosts', () => {
  it('converts a Cyrillic lookalike host to punycode and back for display', () => {
    expect(only('https://аmazon.co.jp/')).toEqual({
      ...plain,
      raw: 'https://аmazon.co.jp/',
      url: 'https://xn--mazon-3ve.co.jp/',
      scheme: 'https',
      host: 'xn--mazon-3ve.co.jp',
      hostUnicode: 'аmazon.co.jp',
      registrableDomain: 'xn--mazon-3ve.co.jp',
      publicSuffix: 'co.jp',
      path: '/',
      schemeless: false,
      sourceSpan: [0, 21],
    });
  });

  it('keeps a Japanese IDN host intact', () => {
    expect(only('https://日本郵便.jp/')).toEqual({
      ...plain,
      raw: 'https://日本郵便.jp/',
      url: 'https://xn--wtqu35cb2as82i.jp/',
      scheme: 'https',
      host: 'xn--wtqu35cb2as82i.jp',
      hostUnicode: '日本郵便.jp',
      registrableDomain: 'xn--wtqu35cb2as82i.jp',
      publicSuffix: 'jp',
      path: '/',
      schemeless: false,
      sourceSpan: [0, 16],
    });
    const bare = only('日本郵便.jpへアクセス');
    expect(bare.raw).toBe('日本郵便.jp');
    expect(bare.schemeless).toBe(true);
    expect(bare.hostUnicode).toBe('日本郵便.jp');
    expect(only('https://www.日本郵便.jp/a').hostUnicode).toBe('www.日本郵便.jp');
    expect(only('日本.コム').host).toBe('xn--wgv71a.xn--tckwe');
    expect(only('https://xn--wtqu35cb2as82i.jp/').hostUnicode).toBe('日本郵便.jp');
  });

  it('does not take Japanese in a path or query as a host', () => {
    expect(raws('https://example.com/?q=日本.jp')).toEqual(['https://example.com/?q=']);
    expect(raws('https://example.com/日本.jp')).toEqual(['https://example.com/']);
  });

  it('finds shorteners without a scheme', () => {
    const urls = urlsIn('bit.ly/3abc と cutt.ly/xyz');
    expect(urls.map((u) => [u.raw, u.url, u.registrableDomain, u.schemeless])).toEqual([
      ['bit.ly/3abc', 'http://bit.ly/3abc', 'bit.ly', true],
      ['cutt.ly/xyz', 'http://cutt.ly/xyz', 'cutt.ly', true],
    ]);
  });

  it('recognizes new gTLDs and ccTLDs without a scheme (.top .xyz .cn .wang .shop .jp)', () => {
    expect(raws('a sagawa.top b x-y.xyz c mail.cn d pay.wang e amazon.shop f kuroneko.jp')).toEqual([
      'sagawa.top',
      'x-y.xyz',
      'mail.cn',
      'pay.wang',
      'amazon.shop',
      'kuroneko.jp',
    ]);
  });

  it('does not treat made-up endings as domains', () => {
    expect(raws('file.notatld and Mr.Smith and ver 1.2.3')).toEqual([]);
  });

  it('separates userinfo from the real host', () => {
    expect(only('https://amazon.co.jp@evil.example/')).toEqual({
      ...plain,
      raw: 'https://amazon.co.jp@evil.example/',
      url: 'https://amazon.co.jp@evil.example/',
      scheme: 'https',
      host: 'evil.example',
      hostUnicode: 'evil.example',
      registrableDomain: 'evil.example',
      publicSuffix: 'example',
      userinfo: 'amazon.co.jp',
      path: '/',
      schemeless: false,
      sourceSpan: [0, 34],
    });
    const u = only('https://www.amazon.co.jp:login@evil.example');
    expect(u.userinfo).toBe('www.amazon.co.jp:login');
    expect(u.host).toBe('evil.example');
    expect(u.port).toBeNull();
  });

  it('reads IPv4 with a port and IPv6 literals', () => {
    expect(only('http://192.168.0.1:8080/login')).toEqual({
      ...plain,
      raw: 'http://192.168.0.1:8080/login',
      url: 'http://192.168.0.1:8080/login',
      scheme: 'http',
      host: '192.168.0.1',
      hostUnicode: '192.168.0.1',
      registrableDomain: null,
      publicSuffix: null,
      isIp: true,
      port: 8080,
      path: '/login',
      schemeless: false,
      sourceSpan: [0, 29],
    });
    const v6 = only('http://[::1]/');
    expect([v6.host, v6.isIp, v6.registrableDomain, v6.publicSuffix, v6.path]).toEqual(['[::1]', true, null, null, '/']);
  });

  it('normalizes hex, octal-ish and decimal IPv4 forms as a browser does', () => {
    expect(only('http://0x7f.1/').host).toBe('127.0.0.1');
    expect(only('http://0x7f.1/').isIp).toBe(true);
    expect(only('http://2130706433/').host).toBe('127.0.0.1');
    expect(only('http://0177.0.0.1/').host).toBe('127.0.0.1');
  });

  it('finds a bare IPv4 address', () => {
    const u = only('接続先 10.0.0.1 へ');
    expect([u.raw, u.isIp, u.schemeless]).toEqual(['10.0.0.1', true, true]);
  });

  it('drops default ports and keeps others', () => {
    expect(only('https://example.com:443/').port).toBeNull();
    expect(only('http://example.com:80/').port).toBeNull();
    expect(only('https://example.com:8443/x').port).toBe(8443);
  });

  it('lower-cases the host and strips a trailing dot', () => {
    const u = only('HTTPS://WWW.Example.COM./Path');
    expect(u.host).toBe('www.example.com');
    expect(u.scheme).toBe('https');
    expect(u.url.startsWith('https://www.example.com/')).toBe(true);
  });

  it('makes each tenant of a private suffix its own registrable domain', () => {
    const u = only('foo.github.io/x');
    expect([u.registrableDomain, u.publicSuffix]).toEqual(['foo.github.io', 'github.io']);
    const w = only('https://a.b.web.app');
    expect([w.registrableDomain, w.publicSuffix]).toEqual(['b.web.app', 'web.app']);
  });

  it('skips what no browser would open', () => {
    expect(raws('http://999.1.1.1/ https://xn--zz.com/')).toEqual([]);
  });

  it('finds a host of more than ten labels, as browsers open it', () => {
    const host = 'www.paypal.com.login.webscr.php.login.secure.com.dll.ssl5.paypal.secure.login.paypal.com.coca-member-profile02451.info';
    const u = only(`Please log in: http://${host}/webscr.php?cmd=LogIn.`);
    expect([u.host, u.registrableDomain, u.raw]).toEqual([host, 'coca-member-profile02451.info', `http://${host}/webscr.php?cmd=LogIn`]);
    expect(raws(`ログインはこちら「http://${host}/x」をご覧ください`)).toEqual([`http://${host}/x`]);
  });

  it('decodes a percent-encoded host, as browsers do, and keeps the raw text', () => {
    const u = only('go to http://%77%77%77%2E%65%76%69%6C%2E%74%6F%70/login now');
    expect([u.host, u.registrableDomain, u.raw]).toEqual(['www.evil.top', 'evil.top', 'http://%77%77%77%2E%65%76%69%6C%2E%74%6F%70/login']);
    expect(raws('http://%zz%/ and http://%31%39%35%2E%31%34%36%2E%39%39%2E%31%38%30:%38%37/st')).toEqual([]);
  });

  it('treats "//host/path" as schemeless http', () => {
    const u = only('//evil.top/path');
    expect([u.url, u.scheme, u.schemeless]).toEqual(['http://evil.top/path', 'http', true]);
  });

  it('does not report the local part of an email address as a URL', () => {
    expect(raws('sales.info@example.com')).toEqual([]);
    expect(raws('mailto:foo@bar.com')).toEqual([]);
  });
});

describe('extractUrls: limits', () => {
  it('returns at most the limit and counts the rest as dropped', () => {
    const source = Array.from({ length: 10 }, (_, i) => `https://h${i}.example/`).join(' ');
    const { mapped } = normalizeForMatching(source);
    const result = extractUrls(mapped, source, { limit: 3 });
    expect(result.urls.map((u) => u.host)).toEqual(['h0.example', 'h1.example', 'h2.example']);
    expect(result.dropped).toBe(7);
  });

  it('defaults to MAX_URLS_PER_MESSAGE', () => {
    const source = Array.from({ length: MAX_URLS_PER_MESSAGE + 5 }, (_, i) => `u${i}.com`).join(' ');
    const { mapped } = normalizeForMatching(source);
    const result = extractUrls(mapped, source);
    expect(result.urls).toHaveLength(MAX_URLS_PER_MESSAGE);
    expect(result.dropped).toBe(5);
  });

  it('returns nothing for empty input', () => {
    expect(extractUrls(MappedText.identity(''), '')).toEqual({ urls: [], dropped: 0 });
  });
});

describe('extractUrls: English spam', () => {
  it('finds every link with the right fields', () => {
    const source = [
      'Dear Customer, your account has been limited.',
      'Verify within 24 hours at http://secure-update.account-verify.top/login?id=88213 or visit www.paypa1-support.com/verify.',
      'Unsubscribe: https://mailer.example.net/u?e=you%40example.com&c=1234.',
    ].join('\n');
    const urls = urlsIn(source);
    expect(urls.map((u) => [u.raw, u.host, u.registrableDomain, u.path, u.schemeless])).toEqual([
      [
        'http://secure-update.account-verify.top/login?id=88213',
        'secure-update.account-verify.top',
        'account-verify.top',
        '/login?id=88213',
        false,
      ],
      ['www.paypa1-support.com/verify', 'www.paypa1-support.com', 'paypa1-support.com', '/verify', true],
      ['https://mailer.example.net/u?e=you%40example.com&c=1234', 'mailer.example.net', 'example.net', '/u?e=you%40example.com&c=1234', false],
    ]);
  });
});

describe('visibleAddress', () => {
  it('finds the registrable domain shown in anchor text', () => {
    const domain = (text: string): string | undefined => visibleAddress(text)?.domain;
    expect(domain('https://www.amazon.co.jp/')).toBe('amazon.co.jp');
    expect(domain('www.amazon.co.jp')).toBe('amazon.co.jp');
    expect(domain('amazon.co.jp')).toBe('amazon.co.jp');
    expect(domain('Amazon.co.jp ログイン')).toBe('amazon.co.jp');
    expect(domain('ｗｗｗ．ａｍａｚｏｎ．ｃｏ．ｊｐ')).toBe('amazon.co.jp');
    expect(domain('support@amazon.co.jp')).toBe('amazon.co.jp');
    expect(domain('https://аmazon.co.jp/')).toBe('xn--mazon-3ve.co.jp');
  });

  it('tells an address written as the whole text from a label that mentions one', () => {
    const whole = (text: string): boolean | undefined => visibleAddress(text)?.whole;
    expect(whole('https://www.bank.example.com/login?id=1')).toBe(true);
    expect(whole(' www.shop.example.com ')).toBe(true);
    expect(whole('<https://www.shop.example.com/>')).toBe(true);
    expect(whole('「ｗｗｗ．ａｍａｚｏｎ．ｃｏ．ｊｐ」。')).toBe(true);
    expect(whole('support@shop.example.com.')).toBe(true);
    expect(whole('Amazon.co.jp ログイン')).toBe(false);
    expect(whole('News.example.com: Top stories of the week')).toBe(false);
    expect(whole('See what is new at Shop.example.com.')).toBe(false);
    expect(whole('https://www.bank.example.com/webscr? cmd=_login')).toBe(false);
  });

  it('returns null when there is no domain', () => {
    expect(visibleAddress('こちら')).toBeNull();
    expect(visibleAddress('Click here')).toBeNull();
    expect(visibleAddress('ログインはこちら。')).toBeNull();
    expect(visibleAddress('')).toBeNull();
    expect(visibleAddress('http://192.168.0.1/')).toBeNull();
  });
});
