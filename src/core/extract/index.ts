// Extraction over a whole Message: every readable field (subject, text, HTML text,
// the sender's display name) and every link target is normalized once and handed to
// each extractor; what they find is mapped back to the original characters and
// de-duplicated, first occurrence first.
import { MAX_ITEMS_PER_KIND, MAX_LINE_CHARS, MAX_SCAN_CHARS, MAX_URLS_PER_MESSAGE } from '../limits.js';
import type { Message, Skipped } from '../message/types.js';
import { MappedText, MappedTextBuilder, joinSpacedLetters, normalizeForMatching } from '../normalize/index.js';
import { extractDeadlines, type FoundDeadline } from './deadlines.js';
import { extractEmails, type FoundEmail } from './emails.js';
import { extractMoney, type FoundMoney } from './money.js';
import { extractOrganizations, type FoundMention } from './organizations.js';
import { extractPhones, type FoundPhone } from './phones.js';
import { prepareScan } from './scan.js';
import type { Extracted, ExtractedDeadline, ExtractedEmail, ExtractedMoney, ExtractedPhone, ExtractedUrl, Field, Location, OrganizationMention } from './types.js';
import { extractUrls, visibleAddress, type FoundUrl, type LinkifyMemo, type VisibleAddress } from './urls.js';

export interface Extraction {
  extracted: Extracted;
  skipped: Skipped[];
}

/** Items of one kind, distinct by a key, at most `limit`; counts what did not fit. */
class Collection<T> {
  readonly items: T[] = [];
  /** Made with the first item: most kinds stay empty in a short message. */
  private keys: Set<string> | null = null;
  dropped = 0;

  constructor(private readonly limit: number) {}

  get remaining(): number {
    return Math.max(0, this.limit - this.items.length);
  }

  /** Whether `key` is already in (add would ignore it): lets callers skip building an item. */
  has(key: string): boolean {
    return this.keys !== null && this.keys.has(key);
  }

  add(key: string, item: T): void {
    if (this.has(key)) return;
    if (this.items.length >= this.limit) {
      this.dropped++;
      return;
    }
    (this.keys ??= new Set()).add(key);
    this.items.push(item);
  }
}

/** Whether some line of `text` is longer than MAX_LINE_CHARS. */
function hasLongLine(text: string): boolean {
  let lineStart = 0;
  for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', lineStart)) {
    if (newline - lineStart > MAX_LINE_CHARS) return true;
    lineStart = newline + 1;
  }
  return text.length - lineStart > MAX_LINE_CHARS;
}

/** Cuts every line longer than MAX_LINE_CHARS at the limit; reports how many were cut. */
function cutLongLines(input: MappedText): { mapped: MappedText; cut: number } {
  const text = input.text;
  if (text.length <= MAX_LINE_CHARS) return { mapped: input, cut: 0 };
  if (!hasLongLine(text)) return { mapped: input, cut: 0 };
  const builder = new MappedTextBuilder(input);
  let cut = 0;
  let lineStart = 0;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const keepEnd = Math.min(lineEnd, lineStart + MAX_LINE_CHARS);
    builder.copy(lineStart, keepEnd);
    if (keepEnd < lineEnd) {
      builder.drop(keepEnd, lineEnd);
      cut++;
    }
    if (newline === -1) break;
    builder.copy(newline, newline + 1);
    lineStart = newline + 1;
  }
  return { mapped: builder.build(), cut };
}

// A found URL or address without its sourceSpan, with what the message-level item
// adds: the object `{ ...rest, …added }` would be, in the same key order, built in
// one step (object rest and spread copy property by property on a slow path).
function urlItem(found: FoundUrl, visibleText: string | null, shown: VisibleAddress | null, location: Location): ExtractedUrl {
  return {
    raw: found.raw,
    url: found.url,
    scheme: found.scheme,
    host: found.host,
    hostUnicode: found.hostUnicode,
    registrableDomain: found.registrableDomain,
    publicSuffix: found.publicSuffix,
    isIp: found.isIp,
    userinfo: found.userinfo,
    port: found.port,
    path: found.path,
    schemeless: found.schemeless,
    defanged: found.defanged,
    fullWidth: found.fullWidth,
    visibleText,
    visibleDomain: shown?.domain ?? null,
    visibleIsAddress: shown?.whole ?? false,
    location,
  };
}

function emailItem(found: FoundEmail, location: Location): ExtractedEmail {
  return { raw: found.raw, address: found.address, domain: found.domain, registrableDomain: found.registrableDomain, location };
}

// What the normalized-text extractors found, with `raw` as the reader saw it and a
// location for the span: `{ ...rest, raw, location }` of the found item without its
// span, in the same key order, built in one step like urlItem.
function phoneItem(found: FoundPhone, raw: string, location: Location): ExtractedPhone {
  return {
    raw,
    e164: found.e164,
    national: found.national,
    country: found.country,
    international: found.international,
    type: found.type,
    location,
  };
}

function moneyItem(found: FoundMoney, raw: string, location: Location): ExtractedMoney {
  return { raw, amount: found.amount, currency: found.currency, location };
}

function deadlineItem(found: FoundDeadline, raw: string, location: Location): ExtractedDeadline {
  // A deadline carries hours, a date or neither (deadlines.ts, item()).
  if (found.hours !== undefined) return { raw, kind: found.kind, hours: found.hours, location };
  if (found.date !== undefined) return { raw, kind: found.kind, date: found.date, location };
  return { raw, kind: found.kind, location };
}

function mentionItem(found: FoundMention, raw: string, location: Location): OrganizationMention {
  return { organizationId: found.organizationId, raw, via: found.via, disguise: found.disguise, location };
}

export function extract(message: Message): Extraction {
  const skipped: Skipped[] = [];
  const urls = new Collection<Extracted['urls'][number]>(MAX_URLS_PER_MESSAGE);
  const emails = new Collection<Extracted['emails'][number]>(MAX_ITEMS_PER_KIND);
  const phones = new Collection<Extracted['phones'][number]>(MAX_ITEMS_PER_KIND);
  const money = new Collection<Extracted['money'][number]>(MAX_ITEMS_PER_KIND);
  const deadlines = new Collection<Extracted['deadlines'][number]>(MAX_ITEMS_PER_KIND);
  const organizations = new Collection<Extracted['organizations'][number]>(MAX_ITEMS_PER_KIND);
  const spacedWords = new Collection<Extracted['spacedWords'][number]>(MAX_ITEMS_PER_KIND);
  const invisible = new Map<string, number>();
  // For this message only: its fields and links repeat the same URLs.
  const linkifyMemo: LinkifyMemo = new Map();

  const scanField = (field: Field, original: string): void => {
    if (original === '') return;
    const source = original.length > MAX_SCAN_CHARS ? original.slice(0, MAX_SCAN_CHARS) : original;
    if (source !== original) {
      skipped.push({
        limit: 'MAX_SCAN_CHARS',
        detail: `${field}: only the first ${MAX_SCAN_CHARS} of ${original.length} characters were scanned`,
      });
    }
    const normalized = normalizeForMatching(source);
    for (const finding of normalized.invisible) invisible.set(finding.codePoint, (invisible.get(finding.codePoint) ?? 0) + 1);
    const { mapped, cut } = cutLongLines(normalized.mapped);
    if (cut > 0) {
      skipped.push({ limit: 'MAX_LINE_CHARS', detail: `${field}: ${cut} lines were cut at ${MAX_LINE_CHARS} characters` });
    }
    const at = (span: [number, number]): Location => ({ field, span });
    // Extractors other than URLs and emails see only the normalized text; `raw` is
    // replaced by the characters the reader saw (full-width digits, spaced letters).
    const seen = <T extends { span: [number, number] }, Item>(found: T, item: (found: T, raw: string, location: Location) => Item): Item => {
      const location = at(mapped.toSource(found.span[0], found.span[1]));
      return item(found, original.slice(location.span[0], location.span[1]), location);
    };

    const prepared = prepareScan(mapped, source);
    const foundUrls = extractUrls(mapped, source, { limit: urls.remaining, prepared, linkifyMemo });
    urls.dropped += foundUrls.dropped;
    const addressSpans: [number, number][] = [];
    for (const found of foundUrls.urls) {
      addressSpans.push(found.sourceSpan);
      // The same URL is often in both the text and the HTML part: build the item only once.
      if (urls.has(found.url)) continue;
      urls.add(found.url, urlItem(found, null, null, at(found.sourceSpan)));
    }
    const foundEmails = extractEmails(mapped, source, { limit: emails.remaining, prepared });
    emails.dropped += foundEmails.dropped;
    for (const found of foundEmails.emails) {
      addressSpans.push(found.sourceSpan);
      if (emails.has(found.address)) continue;
      emails.add(found.address, emailItem(found, at(found.sourceSpan)));
    }
    for (const found of extractPhones(mapped.text)) {
      const phone = seen(found, phoneItem);
      phones.add(phone.e164, phone);
    }
    for (const found of extractMoney(mapped.text)) {
      const amount = seen(found, moneyItem);
      money.add(`${amount.currency}${amount.amount}`, amount);
    }
    for (const found of extractDeadlines(mapped.text)) {
      const deadline = seen(found, deadlineItem);
      deadlines.add(`${deadline.kind}${deadline.raw}`, deadline);
    }
    const spaced = joinSpacedLetters(MappedText.identity(mapped.text));
    for (const run of spaced.runs) {
      spacedWords.add(run.joined, { joined: run.joined, location: at(mapped.toSource(...run.sourceSpan)) });
    }
    for (const found of extractOrganizations(mapped.text, spaced)) {
      const mention = seen(found, mentionItem);
      // A brand inside a link or address ("sagawa-rxa.top") is not the message naming
      // the organization; the link checks judge such domains on their own.
      // A name that is the whole "address" is the name itself ("Amazon.co.jp" in
      // "Amazon.co.jp をご利用いただき…" or in a display name) and stays a mention.
      const [start, end] = mention.location.span;
      if (addressSpans.some(([s, e]) => start < e && s < end && !(s === start && e === end))) continue;
      // Kept once per field: a name in the display name claims more than the same name in the text.
      organizations.add(`${field}:${mention.organizationId}${mention.disguise}${mention.raw}`, mention);
    }
  };

  scanField('subject', message.subject ?? '');
  scanField('text', message.text);
  if (message.htmlText !== null && message.htmlText !== message.text) scanField('htmlText', message.htmlText);
  scanField('fromName', message.from?.name ?? '');

  message.links.forEach((link, linkIndex) => {
    const { mapped } = normalizeForMatching(link.href);
    const location = (span: [number, number]): Location => ({ field: 'link', span, linkIndex });
    const [found] = extractUrls(mapped, link.href, { limit: 1, linkifyMemo }).urls;
    if (found !== undefined) {
      const key = `${found.url}\u0000${link.text ?? ''}`;
      if (urls.has(key)) return; // the same link again (add would ignore it)
      const shown = link.text === null ? null : visibleAddress(link.text, linkifyMemo);
      urls.add(key, urlItem(found, link.text, shown, location(found.sourceSpan)));
    } else if (/^mailto:/i.test(link.href)) {
      for (const found of extractEmails(mapped, link.href).emails) {
        emails.add(found.address, emailItem(found, location(found.sourceSpan)));
      }
    }
  });

  const kinds = [['urls', urls], ['emails', emails], ['phones', phones], ['money', money], ['deadlines', deadlines], ['organizations', organizations]] as const;
  for (const [name, collection] of kinds) {
    if (collection.dropped > 0) {
      skipped.push({ limit: name === 'urls' ? 'MAX_URLS_PER_MESSAGE' : 'MAX_ITEMS_PER_KIND', detail: `${name}: ${collection.dropped} more not listed` });
    }
  }

  const domains = new Collection<string>(Number.POSITIVE_INFINITY);
  for (const url of urls.items) if (url.registrableDomain !== null) domains.add(url.registrableDomain, url.registrableDomain);
  for (const email of emails.items) if (email.registrableDomain !== null) domains.add(email.registrableDomain, email.registrableDomain);

  const codePoints = [...invisible].map(([codePoint, count]) => ({ codePoint, count }));
  return {
    extracted: {
      urls: urls.items,
      domains: domains.items,
      phones: phones.items,
      emails: emails.items,
      money: money.items,
      deadlines: deadlines.items,
      organizations: organizations.items,
      invisible: { codePoints, total: codePoints.reduce((sum, c) => sum + c.count, 0) },
      spacedWords: spacedWords.items,
    },
    skipped,
  };
}
