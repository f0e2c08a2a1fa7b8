// Features for the statistical text model: what a message says, turned into 32-bit
// hashed feature ids. Training (scripts/train-model.ts) and scoring run exactly this
// code, so a model file and the scorer always agree on what a feature is.
//
// Design (see the header of scripts/train-model.ts for the measurements):
// - Character n-grams of NFKC-lower-cased text work for Japanese without a dictionary;
//   word unigrams and bigrams add context for space-separated scripts. Digits fold to 0
//   (a phone number or an amount is a shape, not a value), whitespace collapses,
//   zero-width characters are dropped (they split words to dodge filters).
// - Subject, sender display name and body each hash into their own space.
// - URLs and email addresses are cut out of the text before n-grams and replaced by a
//   placeholder: an address in a body is often the recipient's own ("this mail was sent
//   to ..."), which must never be evidence, and a URL's path is noise. What a URL looks
//   like (shortener, IP host, top-level domain, a link showing one domain and going to
//   another) becomes a structural token instead; host names themselves are not used.
// - Mailing-list furniture (a leading "[list]" subject tag, mailman / Yahoo! Groups
//   footers) is removed: in the training corpus it marks ham by where it was collected,
//   not by what it says, and a person checking a message never sees it as a signal.
// - Nothing from headers other than subject and From is read: no recipients, no
//   Message-ID, no dates, no Received, no List-* headers.
import tldList from 'tlds' with { type: 'json' };
import type { Channel } from '../message/types.js';

/** A link as the model sees it (a subset of MessageLink). */
export interface ModelLink {
  href: string;
  text: string | null;
}

/** What the model reads from a message. Build it with modelInputFromMessage for mail. */
export interface ModelInput {
  channel: Channel;
  subject?: string | null;
  /** Sender display name. */
  fromName?: string | null;
  /** Sender address domain (lower case), not the local part. */
  fromDomain?: string | null;
  /** Readable body text. */
  text: string;
  /** HTML body as text, when the mail has one; read only when it differs from text. */
  htmlText?: string | null;
  /** Links found in the HTML (href and visible text). */
  links?: readonly ModelLink[];
  /** Attachments: only their risk flags (executable, macro-office, ...) are read. */
  attachments?: readonly { flags: readonly string[] }[];
}

/** How text becomes features; stored in each model file and read back by the scorer. */
export interface FeatureConfig {
  /** Shortest and longest character n-gram (0 and 0: none). */
  charMin: number;
  charMax: number;
  /** 0: no word tokens, 1: word unigrams, 2: unigrams and bigrams. */
  words: 0 | 1 | 2;
  /** Structural tokens: URL shapes and counts, email-address count, attachments, length. */
  meta: boolean;
  /** Sender domain and its top-level domain as tokens. */
  fromDomain: boolean;
  /** Characters of each text field read (longer text is cut). */
  maxChars: number;
}

/** Feature ids (unsigned 32-bit integers), one per occurrence: ids[0 .. count). The
 * array is a shared buffer, overwritten by the next extraction. */
export interface FeatureIds {
  ids: Uint32Array;
  count: number;
}

// The id buffer, and while explaining, a readable name for each id (slow; off otherwise).
let ids = new Uint32Array(1 << 15);
let idCount = 0;
let names: string[] | null = null;

/** Room for `extra` more ids. */
function reserve(extra: number): void {
  if (idCount + extra <= ids.length) return;
  const grown = new Uint32Array(Math.max(ids.length * 2, idCount + extra));
  grown.set(ids.subarray(0, idCount));
  ids = grown;
}

function pushToken(token: string): void {
  reserve(1);
  ids[idCount++] = tokenId(token);
  if (names) names.push(token);
}

const SEED_BODY = 0x2545f491;
const SEED_SUBJECT = 0x6c8e9cf5;
const SEED_NAME = 0x1b873593;
const SEED_WORD_BODY = 0x3c6ef372;
const SEED_WORD_SUBJECT = 0xa54ff53a;
const SEED_WORD_NAME = 0x510e527f;
const SEED_META = 0x9b05688c;

/** Placeholders left where a URL or an email address was cut out of the text. */
const URL_MARK = 0xe000;
const EMAIL_MARK = 0xe001;

/** murmur3 finalizer: spreads the bits of an FNV-style running hash. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Feature id of a named token (structural features). */
export function tokenId(token: string): number {
  let h = SEED_META;
  for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), 0x01000193);
  return fmix(h ^ token.length);
}

// ---------------------------------------------------------------------------------
// Text preparation

// A URL with a scheme or www., or a bare host name with a known top-level domain
// (checked in the callback). The lookbehind keeps a bare host from starting mid-word,
// which also keeps the scan linear.
const URL_RE =
  /(?:\b(?:https?|hxxps?|ftp):\/\/|\bwww\.)[a-z0-9\-._~:/?#[\]@!$&()*+,;=%]+|(?<![a-z0-9@.\-_])(?:[a-z0-9-]{1,63}\.){1,8}[a-z]{2,24}(?::\d{2,5})?(?:\/[a-z0-9\-._~:/?#[\]@!$&()*+,;=%]*)?/g;
const TLDS: ReadonlySet<string> = new Set(tldList);

/** The characters a URL_RE match is made of (every class and literal in it is a subset). */
const URL_CHARACTERS = (() => {
  const table = new Uint8Array(128);
  for (const c of 'abcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&()*+,;=%') table[c.charCodeAt(0)] = 1;
  return table;
})();
/** Every URL_RE match holds one of these: "://" or "www." in the first alternative, the
 * dot before the top-level domain in the second. */
const URL_MARK_CHARACTER = /[.:]/g;

function isUrlCharacter(c: number): boolean {
  return c < 128 && URL_CHARACTERS[c] === 1;
}

/**
 * `text.replace(URL_RE, replace)`, with the regex run only where a match can be. A
 * match is a run of URL characters holding a "." or a ":", so for each such character
 * the regex reads only the run around it (and the character before, which its
 * look-behind and word boundary read). The regex alone tried its second alternative
 * at the start of every word, most of the cost of reading text for the model.
 */
export function replaceUrls(text: string, replace: (match: string) => string): string {
  let result = '';
  let copied = 0;
  let from = 0;
  // End of the run last read: after a match inside it, the next mark may be in it too.
  let end = 0;
  URL_MARK_CHARACTER.lastIndex = 0;
  while (URL_MARK_CHARACTER.test(text)) {
    const mark = URL_MARK_CHARACTER.lastIndex - 1;
    let start = mark;
    while (start > from && isUrlCharacter(text.charCodeAt(start - 1))) start--;
    if (mark >= end) {
      end = mark + 1;
      while (end < text.length && isUrlCharacter(text.charCodeAt(end))) end++;
    }
    const before = start > 0 ? 1 : 0;
    URL_RE.lastIndex = before;
    const match = URL_RE.exec(text.slice(start - before, end));
    if (match === null) {
      from = end;
    } else {
      const at = start - before + match.index;
      const replacement = replace(match[0]);
      if (replacement !== match[0]) {
        result += text.slice(copied, at) + replacement;
        copied = at + match[0].length;
      }
      from = at + match[0].length;
    }
    URL_MARK_CHARACTER.lastIndex = from;
  }
  return copied === 0 ? text : result + text.slice(copied);
}

const ASCII = /^[\0-\x7f]*$/;

/** Scratch buffer for prepared text (code units); grows as needed, reused. */
let scratch = new Uint16Array(4096);

/** Collects what was cut out of the text while preparing it. */
interface Found {
  urls: string[];
  emails: number;
}

/**
 * NFKC, lower case, URLs and addresses replaced by placeholders, digits folded to 0,
 * whitespace runs to one space, zero-width characters dropped, one space of padding at
 * each end. Leaves the result in `scratch` and returns its length.
 */
function prepare(raw: string, maxChars: number, found: Found | null): number {
  let text = raw.length > maxChars ? raw.slice(0, maxChars) : raw;
  // NFKC leaves ASCII as it is; most mail is ASCII, and testing is cheaper than normalizing.
  text = (ASCII.test(text) ? text : text.normalize('NFKC')).toLowerCase();
  if (text.includes('@')) text = replaceAddresses(text, found);
  if (text.includes('.')) {
    text = replaceUrls(text, (match) => {
      if (!/^(?:https?|hxxps?|ftp):\/\/|^www\./.test(match) && !TLDS.has(bareTld(match))) return match;
      if (found && found.urls.length < MAX_URLS) found.urls.push(match);
      return ' \ue000 ';
    });
  }
  if (scratch.length < text.length + 2) scratch = new Uint16Array(text.length * 2 + 2);
  const out = scratch;
  let n = 0;
  out[n++] = 32;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    // Printable ASCII, most characters, is neither space nor invisible.
    if (c > 32 && c < 0x7f) {
      out[n++] = c >= 48 && c <= 57 ? 48 : c;
      continue;
    }
    if (c <= 32 || c === 0x85 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029) {
      if (out[n - 1] !== 32) out[n++] = 32;
      continue;
    }
    if ((c >= 0x200b && c <= 0x200f) || c === 0x2060 || c === 0xfeff || c === 0xad || c === 0x7f) continue;
    if (c >= 48 && c <= 57) c = 48;
    out[n++] = c;
  }
  if (out[n - 1] !== 32) out[n++] = 32;
  return n;
}

function isLocalPartChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
}

function isHostChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 45;
}

/** Replaces every email address (ASCII local part @ dotted host) with a placeholder.
 * A scan outward from each "@": linear, where a regex would retry at every letter. */
function replaceAddresses(text: string, found: Found | null): string {
  let result = '';
  let copied = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > copied && at - start < 64 && isLocalPartChar(text.charCodeAt(start - 1))) start--;
    let end = at + 1;
    while (end < text.length && end - at < 255 && isHostChar(text.charCodeAt(end))) end++;
    while (end > at + 1 && (text.charCodeAt(end - 1) === 46 || text.charCodeAt(end - 1) === 45)) end--;
    const host = text.slice(at + 1, end);
    if (start === at || host.indexOf('.') <= 0 || host.includes('..')) continue;
    result += `${text.slice(copied, start)} \ue001 `;
    copied = end;
    at = end - 1;
    if (found) found.emails++;
  }
  return copied === 0 ? text : result + text.slice(copied);
}

/** Top-level domain of a bare host match ("example.com/path" → "com"). */
function bareTld(match: string): string {
  const host = match.split(/[/:]/, 1)[0] ?? '';
  return host.slice(host.lastIndexOf('.') + 1);
}

// ---------------------------------------------------------------------------------
// N-grams and words over the prepared text

function charNgrams(len: number, seed: number, min: number, max: number, field: string): void {
  if (min < 1 || max < min) return;
  reserve(len * (max - min + 1));
  const codes = scratch;
  const out = ids;
  let k = idCount;
  for (let i = 0; i < len; i++) {
    let h = seed;
    const end = Math.min(len, i + max);
    for (let j = i; j < end; j++) {
      h = Math.imul(h ^ codes[j]!, 0x01000193);
      const n = j - i + 1;
      if (n >= min) {
        let x = h ^ n;
        x ^= x >>> 16;
        x = Math.imul(x, 0x85ebca6b);
        x ^= x >>> 13;
        x = Math.imul(x, 0xc2b2ae35);
        x ^= x >>> 16;
        out[k++] = x;
        if (names) names.push(`${field}"${readable(i, j + 1)}"`);
      }
    }
  }
  idCount = k;
}

function readable(start: number, end: number): string {
  let text = '';
  for (let k = start; k < end; k++) {
    const c = scratch[k]!;
    text += c === URL_MARK ? '<url>' : c === EMAIL_MARK ? '<email>' : c === 48 ? '#' : String.fromCharCode(c);
  }
  return text;
}

/** Letters and digits of space-separated scripts (Latin, Greek, Cyrillic) and the
 * placeholders. CJK text has no spaces and is left to the character n-grams. */
function isWordChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    c === 48 ||
    (c >= 0xdf && c <= 0x24f && c !== 0xf7 && c !== 0xd7) ||
    (c >= 0x370 && c <= 0x52f) ||
    c === URL_MARK ||
    c === EMAIL_MARK
  );
}

function words(len: number, seed: number, bigrams: boolean, field: string): void {
  reserve(len + 2);
  const codes = scratch;
  const out = ids;
  let k = idCount;
  let h = 0;
  let size = 0;
  let prev = -1;
  let prevName = '';
  for (let i = 0; i <= len; i++) {
    const c = i < len ? codes[i]! : 32;
    if (isWordChar(c)) {
      if (size === 0) h = seed;
      h = Math.imul(h ^ c, 0x01000193);
      size++;
      continue;
    }
    if (size > 0) {
      const id = fmix(h ^ size);
      out[k++] = id;
      const name = names ? readable(i - size, i) : '';
      if (names) names.push(`${field}word:${name}`);
      if (bigrams && prev >= 0) {
        out[k++] = fmix(Math.imul(prev ^ 0x27d4eb2f, 0x165667b1) ^ id);
        if (names) names.push(`${field}words:${prevName} ${name}`);
      }
      prev = id;
      prevName = name;
      size = 0;
    }
    // A word pair spans spaces and light punctuation, not a change of script.
    if (c >= 0x2e80) prev = -1;
  }
  idCount = k;
}

function textFeatures(raw: string, config: FeatureConfig, seeds: readonly [number, number, string], found: Found | null): number {
  const len = prepare(raw, config.maxChars, found);
  charNgrams(len, seeds[0], config.charMin, config.charMax, seeds[2]);
  if (config.words > 0) words(len, seeds[1], config.words === 2, seeds[2]);
  return len;
}

// ---------------------------------------------------------------------------------
// Mailing-list furniture

// A leading list tag, after any reply/forward prefixes: "Re: [SAtalk] ..." → "Re: ...".
const SUBJECT_LIST_TAG = /^((?:\s*(?:re|fwd?|aw|sv)\s*(?:\[\d+\])?\s*:)*)\s*\[[^\]]{1,40}\]\s*/i;
// Text that only list software writes into a footer.
const LIST_FOOTER_MARK =
  /mailman\/listinfo|\/listinfo\/|yahoo! groups|yahoogroups\.com|egroups\.com|list maintainer|lists\.sourceforge\.net|sf\.net email is sponsored|\(un\)subscription information/i;
// A footer starts at a separator line: "-- ", "____", "----- Yahoo! Groups Sponsor ---".
const SEPARATOR_LINE = /^[ \t]*(?:--[ \t]*|[-_=~*]{3,}.*)$/gm;
const MAX_FOOTER_CHARS = 2000;

/** The subject without a leading mailing-list tag. */
export function stripListTag(subject: string): string {
  return subject.replace(SUBJECT_LIST_TAG, '$1 ').trim();
}

/** The text without a mailing-list footer: from the first separator line whose tail
 * (at most 2,000 characters) contains something only list software writes. */
export function stripListFooter(text: string): string {
  const tailStart = Math.max(0, text.length - MAX_FOOTER_CHARS);
  if (!LIST_FOOTER_MARK.test(text.slice(tailStart))) return text;
  SEPARATOR_LINE.lastIndex = tailStart > 0 ? text.lastIndexOf('\n', tailStart) + 1 : 0;
  for (let m = SEPARATOR_LINE.exec(text); m !== null; m = SEPARATOR_LINE.exec(text)) {
    if (LIST_FOOTER_MARK.test(text.slice(m.index))) return text.slice(0, m.index);
  }
  return text;
}

// ---------------------------------------------------------------------------------
// Structural tokens

const MAX_URLS = 50;
const SHORTENERS = new Set([
  'bit.ly', 'bit.do', 'tinyurl.com', 't.co', 'goo.gl', 'ow.ly', 'is.gd', 'buff.ly', 'cutt.ly', 'rb.gy', 'tiny.cc',
  'shorturl.at', 'x.gd', 't.ly', 'v.gd', 'rebrand.ly', 's.id', 'qr.net', 'lnkd.in', 'urlz.fr', 'bl.ink', 'short.io',
  'tinyurl.hu', 'u.to', 'clck.ru', 'bitly.com', 'amzn.to', 'x.co',
]);
const IPV4_HOST = /^\d{1,3}(?:\.\d{1,3}){3}$/;

function bucket(n: number): string {
  if (n <= 2) return String(n);
  if (n <= 4) return '3-4';
  if (n <= 8) return '5-8';
  if (n <= 16) return '9-16';
  return '17+';
}

/** Host of a URL as written: no scheme, userinfo, port or path; trailing dots trimmed. */
function urlHost(url: string): { host: string; scheme: string; userinfo: boolean; port: boolean } {
  const schemeMatch = /^([a-z]+):\/\//.exec(url);
  const scheme = schemeMatch ? schemeMatch[1]! : 'none';
  const rest = schemeMatch ? url.slice(schemeMatch[0].length) : url;
  let authority = rest.split(/[/?#\\]/, 1)[0] ?? '';
  const at = authority.lastIndexOf('@');
  const userinfo = at >= 0;
  if (userinfo) authority = authority.slice(at + 1);
  const colon = authority.lastIndexOf(':');
  const port = colon >= 0 && /^\d+$/.test(authority.slice(colon + 1));
  if (colon >= 0) authority = authority.slice(0, colon);
  return { host: authority.replace(/\.+$/, ''), scheme, userinfo, port };
}

/** Last two labels of a host ("mail.example.co.jp" → "co.jp": coarse, enough to tell
 * that a link's text and target differ). */
function hostTail(host: string): string {
  const labels = host.split('.');
  return labels.slice(-2).join('.');
}

function urlTokens(url: string, emitToken: (token: string) => void): void {
  const { host, scheme, userinfo, port } = urlHost(url.normalize('NFKC').toLowerCase());
  emitToken(`u:scheme:${scheme === 'hxxp' || scheme === 'hxxps' ? 'defanged' : scheme}`);
  if (host === '') return;
  if (IPV4_HOST.test(host) || host.startsWith('[')) {
    emitToken('u:ip');
    return;
  }
  const tld = host.slice(host.lastIndexOf('.') + 1);
  emitToken(`u:tld:${TLDS.has(tld) || tld.startsWith('xn--') ? tld : '?'}`);
  if (SHORTENERS.has(host.replace(/^www\./, ''))) emitToken('u:shortener');
  if (host.includes('xn--')) emitToken('u:punycode');
  if (userinfo) emitToken('u:userinfo');
  if (port) emitToken('u:port');
  if (/[0-9]/.test(host)) emitToken('u:host-digits');
  if ((host.match(/-/g)?.length ?? 0) >= 2) emitToken('u:host-hyphens');
  if (host.split('.').length >= 5) emitToken('u:host-deep');
}

const LINK_TEXT_HOST = /(?:https?:\/\/)?((?:[a-z0-9-]{1,63}\.){1,8}[a-z]{2,24})/;

/** A link whose visible text names one site while its target is another. */
function linkMismatch(link: ModelLink): boolean {
  if (link.text === null || !/^https?:/i.test(link.href)) return false;
  const shown = LINK_TEXT_HOST.exec(link.text.normalize('NFKC').toLowerCase());
  if (!shown || !TLDS.has(bareTld(shown[1]!))) return false;
  const target = urlHost(link.href.toLowerCase()).host;
  return target !== '' && hostTail(target) !== hostTail(shown[1]!);
}

// ---------------------------------------------------------------------------------
// Entry point

/** True when the input has parts only mail has: a subject or a sender. */
export function hasMailParts(input: ModelInput): boolean {
  return Boolean(input.subject?.trim() || input.fromName?.trim() || input.fromDomain?.trim());
}

/**
 * The feature ids of `input`, one per occurrence, in a shared buffer that the next call
 * overwrites. Deterministic; never reads recipients (ModelInput has none).
 */
export function extractFeatures(input: ModelInput, config: FeatureConfig): FeatureIds {
  idCount = 0;
  collect(input, config);
  return { ids, count: idCount };
}

/** Like extractFeatures, with a readable name for each id (for explanations; slow). */
export function describeFeatures(input: ModelInput, config: FeatureConfig): { ids: Uint32Array; names: string[] } {
  idCount = 0;
  names = [];
  try {
    collect(input, config);
    return { ids: ids.slice(0, idCount), names };
  } finally {
    names = null;
  }
}

function collect(input: ModelInput, config: FeatureConfig): void {
  const emitToken = pushToken;
  const found: Found | null = config.meta ? { urls: [], emails: 0 } : null;

  let bodyChars = textFeatures(stripListFooter(input.text), config, [SEED_BODY, SEED_WORD_BODY, ''], found);
  if (input.htmlText != null && input.htmlText !== input.text && input.htmlText.trim() !== '') {
    bodyChars = Math.max(bodyChars, textFeatures(stripListFooter(input.htmlText), config, [SEED_BODY, SEED_WORD_BODY, ''], found));
  }
  if (input.subject != null && input.subject.trim() !== '') {
    textFeatures(stripListTag(input.subject), config, [SEED_SUBJECT, SEED_WORD_SUBJECT, 'subject:'], found);
  }
  const fromName = input.fromName?.trim() ?? '';
  if (fromName !== '') textFeatures(fromName, config, [SEED_NAME, SEED_WORD_NAME, 'name:'], null);

  if (config.fromDomain && input.fromDomain) {
    const domain = input.fromDomain.toLowerCase().replace(/\.+$/, '');
    emitToken(`f:domain:${hostTail(domain)}`);
    const tld = domain.slice(domain.lastIndexOf('.') + 1);
    emitToken(`f:tld:${TLDS.has(tld) || tld.startsWith('xn--') ? tld : '?'}`);
  }

  if (!found) return;
  if (input.channel === 'email' || hasMailParts(input)) {
    if (fromName === '') emitToken('f:no-name');
    else if (fromName.includes('@')) emitToken('f:name-has-address');
    if (!input.subject?.trim()) emitToken('s:empty');
  }
  const urls = new Set(found.urls.map((u) => u.replace(/[.,;:!?)\]]+$/, '')));
  for (const link of input.links ?? []) {
    if (urls.size >= MAX_URLS) break;
    if (/^(?:https?|ftp):/i.test(link.href)) urls.add(link.href);
  }
  emitToken(`u:count:${bucket(urls.size)}`);
  const shapes = new Set<string>();
  for (const url of urls) urlTokens(url, (token) => shapes.add(token));
  for (const token of shapes) emitToken(token);
  if ((input.links ?? []).some(linkMismatch)) emitToken('u:text-mismatch');
  emitToken(`e:count:${bucket(found.emails)}`);
  const attachments = input.attachments ?? [];
  emitToken(`a:count:${bucket(attachments.length)}`);
  for (const flag of new Set(attachments.flatMap((a) => a.flags))) emitToken(`a:${flag}`);
  emitToken(`len:${Math.min(15, Math.floor(Math.log2(bodyChars + 1)))}`);
}
