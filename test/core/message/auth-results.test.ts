import { describe, expect, it } from 'vitest';
import { parseAuthenticationResults } from '../../../src/core/message/auth-results.js';
import { HANG_GUARD_MS } from '../../hang-guard.js';

describe('parseAuthenticationResults', () => {
  it('parses the RFC 8601 example with several methods', () => {
    expect(
      parseAuthenticationResults(
        'example.com; spf=pass smtp.mailfrom=example.net; dkim=pass (good signature) header.d=example.net header.i=@mail.example.net',
      ),
    ).toEqual([
      { authservId: 'example.com', method: 'spf', methodName: 'spf', result: 'pass', properties: { 'smtp.mailfrom': 'example.net' } },
      {
        authservId: 'example.com',
        method: 'dkim',
        methodName: 'dkim',
        result: 'pass',
        properties: { 'header.d': 'example.net', 'header.i': '@mail.example.net' },
      },
    ]);
  });

  it('reads a version after the authserv-id and a method version', () => {
    expect(parseAuthenticationResults('mx.example.org 1; dkim/1=fail header.d=x.example')).toEqual([
      { authservId: 'mx.example.org', method: 'dkim', methodName: 'dkim', result: 'fail', properties: { 'header.d': 'x.example' } },
    ]);
  });

  it('returns nothing for "none"', () => {
    expect(parseAuthenticationResults('mx.example.org; none')).toEqual([]);
    expect(parseAuthenticationResults('mx.example.org')).toEqual([]);
    expect(parseAuthenticationResults('')).toEqual([]);
  });

  it('skips nested comments with escaped parentheses and unquotes quoted values', () => {
    expect(
      parseAuthenticationResults(
        'mx (a (nested) \\) comment); spf=neutral (sender (x) not \\( listed) reason="a \\"quoted\\" reason; with semicolon" smtp.helo="mail.example"',
      ),
    ).toEqual([
      {
        authservId: 'mx',
        method: 'spf',
        methodName: 'spf',
        result: 'neutral',
        properties: { reason: 'a "quoted" reason; with semicolon', 'smtp.helo': 'mail.example' },
      },
    ]);
  });

  it('lower-cases method, result and property names but keeps values', () => {
    expect(parseAuthenticationResults('MX.Example; DMARC=PASS Header.From=Example.JP')).toEqual([
      { authservId: 'MX.Example', method: 'dmarc', methodName: 'dmarc', result: 'pass', properties: { 'header.from': 'Example.JP' } },
    ]);
  });

  it('keeps "=" inside a value (base64 in header.b)', () => {
    expect(parseAuthenticationResults('mx; dkim=pass header.d=a.example header.b=ab+c/d==')[0]?.properties).toEqual({
      'header.d': 'a.example',
      'header.b': 'ab+c/d==',
    });
  });

  it('reads Microsoft-style results: no ";" between some, properties without a ptype, other methods', () => {
    const value =
      'spf=pass (sender IP is 203.0.113.5) smtp.mailfrom=example.jp; dkim=none (message not signed) header.d=none;dmarc=none action=none header.from=example.jp;compauth=pass reason=100';
    expect(parseAuthenticationResults(value)).toEqual([
      { authservId: '', method: 'spf', methodName: 'spf', result: 'pass', properties: { 'smtp.mailfrom': 'example.jp' } },
      { authservId: '', method: 'dkim', methodName: 'dkim', result: 'none', properties: { 'header.d': 'none' } },
      {
        authservId: '',
        method: 'dmarc',
        methodName: 'dmarc',
        result: 'none',
        properties: { action: 'none', 'header.from': 'example.jp' },
      },
      { authservId: '', method: 'other', methodName: 'compauth', result: 'pass', properties: { reason: '100' } },
    ]);
    expect(parseAuthenticationResults('mx; spf=pass smtp.mailfrom=a.example dkim=fail header.d=b.example').map((r) => r.methodName)).toEqual([
      'spf',
      'dkim',
    ]);
  });

  it('keeps the first of repeated properties', () => {
    expect(parseAuthenticationResults('mx; dkim=pass header.d=first.example header.d=second.example')[0]?.properties).toEqual({
      'header.d': 'first.example',
    });
  });

  it('stores a "__proto__" property as data', () => {
    const [result] = parseAuthenticationResults('mx; spf=pass __proto__=x smtp.mailfrom=a');
    expect(Object.getPrototypeOf(result?.properties)).toBe(Object.prototype);
    expect(result?.properties['smtp.mailfrom']).toBe('a');
  });

  it('tolerates garbage', () => {
    for (const value of ['(((', '"unterminated', '; ; ;', '= = =', 'mx; =pass', 'mx; spf=', 'mx; spf pass', ')))']) {
      expect(() => parseAuthenticationResults(value)).not.toThrow();
    }
    expect(parseAuthenticationResults('mx; spf=')).toEqual([
      { authservId: 'mx', method: 'spf', methodName: 'spf', result: '', properties: {} },
    ]);
  });

  it('runs in linear time on adversarial input', () => {
    const inputs = [
      '('.repeat(500_000),
      '"'.repeat(500_000),
      `mx; ${'a='.repeat(250_000)}`,
      `mx; spf=pass ${'x.y=z '.repeat(100_000)}`,
      `mx; ${'\\('.repeat(250_000)}`,
      `mx;${' ;'.repeat(250_000)}`,
    ];
    for (const input of inputs) {
      const started = performance.now();
      parseAuthenticationResults(input);
      expect(performance.now() - started).toBeLessThan(HANG_GUARD_MS);
    }
  });
});
