import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_HTML_ELEMENTS, MAX_URLS_PER_MESSAGE } from '../../../src/core/limits.js';
import { htmlToText } from '../../../src/core/message/html.js';
import { HANG_GUARD_MS } from '../../hang-guard.js';

describe('htmlToText: text', () => {
  it('separates blocks, breaks lines at <br> and collapses whitespace', () => {
    const { text } = htmlToText('<div>one\n   two</div><div>three</div><p>para<br>next line</p><h1>Title</h1>tail');
    expect(text).toBe('one two\nthree\n\npara\nnext line\n\nTitle\n\ntail');
  });

  it('reads every run of whitespace as one space, in text and in link text', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '  ', '\t', '\n', '\r', '\f', '\u00a0', '\u3000', '\u2003'), maxLength: 40 });
    fc.assert(
      fc.property(text, (s) => {
        expect(htmlToText(`<p>${s}</p>`).text).toBe(s.replace(/[ \t\n\f\r]+/g, ' ').replace(/^ /, '').trimEnd());
        expect(htmlToText(`<a href="https://example.com/">${s}</a>`).links[0]?.text).toBe(s.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 500 },
    );
  });

  it('drops script, style, title and template content but keeps noscript', () => {
    const html =
      '<html><head><title>T</title><style>p{color:red}</style><script>alert(1)</script></head>' +
      '<body><template><p>hidden</p></template><noscript>shown</noscript><p>body</p></body></html>';
    expect(htmlToText(html).text).toBe('shown\n\nbody');
  });

  it('keeps the body of a document whose <head> is never closed', () => {
    expect(htmlToText('<head><title>x</title>text<p>para').text).toBe('text\n\npara');
  });

  it('writes list items with "- " and table cells side by side', () => {
    const html = '<ul><li> 一つ目 </li><li>二つ目</li></ul><table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>';
    expect(htmlToText(html).text).toBe('- 一つ目\n- 二つ目\n\na b\nc');
  });

  it('decodes entities', () => {
    expect(htmlToText('<p>&lt;tag&gt; &amp; &quot;q&quot; &#x3042;&nbsp;x &copy;</p>').text).toBe('<tag> & "q" あ\u00a0x ©');
  });

  it('keeps whitespace inside <pre>', () => {
    expect(htmlToText('<pre>  a\n    b</pre>after').text).toBe('  a\n    b\n\nafter');
  });

  it('shows image alt text and button labels in brackets, and no empty brackets', () => {
    expect(htmlToText('<img src="x.png" alt=" Logo "><img src="pixel.gif"><input type="submit" value="ログイン">').text).toBe(
      '[Logo][ログイン]',
    );
  });

  it('allows at most one blank line between blocks', () => {
    expect(htmlToText('a<br><br><br><br>b<p></p><p></p><p>c</p>').text).toBe('a\n\nb\n\nc');
  });

  it('returns empty text for empty or text-free input', () => {
    expect(htmlToText('')).toEqual({ text: '', links: [], skipped: [] });
    expect(htmlToText('<div><span></span></div>').text).toBe('');
  });
});

describe('htmlToText: links', () => {
  it('returns the href as written and the visible text collapsed, for a lookalike link', () => {
    const { links } = htmlToText(
      '<p><a href="https://amazon-co-jp.account-verify.example/?a=1&amp;b=2">\n  https://www.amazon.co.jp/ \n</a></p>',
    );
    expect(links).toEqual([
      { href: 'https://amazon-co-jp.account-verify.example/?a=1&b=2', text: 'https://www.amazon.co.jp/', kind: 'anchor' },
    ]);
  });

  it('collects anchors, image maps and form actions in document order', () => {
    const html = [
      '<a href="https://one.example/">One <b>bold</b></a>',
      '<map><area href="https://area.example/" alt="地図"><area alt="no href"></map>',
      '<form action="https://post.example/login"><input name="pw"></form>',
      '<form><input></form><form action=" "></form>',
      '<a name="anchor-only">not a link</a>',
      '<a href="https://img.example/"><img src="x.png" alt="logo"></a>',
    ].join('');
    expect(htmlToText(html).links).toEqual([
      { href: 'https://one.example/', text: 'One bold', kind: 'anchor' },
      { href: 'https://area.example/', text: '地図', kind: 'area' },
      { href: 'https://post.example/login', text: null, kind: 'form' },
      { href: 'https://img.example/', text: '', kind: 'anchor' },
    ]);
  });

  it('ends an anchor at the next <a> and at the end of the input', () => {
    expect(htmlToText('<a href="https://a.example/">first<a href="https://b.example/">second').links).toEqual([
      { href: 'https://a.example/', text: 'first', kind: 'anchor' },
      { href: 'https://b.example/', text: 'second', kind: 'anchor' },
    ]);
  });

  it('keeps an empty href and a javascript: href as written', () => {
    expect(htmlToText('<a href="">x</a><a href="javascript:void(0)">y</a>').links.map((l) => l.href)).toEqual([
      '',
      'javascript:void(0)',
    ]);
  });

  it('does not count link text hidden in <script> or <style>', () => {
    expect(htmlToText('<a href="https://x.example/">a<style>.c{}</style>b</a>').links[0]?.text).toBe('ab');
  });
});

describe('htmlToText: limits', () => {
  it(`stops after ${MAX_HTML_ELEMENTS} elements and says so`, () => {
    const html = `<p>start</p>${'<i></i>'.repeat(MAX_HTML_ELEMENTS)}<p>end</p>`;
    const started = performance.now();
    const result = htmlToText(html);
    expect(performance.now() - started).toBeLessThan(HANG_GUARD_MS);
    expect(result.text).toBe('start');
    expect(result.skipped).toEqual([
      { limit: 'MAX_HTML_ELEMENTS', detail: `HTML after the first ${MAX_HTML_ELEMENTS} elements was not converted` },
    ]);
  });

  it(`keeps at most ${MAX_URLS_PER_MESSAGE} links`, () => {
    const result = htmlToText('<a href="https://x.example/">x</a>'.repeat(MAX_URLS_PER_MESSAGE + 7));
    expect(result.links).toHaveLength(MAX_URLS_PER_MESSAGE);
    expect(result.skipped).toEqual([
      { limit: 'MAX_URLS_PER_MESSAGE', detail: `7 HTML links after the first ${MAX_URLS_PER_MESSAGE} were not kept` },
    ]);
  });

  it('converts a 1 MB mail-like document quickly', () => {
    const block = '<tr><td style="padding:4px"><a href="https://shop.example/item?id=1">商品 &amp; セール</a></td><td>¥1,000</td></tr>\n';
    const html = `<table>${block.repeat(Math.ceil(1_000_000 / block.length))}</table>`;
    const started = performance.now();
    const result = htmlToText(html);
    expect(performance.now() - started).toBeLessThan(HANG_GUARD_MS);
    expect(result.text.startsWith('商品 & セール ¥1,000\n')).toBe(true);
  });
});
