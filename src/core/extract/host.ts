// Host names: to ASCII, to Unicode, and their registrable domain and public suffix.
//
// Decision: tldts runs with `allowPrivateDomains: true`. With private suffixes
// (github.io, web.app, blogspot.com, pages.dev ...) every tenant is its own
// registrable domain: "evil.github.io" and "docs.github.io" are different owners,
// which is what a phishing check must see. With ICANN-only rules both would be
// "github.io", and a lookalike on a free hosting platform would inherit GitHub's name.
import { parse } from 'tldts';
import tldList from 'tlds' with { type: 'json' };
import { hostToUnicode } from './punycode.js';

const TLDTS_OPTIONS = { allowPrivateDomains: true, extractHostname: false, detectIp: false } as const;

/** Every IANA top-level domain (ASCII and Unicode forms as the `tlds` package lists them). */
export const IANA_TLDS: readonly string[] = tldList;
const TLD_SET: ReadonlySet<string> = new Set(tldList);

/** True when `label` (any case) is an IANA top-level domain or a punycode ("xn--") label. */
export function isKnownTld(label: string): boolean {
  const lower = label.toLowerCase();
  return TLD_SET.has(lower) || (lower.startsWith('xn--') && lower.length > 4);
}

// Dotted-decimal IPv4 as the WHATWG URL parser serializes it (it has already turned
// 0x7f.1 or 2130706433 into 127.0.0.1). Fixed shape, bounded repeats, no nesting.
const IPV4_SERIALIZED = /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

/** True for an IP literal as serialized by the WHATWG URL parser ("1.2.3.4", "[::1]"). */
export function isIpHost(host: string): boolean {
  return host.startsWith('[') || IPV4_SERIALIZED.test(host);
}

/**
 * Host in ASCII the way a browser resolves it: IDNA/punycode, lower case, IPv4 forms
 * normalized (http://0x7f.1/ → 127.0.0.1), trailing dot removed. Uses the WHATWG URL
 * parser, present in browsers and Node alike (no node:url). Null when the host is
 * not valid (a browser would refuse it too).
 */
export function toAsciiHost(host: string): string | null {
  if (host === '') return null;
  let hostname: string;
  try {
    hostname = new URL(`http://${host}/`).hostname;
  } catch {
    return null;
  }
  return stripTrailingDot(hostname);
}

export function stripTrailingDot(host: string): string | null {
  const stripped = host.endsWith('.') ? host.slice(0, -1) : host;
  return stripped === '' || stripped.endsWith('.') ? null : stripped;
}

export interface HostInfo {
  /** ASCII, lower case, no trailing dot. */
  host: string;
  hostUnicode: string;
  registrableDomain: string | null;
  publicSuffix: string | null;
  isIp: boolean;
}

/** Facts about an ASCII host (as returned by `toAsciiHost` or `URL.hostname`). */
export function describeHost(asciiHost: string): HostInfo {
  if (isIpHost(asciiHost)) {
    return { host: asciiHost, hostUnicode: asciiHost, registrableDomain: null, publicSuffix: null, isIp: true };
  }
  // One parse gives both (getDomain and getPublicSuffix would each parse the host again).
  const { domain, publicSuffix } = parse(asciiHost, TLDTS_OPTIONS);
  return { host: asciiHost, hostUnicode: hostToUnicode(asciiHost), registrableDomain: domain, publicSuffix, isIp: false };
}

/**
 * True when `suffix` (lower case, ASCII or Unicode labels) is exactly a known public
 * suffix: "jp", "co.jp", "com", "コム", "github.io" — not "example.com", not an
 * unknown TLD. Used to tell an IDN label glued to its suffix ("日本郵便.jp") from
 * Japanese text glued to a domain ("ご覧ください.example.com").
 */
export function isExactPublicSuffix(suffix: string): boolean {
  const r = parse(suffix, TLDTS_OPTIONS);
  return r.publicSuffix === suffix && r.domain === null && (r.isIcann === true || r.isPrivate === true);
}
