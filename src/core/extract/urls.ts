// URL extraction from (normalized) message text.
//
// Pipeline: normalized text (NFKC, invisible characters removed; see
// ../normalize) → refang (hxxps, [.]) → scan text (Japanese text and punctuation
// blanked, see ./scan.ts) → linkify-it 6 with the full IANA TLD list → each match
// parsed with the WHATWG URL parser (browser and Node alike) → host facts via tldts.
//
// Decisions:
// - `raw` is always the ORIGINAL characters (full-width, defanged, with zero-width
//   characters): the caller passes the original source string next to the mapped
//   text, and `sourceSpan` locates `raw` in it.
// - A link written without a scheme gets "http://", as linkify-it and browsers do.
//   "//host/path" counts as schemeless too.
// - `path` and `url` are as the WHATWG URL parser normalizes them ("/" for an empty
//   path, percent-encoding of spaces and non-ASCII).
// - A URL the WHATWG parser rejects (bad IDN label such as "xn--zz", IPv4 out of
//   range) is not returned: no browser would open it.
// - A schemeless match directly followed by "@" (sales.info@example.com) is the local
//   part of an email address, not a link; it is skipped.
// - mailto: links are left to the email extractor.
import { LinkifyIt, REBuilder } from 'linkify-it';
import { MAX_URLS_PER_MESSAGE } from '../limits.js';
import type { MappedText } from '../normalize/index.js';
import { normalizeForMatching } from '../normalize/index.js';
import type { ExtractedUrl } from './types.js';
import { IANA_TLDS, describeHost, stripTrailingDot } from './host.js';
import { overlapsRepair, prepareScan, type PreparedScan } from './scan.js';
import { extractEmails } from './emails.js';

/** A URL found in one string, before the caller attaches its Location. */
export type FoundUrl = Omit<ExtractedUrl, 'location' | 'visibleText' | 'visibleDomain' | 'visibleIsAddress'> & {
  /** [start, end) in the ORIGINAL source string; `source.slice(...sourceSpan) === raw`. */
  sourceSpan: [number, number];
};

export interface UrlExtraction {
  /** In order of appearance, at most `limit`. */
  urls: FoundUrl[];
  /** URLs found past the limit and not returned (the caller records the skip). */
  dropped: number;
}

export interface ExtractUrlsOptions {
  /** Most URLs to return; default MAX_URLS_PER_MESSAGE. Pass what is left of the
   * per-message budget when scanning several fields of one message. */
  limit?: number;
  /** prepareScan(input, source), when the caller shares it with extractEmails. */
  prepared?: PreparedScan;
  /** linkify-it's answers by token, for a caller that looks at several strings of one
   * message: the same URL is usually in the text part, the HTML part and a link. */
  linkifyMemo?: LinkifyMemo;
}

/** A token of the scan text → linkify-it's matches in it (null: none). */
export type LinkifyMemo = Map<string, ReturnType<LinkifyIt['match']>>;

// linkify-it 6: fuzzyLink with the full IANA TLD list (tlds package) so .top, .xyz,
// .wang, .shop, .jp … work without a scheme; fuzzyEmail off (./emails.ts does that);
// fuzzyIP on; urlAuth on, or "https://amazon.co.jp@evil.example/" would end at the "@"
// and lose the real host. Its patterns are the library's own; their repeats are all
// bounded (labels {0,61}, auth {1,50}, path {1,maxLength}) and linear time on hostile
// input is checked by test/core/extract/urls.property.test.ts (20K characters).
//
// The pattern for links without a scheme holds the 1,400 TLDs: compiling it took a
// cold check some 5 ms, more than the rest of extraction. A token in which no such link
// can start (schemelessLinkMayStart) is given to a second linkifier without fuzzyLink,
// which answers the same (the pattern would have found nothing) without compiling it.
// Both share one REBuilder (linkify-it's `rebuilder` option), so the other patterns
// are compiled once.
export interface Linkifiers {
  /** Links with a scheme and links without one. */
  all: LinkifyIt;
  /** Links with a scheme only. */
  schemed: LinkifyIt;
}

let linkifiers: Linkifiers | null = null;

export function getLinkifiers(): Linkifiers {
  linkifiers ??= makeLinkifiers(new QuickREBuilder());
  return linkifiers;
}

/** The two linkifiers on one REBuilder (exported for the test that QuickREBuilder's
 * patterns find what linkify-it's own find). */
export function makeLinkifiers(rebuilder: REBuilder): Linkifiers {
  const make = (fuzzyLink: boolean) =>
    new LinkifyIt({ fuzzyLink, fuzzyEmail: false, fuzzyIP: true, urlAuth: true, rebuilder }).tlds([...IANA_TLDS]).add('mailto:', null);
  return { all: make(true), schemed: make(false) };
}

/** An ASCII letter or digit, as a pattern; with ASCII_ALONE, not followed by a lone low
 * surrogate (which linkify-it's pseudo-letter takes together with the character before). */
const ASCII_ALNUM = '[a-zA-Z0-9]';
const ASCII_ALONE = `${ASCII_ALNUM}(?![\\uDC00-\\uDFFF])`;

/**
 * linkify-it's patterns with a quick way through ASCII letters and digits. For every
 * character of a host, of a user-info and of a path, linkify-it looks ahead through
 * Unicode's Z, P and Cc (thousands of ranges and surrogate pairs) to rule the character
 * out before it takes it: checking a short link took some 2 µs, a long one 5, more than
 * the rest of its extraction. An ASCII letter or digit is never in Z, P or Cc, so each
 * of those character patterns is tried first as "an ASCII letter or digit", and as
 * written only for the other characters. Each new alternative matches exactly what the
 * general pattern matched for those characters, and the general pattern is kept from
 * matching them again, so every pattern finds the same matches in the same order
 * (checked against linkify-it's own patterns by test/core/extract/urls.property.test.ts).
 */
class QuickREBuilder extends REBuilder {
  /** (?:(?!separators|Z|P|Cc)any character or surrogate pair) */
  override get_pseudo_letter(): RegExp {
    let pattern = this.cache['quick_pseudo_letter'];
    if (pattern === undefined) {
      const general = super.get_pseudo_letter().source;
      pattern = new RegExp(`(?:${ASCII_ALONE}|(?!${ASCII_ALONE})${general})`);
      this.cache['quick_pseudo_letter'] = pattern;
    }
    return pattern;
  }

  /** (?:(?:(?!Z|Cc|[@/\[\]()]).){1,50}@)? */
  override get_auth(): RegExp {
    let pattern = this.cache['quick_auth'];
    if (pattern === undefined) {
      pattern = new RegExp(rewrite(super.get_auth().source, '(?:(?:', `(?:(?:${ASCII_ALNUM}|(?!${ASCII_ALNUM})`));
      this.cache['quick_auth'] = pattern;
    }
    return pattern;
  }

  /** (?:[/?#](?:brackets|quotes|punctuation rules|…|(?!path terminator).){1,maxLength}|\/)? */
  override get_path(): RegExp {
    let pattern = this.cache['quick_path'];
    if (pattern === undefined) {
      const any = `|(?!${this.get_path_terminator().source}).){1,${this.opts.maxLength}}`;
      const general = super.get_path().source;
      const first = rewrite(general, '(?:[/?#](?:', `(?:[/?#](?:${ASCII_ALNUM}|`);
      pattern = new RegExp(rewrite(first, any, `|(?!${ASCII_ALNUM})${any.slice(1)}`));
      this.cache['quick_path'] = pattern;
    }
    return pattern;
  }
}

/** `source` with its one occurrence of `part` replaced; throws when linkify-it's pattern
 * is not written as expected (another version), rather than search with a wrong one. */
function rewrite(source: string, part: string, replacement: string): string {
  const at = source.indexOf(part);
  if (at === -1 || source.indexOf(part, at + 1) !== -1) throw new Error(`linkify-it pattern changed: ${part} not found once`);
  return source.slice(0, at) + replacement + source.slice(at + part.length);
}

/**
 * Whether linkify-it's pattern for a link without a scheme could match somewhere in
 * `token`. That pattern needs a place where a host can start (the start of the token,
 * or after a character of [$+<=>^`|｜] or of Unicode's Z, P and Cc that is not one of
 * . : / - _ @) followed by a label (pseudo-letters and "-") and a ".". This looks for
 * the same with every character it cannot rule out cheaply counted as possible: any
 * non-ASCII character may precede a host and be part of a label, and only ASCII
 * punctuation, spaces and controls (all in Z, P or Cc), "<" and ">" end a label. A
 * token with a surrogate is not ruled out at all: linkify-it's pseudo-letter takes a
 * surrogate pair, a lone surrogate, and any character before a lone low surrogate,
 * punctuation included (".\udc00.jp" is a link to it). One pass, linear in the token.
 */
export function schemelessLinkMayStart(token: string): boolean {
  let runMayBeAHost = false; // the current run of label characters holds a place where a host can start
  for (let i = 0; i < token.length; i++) {
    const unit = token.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdfff) return true;
    if (unit === 0x2e) {
      if (runMayBeAHost) return true;
    } else if (isLabelUnit(unit)) {
      if (i === 0 || mayPrecedeHost(token.charCodeAt(i - 1))) runMayBeAHost = true;
      continue;
    }
    runMayBeAHost = false;
  }
  return false;
}

/** ASCII characters in Z, P or Cc other than "-" and ".", and linkify-it's separators "<" and ">". */
const NOT_IN_LABELS = '\x20!"#%&\'()*,/:;?@[\\]_{}<>';

/** Per ASCII code unit: 1 when it may be part of a label. A table, not a Set: this is
 * asked for every character of every token that may hold a link, and with a Set
 * look-up URL extraction of the SpamAssassin texts took 165 ms instead of 155. */
const ASCII_LABEL_UNIT = new Uint8Array(0x80);
for (let unit = 0x21; unit < 0x7f; unit++) if (!NOT_IN_LABELS.includes(String.fromCharCode(unit))) ASCII_LABEL_UNIT[unit] = 1;

function isLabelUnit(unit: number): boolean {
  return unit >= 0x80 || ASCII_LABEL_UNIT[unit] === 1;
}

function mayPrecedeHost(unit: number): boolean {
  return !isAsciiLetterOrDigit(unit) && unit !== 0x2e && unit !== 0x3a && unit !== 0x2f && unit !== 0x2d && unit !== 0x5f && unit !== 0x40;
}

function isAsciiLetterOrDigit(unit: number): boolean {
  return (unit >= 0x30 && unit <= 0x39) || (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x61 && unit <= 0x7a);
}

// Full-width forms of ASCII (U+FF01–U+FF5E) and the ideographic space. A single
// character class: no repetition, cannot backtrack.
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

// The scheme at the start of a match: a letter then at most 15 scheme characters and
// ":". Anchored, bounded, a single quantifier: linear.
const SCHEME_PREFIX = /^[a-z][a-z0-9+.-]{0,15}:/i;

/**
 * Finds URLs in `input`, a text derived from `source` (normally
 * `normalizeForMatching(source).mapped`; `MappedText.identity(source)` works too).
 * `source` is the original string: each result's `raw` is `source.slice(...sourceSpan)`,
 * the characters as the reader saw them.
 */
export function extractUrls(input: MappedText, source: string, options: ExtractUrlsOptions = {}): UrlExtraction {
  const limit = Math.max(0, options.limit ?? MAX_URLS_PER_MESSAGE);
  const urls: FoundUrl[] = [];
  let dropped = 0;
  if (input.text.length === 0) return { urls, dropped };

  const {
    refanged: { text: refanged, repairs },
    scan,
  } = options.prepared ?? prepareScan(input, source);
  const text = refanged.text;
  const linkify = getLinkifiers();

  for (let from = nextCandidate(scan, 0); from < scan.length; ) {
    const to = tokenEnd(scan, from);
    const token = scan.slice(from, to);
    let matches = options.linkifyMemo?.get(token);
    if (matches === undefined) {
      matches = (schemelessLinkMayStart(token) ? linkify.all : linkify.schemed).match(token) ?? schemeOnlyMatch(token);
      options.linkifyMemo?.set(token, matches);
    }
    for (const match of matches ?? []) {
      const start = from + match.index;
      const end = from + match.lastIndex;
      const schemeless = match.schema === '' || match.schema === '//';
      if (schemeless && text.charCodeAt(end) === 0x40) continue; // local part of an email
      if (urls.length >= limit) {
        dropped++;
        continue;
      }
      const found = toFoundUrl(text.slice(start, end), schemeless);
      if (found === null) continue;
      const sourceSpan = refanged.toSource(start, end);
      const raw = source.slice(sourceSpan[0], sourceSpan[1]);
      if (raw === '') continue;
      urls.push({
        raw,
        ...found,
        defanged: overlapsRepair(repairs, start, end),
        fullWidth: FULL_WIDTH.test(raw),
        sourceSpan,
      });
    }
    from = nextCandidate(scan, to);
  }
  return { urls, dropped };
}

// linkify-it gives up on some hosts a browser opens without complaint: more than ten
// labels ("www.paypal.com.login.webscr.….example.info", a phishing favourite) or a
// percent-encoded host ("http://%77%77%77%2E…"). A token that starts with http:// or
// https:// is taken as far as the characters a URL may hold, without the punctuation
// that closes a sentence, and left to the WHATWG parser to accept or reject.
const EXPLICIT_WEB_URL = /^https?:\/\/[^\s<>"'`]+/i;
const SENTENCE_END = new Set([...'.,;:!?)]}']);

function schemeOnlyMatch(token: string): ReturnType<LinkifyIt['match']> {
  const whole = EXPLICIT_WEB_URL.exec(token)?.[0];
  if (whole === undefined) return null;
  // Trimmed by a loop: a regex anchored at the end would retry from every position.
  let end = whole.length;
  while (end > 0 && SENTENCE_END.has(whole[end - 1]!)) end--;
  const candidate = whole.slice(0, end);
  if (toFoundUrl(candidate, false) === null) return null;
  const schema = candidate.slice(0, candidate.indexOf(':') + 1).toLowerCase();
  return [{ schema, index: 0, lastIndex: candidate.length, raw: candidate, text: candidate, url: candidate }] as ReturnType<LinkifyIt['match']>;
}

// linkify-it tries its schemeless-link pattern at every word start, which costs far
// more than the rest of extraction. A link never spans whitespace (the scan text has
// already turned every other separator into a space), and linkify-it treats the start
// of a string exactly like a preceding space, so only whitespace-delimited tokens that
// could hold a link are handed to it: tokens with "//" or with a "." followed by a
// host character. The results are the same as for the whole text.

function isSpaceLike(u: number): boolean {
  return u <= 0x20 || u === 0x7f;
}

function tokenEnd(scan: string, from: number): number {
  let i = from;
  while (i < scan.length && !isSpaceLike(scan.charCodeAt(i))) i++;
  return i;
}

// What makes a token a candidate: "//", or "." followed by a host character (an
// ASCII letter or digit, or any non-ASCII unit). Two fixed-length alternatives, no
// repetition: linear. Neither pair contains a space-like character, so a pair lies
// inside one token.
const CANDIDATE_PAIR = /\/\/|\.[0-9A-Za-z\u0080-\uffff]/g;

/** Start of the next token at or after `from` that could contain a link (or scan.length):
 * the token around the next candidate pair, found by a regex instead of a walk over
 * every character. Tokens are disjoint, so looking back to a token's start reads
 * each character at most once per text. */
function nextCandidate(scan: string, from: number): number {
  CANDIDATE_PAIR.lastIndex = from;
  if (!CANDIDATE_PAIR.test(scan)) return scan.length;
  let start = CANDIDATE_PAIR.lastIndex - 2;
  while (start > from && !isSpaceLike(scan.charCodeAt(start - 1))) start--;
  return start;
}

type ParsedUrl = Omit<FoundUrl, 'raw' | 'defanged' | 'fullWidth' | 'sourceSpan'>;

function toFoundUrl(matched: string, schemeless: boolean): ParsedUrl | null {
  const absolute = schemeless ? (matched.startsWith('//') ? `http:${matched}` : `http://${matched}`) : matched;
  let url: URL;
  try {
    url = new URL(absolute);
  } catch {
    return null;
  }
  const scheme = url.protocol.slice(0, -1);
  if (scheme !== 'http' && scheme !== 'https' && scheme !== 'ftp') return null;
  const host = stripTrailingDot(url.hostname);
  if (host === null) return null;
  if (host !== url.hostname) url.hostname = host;
  const info = describeHost(host);
  return {
    url: url.href,
    scheme,
    host: info.host,
    hostUnicode: info.hostUnicode,
    registrableDomain: info.registrableDomain,
    publicSuffix: info.publicSuffix,
    isIp: info.isIp,
    userinfo: userinfoOf(matched),
    port: url.port === '' ? null : Number(url.port),
    path: url.pathname + url.search + url.hash,
    schemeless,
  };
}

/** Everything before the last "@" of the authority, as written; null when absent or empty. */
function userinfoOf(matched: string): string | null {
  let from = 0;
  const scheme = SCHEME_PREFIX.exec(matched);
  if (scheme !== null) from = scheme[0].length;
  while (from < matched.length && (matched[from] === '/' || matched[from] === '\\')) from++;
  let to = from;
  while (to < matched.length && !'/?#\\'.includes(matched[to]!)) to++;
  const at = matched.lastIndexOf('@', to - 1);
  if (at < from) return null;
  return at > from ? matched.slice(from, at) : null;
}

/** What an anchor's visible text shows of an address. */
export interface VisibleAddress {
  /** Registrable domain of the first URL, domain or email address in the text. */
  domain: string;
  /** The text is that address and nothing else ("https://www.amazon.co.jp/",
   * "<support@amazon.co.jp>"), rather than a label that mentions one ("Amazon.co.jp ログイン",
   * "CNET News.com: Top stories"). */
  whole: boolean;
}

// Around an address written as a link's whole text: spaces, brackets, quotes and
// sentence punctuation, ASCII or Japanese. One character class each side: linear.
const ADDRESS_WRAPPING_START = /^[\s<(\[{「『【（＜"'“‘]+/u;
const ADDRESS_WRAPPING_END = /[\s>)\]}」』】）＞"'”’.,:;!?。、．，：；！？]+$/u;

/**
 * The address shown in an anchor's visible text, when the text contains something that
 * looks like a URL or a domain ("https://www.amazon.co.jp/", "Amazon.co.jp ログイン" →
 * amazon.co.jp); an email address counts too ("support@amazon.co.jp"). Null for
 * "こちら", "Click here", IP addresses.
 */
export function visibleAddress(text: string, linkifyMemo?: LinkifyMemo): VisibleAddress | null {
  const { mapped } = normalizeForMatching(text);
  const prepared = prepareScan(mapped, text);
  const trimmed = text.replace(ADDRESS_WRAPPING_START, '').replace(ADDRESS_WRAPPING_END, '');
  const whole = (raw: string): boolean => raw.replace(ADDRESS_WRAPPING_END, '') === trimmed;
  for (const url of extractUrls(mapped, text, { limit: 5, prepared, linkifyMemo }).urls) {
    if (url.registrableDomain !== null) return { domain: url.registrableDomain, whole: whole(url.raw) };
  }
  for (const email of extractEmails(mapped, text, { limit: 5, prepared }).emails) {
    if (email.registrableDomain !== null) return { domain: email.registrableDomain, whole: whole(email.raw) };
  }
  return null;
}
