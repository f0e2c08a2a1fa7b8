// What extraction pulls out of a Message. Every item keeps the text it was found
// in (`raw`, as the reader saw it) and where (`field` + `span` in that field's
// original string), so later checks can cite it and the web app can highlight it.

/** Which string of the Message an item was found in. */
export type Field = 'subject' | 'text' | 'htmlText' | 'fromName' | 'link';

export interface Location {
  field: Field;
  /** [start, end) UTF-16 offsets into the original string of `field`. For field
   * 'link', offsets are into `Message.links[linkIndex].href`. */
  span: [number, number];
  linkIndex?: number;
}

export interface ExtractedUrl {
  /** Text as found (original characters, possibly full-width or defanged). */
  raw: string;
  /** Normalized absolute URL (scheme added when missing, host in ASCII). */
  url: string;
  scheme: string;
  /** Host in ASCII (punycode for IDN), lower case, no trailing dot. */
  host: string;
  /** Host in Unicode for display (same as `host` when not IDN). */
  hostUnicode: string;
  /** Registrable domain (eTLD+1) in ASCII, or null (IP literal, bare suffix). */
  registrableDomain: string | null;
  publicSuffix: string | null;
  isIp: boolean;
  /** Anything before '@' in the authority: https://amazon.co.jp@evil.example → 'amazon.co.jp'. */
  userinfo: string | null;
  port: number | null;
  /** Path + query + fragment, as normalized. */
  path: string;
  /** The raw form used hxxp, [.], (.) or similar. */
  defanged: boolean;
  /** The raw form contained full-width characters. */
  fullWidth: boolean;
  /** Written without a scheme (example.com/path). */
  schemeless: boolean;
  /** For links from HTML: the visible text of the anchor; else null. */
  visibleText: string | null;
  /** Registrable domain shown in `visibleText` when it looks like a URL or domain. */
  visibleDomain: string | null;
  /** `visibleText` is an address and nothing else ("https://example.com/login"), not a
   * label that mentions one ("Example.com: today's news"). */
  visibleIsAddress: boolean;
  location: Location;
}

export type PhoneType =
  | 'toll-free' // 0120, 0800
  | 'navi-dial' // 0570 (caller pays; often premium-like)
  | 'ip-phone' // 050
  | 'mobile' // 070, 080, 090
  | 'fixed-line'
  | 'premium' // 0990 and foreign premium ranges
  | 'shared-cost'
  | 'pager'
  | 'emergency-or-short' // 110, 118, 119, 188, #9110
  | 'unknown';

export interface ExtractedPhone {
  raw: string;
  /** E.164 (+81…), or the short code itself for short numbers. */
  e164: string;
  /** National format for display (03-1234-5678). */
  national: string;
  /** ISO 3166 country of the number, or null. */
  country: string | null;
  /** Not a Japanese number (written with another country code). */
  international: boolean;
  type: PhoneType;
  location: Location;
}

export interface ExtractedEmail {
  raw: string;
  address: string;
  domain: string;
  registrableDomain: string | null;
  location: Location;
}

export interface ExtractedMoney {
  raw: string;
  amount: number;
  currency: 'JPY' | 'USD' | 'EUR' | 'GBP';
  location: Location;
}

export type DeadlineKind =
  | 'today' // 本日中, today, by end of day
  | 'within' // 24時間以内, within 48 hours, 3日以内
  | 'tomorrow' // 明日まで
  | 'date' // 10月31日まで, 2024/1/5, by March 3
  | 'immediately'; // 至急, 直ちに, immediately

export interface ExtractedDeadline {
  raw: string;
  kind: DeadlineKind;
  /** For 'within': the span in hours. */
  hours?: number;
  /** For 'date': YYYY-MM-DD when the year is written, else --MM-DD. */
  date?: string;
  location: Location;
}

export type MentionVia = 'name' | 'kana' | 'english' | 'alias' | 'domain';

export interface OrganizationMention {
  organizationId: string;
  /** The original text that matched. */
  raw: string;
  via: MentionVia;
  /** How the name was disguised, if it was. */
  disguise: 'spaced' | 'confusable' | null;
  location: Location;
}

/** Characters removed during normalization because they hide text from filters. */
export interface InvisibleCharacters {
  /** Code point as U+XXXX, with how many times it occurred. */
  codePoints: { codePoint: string; count: number }[];
  total: number;
}

export interface Extracted {
  urls: ExtractedUrl[];
  /** Distinct registrable domains of all URLs and email addresses, in first-seen order. */
  domains: string[];
  phones: ExtractedPhone[];
  emails: ExtractedEmail[];
  money: ExtractedMoney[];
  deadlines: ExtractedDeadline[];
  organizations: OrganizationMention[];
  invisible: InvisibleCharacters;
  /** Words written with spaces between letters (A m a z o n), joined. */
  spacedWords: { joined: string; location: Location }[];
}
