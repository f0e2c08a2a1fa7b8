// Email address extraction from (normalized) message text.
//
// Runs on the same refanged, Japanese-blanked scan text as URL extraction (./scan.ts),
// so "info@example.co.jpまで" and "「info@example.com」" end where they should and a
// full-width "ｉｎｆｏ＠ｅｘａｍｐｌｅ．ｃｏｍ" (after NFKC) is found. Scanning is a hand-written
// loop from each "@": at most 64 characters back and 253 ahead, so it is linear.
//
// Decisions:
// - Local part: ASCII letters, digits and . _ % + - (what real addresses use; the rare
//   RFC 5322 extras such as ' or { would swallow surrounding quotes and brackets).
//   Consecutive and trailing dots are kept: Japanese carriers issued such addresses
//   (taro..yamada.@docomo.ne.jp). Leading dots are dropped.
// - Domain: at least two labels, the last one an IANA TLD; converted to ASCII (punycode)
//   and lower case with the WHATWG URL parser, the same as URL hosts, so the two can be
//   compared directly.
// - The userinfo of a URL (https://amazon.co.jp@evil.example/, https://user:pw@host/)
//   is not an address: an "@" whose local part sits in an authority after "//" is skipped.
import { MAX_ITEMS_PER_KIND } from '../limits.js';
import type { MappedText } from '../normalize/index.js';
import type { ExtractedEmail } from './types.js';
import { describeHost, isKnownTld, toAsciiHost } from './host.js';
import { SPACE, prepareScan, type PreparedScan } from './scan.js';

/** An address found in one string, before the caller attaches its Location. */
export type FoundEmail = Omit<ExtractedEmail, 'location'> & {
  /** [start, end) in the ORIGINAL source string; `source.slice(...sourceSpan) === raw`. */
  sourceSpan: [number, number];
};

export interface EmailExtraction {
  /** In order of appearance, at most `limit`. */
  emails: FoundEmail[];
  /** Addresses found past the limit and not returned. */
  dropped: number;
}

export interface ExtractEmailsOptions {
  /** Most addresses to return; default MAX_ITEMS_PER_KIND. */
  limit?: number;
  /** prepareScan(input, source), when the caller shares it with extractUrls. */
  prepared?: PreparedScan;
}

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;
/** How far back to look for the "//" that would make a local part a URL's userinfo. */
const MAX_AUTHORITY = 256;

function isAsciiAlnum(u: number): boolean {
  return (u >= 0x30 && u <= 0x39) || (u >= 0x41 && u <= 0x5a) || (u >= 0x61 && u <= 0x7a);
}

function isLocalChar(u: number): boolean {
  return isAsciiAlnum(u) || u === 0x2e || u === 0x5f || u === 0x25 || u === 0x2b || u === 0x2d;
}

/** Host label character in the scan text: ASCII letter, digit, "-", or a non-ASCII
 * letter the scan text kept (other scripts, Japanese IDN labels). */
function isDomainChar(u: number): boolean {
  return isAsciiAlnum(u) || u === 0x2d || u >= 0x80; // blanked characters are spaces
}

function isSpaceLike(u: number): boolean {
  return u <= 0x20 || u === 0x7f;
}

/**
 * Finds email addresses in `input`, a text derived from `source` (normally
 * `normalizeForMatching(source).mapped`). Each result's `raw` is
 * `source.slice(...sourceSpan)`.
 */
export function extractEmails(input: MappedText, source: string, options: ExtractEmailsOptions = {}): EmailExtraction {
  const limit = Math.max(0, options.limit ?? MAX_ITEMS_PER_KIND);
  const emails: FoundEmail[] = [];
  let dropped = 0;
  // A literal and a fixed 4-character alternative: no repetition, linear.
  if (!/@|\[at\]/i.test(input.text)) {
    return { emails, dropped };
  }

  const {
    refanged: { text: refanged },
    scan,
  } = options.prepared ?? prepareScan(input, source);
  const text = refanged.text;
  const n = scan.length;
  let lastEnd = 0;
  const userinfo = new UserinfoCheck();

  for (let at = scan.indexOf('@'); at >= 0; at = scan.indexOf('@', at + 1)) {
    // Local part.
    let start = at;
    while (start > lastEnd && at - start < MAX_LOCAL && isLocalChar(scan.charCodeAt(start - 1))) start--;
    if (start > lastEnd && isLocalChar(scan.charCodeAt(start - 1))) continue; // longer than 64
    while (start < at && scan.charCodeAt(start) === 0x2e) start++;
    if (start === at) continue;
    const before = start > 0 ? scan.charCodeAt(start - 1) : SPACE;
    if (before === 0x2f || before === 0x5c || before === 0x40) continue; // path, "//user@", a@b@c
    if (userinfo.test(scan, start)) continue;

    // Domain: labels separated by single dots.
    let k = at + 1;
    let end = -1;
    const max = Math.min(n, at + 1 + MAX_DOMAIN);
    for (;;) {
      const labelStart = k;
      while (k < max && isDomainChar(scan.charCodeAt(k))) k++;
      if (k === labelStart) break;
      end = k;
      if (k + 1 < max && scan.charCodeAt(k) === 0x2e && isDomainChar(scan.charCodeAt(k + 1))) {
        k++;
        continue;
      }
      break;
    }
    if (end < 0) continue;
    while (end > at + 1 && scan.charCodeAt(end - 1) === 0x2d) end--; // "example.com-"
    const domainText = text.slice(at + 1, end);
    const lastDot = domainText.lastIndexOf('.');
    if (lastDot <= 0 || !isKnownTld(domainText.slice(lastDot + 1))) continue;

    if (emails.length >= limit) {
      dropped++;
      lastEnd = end;
      continue;
    }
    const domain = toAsciiHost(domainText);
    if (domain === null) continue;
    const info = describeHost(domain);
    if (info.isIp) continue;
    const sourceSpan = refanged.toSource(start, end);
    const raw = source.slice(sourceSpan[0], sourceSpan[1]);
    if (raw === '') continue;
    emails.push({
      raw,
      address: `${text.slice(start, at)}@${domain}`,
      domain,
      registrableDomain: info.registrableDomain,
      sourceSpan,
    });
    lastEnd = end;
    at = end - 1;
  }
  return { emails, dropped };
}

/**
 * Tells whether the local part starting at `start` is inside a URL authority: looking
 * back over characters other than space, "/", "?" and "#" ends at "//". Calls come with
 * increasing `start`; when a look-back reaches the point where the previous one began,
 * the rest of the way is the same, so its answer is reused and every character is
 * read back at most once overall (no 256-character walk per "@").
 */
class UserinfoCheck {
  private from = -1;
  private answer = false;

  test(scan: string, start: number): boolean {
    const stop = Math.max(0, start - MAX_AUTHORITY);
    let answer = false;
    for (let j = start - 1; j >= stop; j--) {
      if (j === this.from) {
        answer = this.answer;
        break;
      }
      const u = scan.charCodeAt(j);
      if (isSpaceLike(u) || u === 0x3f || u === 0x23) break; // "?" and "#" end an authority
      if (u === 0x2f) {
        answer = j > 0 && scan.charCodeAt(j - 1) === 0x2f;
        break;
      }
    }
    this.from = start - 1;
    this.answer = answer;
    return answer;
  }
}
