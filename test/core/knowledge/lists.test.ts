import tldList from 'tlds' with { type: 'json' };
import { getDomain, getPublicSuffix } from 'tldts';
import { describe, expect, it } from 'vitest';
import {
  ABUSED_TLD_CRITERIA,
  ABUSED_TLDS,
  abusedTldEntry,
  FREEMAIL,
  freemailEntry,
  isAbusedTld,
  isFreemail,
  isShortener,
  shortenerEntry,
  shortenerOperator,
  SHORTENERS,
} from '../../../src/core/knowledge/lists.js';
import { parseAbusedTlds, parseFreemail, parseShorteners } from '../../../src/core/knowledge/lists-schema.js';
import { getOrganization } from '../../../src/core/knowledge/organizations.js';
import abusedRaw from '../../../data/abused-tlds.json' with { type: 'json' };
import freemailRaw from '../../../data/freemail.json' with { type: 'json' };
import shortenerRaw from '../../../data/shorteners.json' with { type: 'json' };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TLDS = new Set(tldList);

function expectSourced(what: string, entry: { source: string; checked: string }): void {
  expect(['http:', 'https:'], what).toContain(new URL(entry.source).protocol);
  expect(entry.checked, what).toMatch(ISO_DATE);
  expect(Number.isNaN(Date.parse(entry.checked)), what).toBe(false);
}

function expectUnique(values: string[]): void {
  const seen = new Set<string>();
  for (const v of values) {
    expect(seen.has(v), `${v} listed twice`).toBe(false);
    seen.add(v);
  }
}

describe('data/shorteners.json', () => {
  it('lists the common shorteners, each registrable, unique and sourced', () => {
    const domains = SHORTENERS.map((s) => s.domain);
    for (const d of ['bit.ly', 't.co', 'cutt.ly', 'tinyurl.com', 'is.gd', 'ow.ly', 'buff.ly', 'rebrand.ly', 't.ly', 'shorturl.at', 'x.gd', 'rb.gy', 'goo.gl', 'amzn.to', 'lin.ee']) {
      expect(domains).toContain(d);
    }
    expectUnique(domains);
    for (const s of SHORTENERS) {
      expect(getDomain(s.domain), s.domain).toBe(s.domain);
      expectSourced(s.domain, s);
    }
  });

  it('names operators that exist in data/organizations.json', () => {
    for (const s of SHORTENERS) {
      if (s.operator !== undefined) expect(getOrganization(s.operator), `${s.domain} → ${s.operator}`).toBeDefined();
      // A shortener that only opens its operator's pages must say who that is.
      if (s.opensTo === 'operator') expect(s.operator, s.domain).toBeDefined();
    }
  });

  it('rejects bad entries', () => {
    const entry = { domain: 'bit.ly', opensTo: 'anywhere', source: 'https://example.org/', checked: '2026-11-29' };
    expect(parseShorteners({ domains: [entry] })).toHaveLength(1);
    expect(() => parseShorteners({ domains: [{ ...entry, domain: 'www.bit.ly' }] })).toThrow(/registrable/);
    expect(() => parseShorteners({ domains: [{ ...entry, domain: 'Bit.ly' }] })).toThrow(/lower-case/);
    expect(() => parseShorteners({ domains: [entry, entry] })).toThrow(/listed twice/);
    expect(() => parseShorteners({ domains: [{ ...entry, source: undefined }] })).toThrow(/source/);
    expect(() => parseShorteners({ domains: [{ ...entry, checked: 'yesterday' }] })).toThrow(/checked/);
    expect(() => parseShorteners(shortenerRaw)).not.toThrow();
  });
});

describe('data/abused-tlds.json', () => {
  it('lists single-label TLDs that exist, each unique, sourced and with a measured reason', () => {
    expect(ABUSED_TLD_CRITERIA.length).toBeGreaterThan(50);
    const tlds = ABUSED_TLDS.map((t) => t.tld);
    for (const t of ['top', 'xyz', 'cn', 'shop', 'icu', 'sbs', 'cfd', 'bond', 'vip', 'online', 'site', 'live', 'cyou']) expect(tlds).toContain(t);
    expectUnique(tlds);
    for (const t of ABUSED_TLDS) {
      expect(t.tld).not.toContain('.');
      expect(TLDS.has(t.tld), `${t.tld} is not in the tlds package list`).toBe(true);
      expect(t.reason, t.tld).toMatch(/\d/);
      expectSourced(t.tld, t);
    }
  });

  it('does not list the big generic TLDs the statistics rank only by size', () => {
    for (const t of ['com', 'net', 'org', 'jp']) expect(isAbusedTld(t), t).toBe(false);
  });

  it('rejects bad entries', () => {
    const entry = { tld: 'top', reason: 'measured: 1 of 2', source: 'https://example.org/', checked: '2026-11-29' };
    expect(parseAbusedTlds({ criteria: 'x', tlds: [entry] }).tlds).toHaveLength(1);
    expect(() => parseAbusedTlds({ criteria: 'x', tlds: [{ ...entry, tld: '.top' }] })).toThrow(/single lower-case label/);
    expect(() => parseAbusedTlds({ criteria: 'x', tlds: [{ ...entry, tld: 'com.cn' }] })).toThrow(/single lower-case label/);
    expect(() => parseAbusedTlds({ criteria: 'x', tlds: [entry, entry] })).toThrow(/listed twice/);
    expect(() => parseAbusedTlds({ criteria: 'x', tlds: [{ ...entry, reason: '' }] })).toThrow(/reason/);
    expect(() => parseAbusedTlds(abusedRaw)).not.toThrow();
  });
});

describe('data/freemail.json', () => {
  it('lists webmail and Japanese carrier mail, each registrable, unique and sourced', () => {
    const domains = FREEMAIL.map((f) => f.domain);
    for (const d of ['gmail.com', 'yahoo.co.jp', 'outlook.jp', 'outlook.com', 'hotmail.com', 'icloud.com', 'aol.com', 'yahoo.com', 'mail.ru', 'qq.com', '163.com', '126.com', 'yandex.ru', 'proton.me', 'protonmail.com']) {
      expect(domains).toContain(d);
    }
    for (const d of ['docomo.ne.jp', 'ezweb.ne.jp', 'au.com', 'softbank.ne.jp']) expect(freemailEntry(d)?.kind, d).toBe('carrier');
    expectUnique(domains);
    for (const f of FREEMAIL) {
      expect(getDomain(f.domain), f.domain).toBe(f.domain);
      expectSourced(f.domain, f);
      if (f.operator !== undefined) expect(getOrganization(f.operator), `${f.domain} → ${f.operator}`).toBeDefined();
    }
  });

  it('keeps the lists apart: no domain is both a shortener and a mail provider', () => {
    for (const f of FREEMAIL) expect(isShortener(f.domain), f.domain).toBe(false);
  });

  it('rejects bad entries', () => {
    const entry = { domain: 'gmail.com', kind: 'webmail', source: 'https://example.org/', checked: '2026-11-29' };
    expect(parseFreemail({ domains: [entry] })).toHaveLength(1);
    // i.softbank.jp is a host under softbank.jp, not a registrable domain.
    expect(() => parseFreemail({ domains: [{ ...entry, domain: 'i.softbank.jp' }] })).toThrow(/registrable/);
    expect(() => parseFreemail({ domains: [{ ...entry, kind: 'free' }] })).toThrow(/kind/);
    expect(() => parseFreemail({ domains: [entry, entry] })).toThrow(/listed twice/);
    expect(() => parseFreemail(freemailRaw)).not.toThrow();
  });
});

describe('lookups', () => {
  it('isShortener matches registrable domains exactly', () => {
    expect(isShortener('bit.ly')).toBe(true);
    expect(isShortener('BIT.LY.')).toBe(true);
    expect(isShortener('www.bit.ly')).toBe(false);
    expect(isShortener(getDomain('www.bit.ly') ?? '')).toBe(true);
    expect(isShortener('notbit.ly')).toBe(false);
    expect(isShortener('example.com')).toBe(false);
    expect(isShortener('')).toBe(false);
  });

  it('shortenerOperator names the brand that runs an official shortener', () => {
    expect(shortenerOperator('amzn.to')).toBe('amazon-jp');
    expect(shortenerOperator('lin.ee')).toBe('line');
    expect(shortenerOperator('t.co')).toBe('x');
    expect(shortenerOperator('bit.ly')).toBeUndefined();
    expect(shortenerOperator('amazon.co.jp')).toBeUndefined();
    expect(shortenerEntry('amzn.to')?.opensTo).toBe('operator');
    expect(shortenerEntry('goo.gl')?.opensTo).toBe('anywhere');
  });

  it('isAbusedTld takes a public suffix and looks at its top-level label', () => {
    expect(isAbusedTld('top')).toBe(true);
    expect(isAbusedTld('TOP')).toBe(true);
    expect(isAbusedTld(getPublicSuffix('sagawa-xyz.top') ?? '')).toBe(true);
    expect(isAbusedTld(getPublicSuffix('example.com.cn') ?? '')).toBe(true);
    expect(abusedTldEntry('com.cn')?.tld).toBe('cn');
    expect(isAbusedTld('co.jp')).toBe(false);
    expect(isAbusedTld('topx')).toBe(false);
    expect(isAbusedTld('')).toBe(false);
  });

  it('isFreemail matches mail domains exactly', () => {
    expect(isFreemail('gmail.com')).toBe(true);
    expect(isFreemail('docomo.ne.jp')).toBe(true);
    expect(isFreemail('Yahoo.co.jp')).toBe(true);
    expect(isFreemail('mail.google.com')).toBe(false);
    expect(isFreemail('ntt-west.co.jp')).toBe(false);
    expect(isFreemail('gmail.co')).toBe(false);
    expect(freemailEntry('outlook.jp')?.operator).toBe('microsoft');
  });
});
