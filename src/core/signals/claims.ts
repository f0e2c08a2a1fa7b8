// Which organizations a message claims to come from. Naming a company is not claiming
// to be it: a friend writes "アマゾンで買ったよ", a newsletter discusses Google. A claim
// is the sender's display name, a name that heads the message or its subject the way
// senders sign ("【佐川急便】", "[PayPal]", "Amazon.co.jp:", "ドコモからのお知らせ"), an SMS,
// letter or call that names the company in its first words, a letter signed with the
// company's name on its last lines, a link whose visible text shows an official domain
// but goes elsewhere, or a sender address at the company's own domain that speaks for
// a service ("service@", "security@", "no-reply@") rather than for a person.
import type { Extracted, OrganizationMention } from '../extract/types.js';
import { getOrganization, organizationForDomain, organizationsListing, type Organization } from '../knowledge/organizations.js';
import type { Message } from '../message/types.js';
import { domainLabel, registrable } from './domains.js';

/** Characters at the start of an SMS, letter or call note within which a company name
 * is how the message introduces its sender. */
const SHORT_MESSAGE_OPENING = 40;

/** Characters at the end of a letter where its signature stands. */
const SIGNATURE_TAIL = 60;

function isLineOfItsOwn(text: string, [start, end]: [number, number]): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  const line = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd).trim();
  return line.length <= end - start + 6;
}

// A name set off as a heading: after an opening bracket, or followed by a closing
// bracket, a colon, or "からの/より" (from). Literal alternatives only: linear.
const BEFORE_HEADING = /[【\[［「『]\s*$/;
/** A parenthesis sets a name off only when it opens its line ("（佐川急便）お荷物の…"):
 * in running text it opens an aside, "IIS (Microsoft's web server)", "(Google can't
 * find it)", which talks about the company. */
const BEFORE_PARENTHESIS = /[(（]\s*$/;
const AFTER_HEADING = /^\s*(?:[】\]］」』)）:：|｜\-–—]|からの|から|より|です|でございます)/;
/** A name followed by these particles is talked about, not speaking: "アマゾンで買った",
 * "楽天に注文した", "ドコモって高い". */
const TALKED_ABOUT = /^(?:で|に|へ|を|って|とか|も|が|と)/;

// Addressing the reader as the company's customer is speaking as the company: "Dear
// PayPal Member", "Valued eBay Member", "Amazonをご利用のお客様", "楽天会員様". A
// friend or a newsletter writing about a company does not greet its reader that way.
// Literal alternatives with single bounded gaps: linear.
const SALUTATION_BEFORE = /(?:\bdear[ \t]+(?:valued[ \t]+)?|(?:^|\n)[ \t]*valued[ \t]+)$/i;
const SALUTATION_AFTER_EN =
  /^[ \t]*(?:community[ \t]+|online[ \t]+)?(?:member|customer|user|client|account[ \t]?holder|card[ \t]?holder|subscriber|account[ \t]+owner)s?\b/i;
const SALUTATION_AFTER_JA =
  /^(?:(?:を|の)?(?:ご利用(?:いただいている|中の|の)|ご契約中の|ご契約の)(?:お客様|お客さま|皆様|皆さま)|(?:カード|プライム)?会員(?:様|さま|の皆様|の皆さま)|ユーザー様|の(?:お客様|お客さま)(?:へ|各位))/;

function isSalutation(text: string, [start, end]: [number, number]): boolean {
  const after = text.slice(end, end + 30);
  if (SALUTATION_AFTER_JA.test(after)) return true;
  return SALUTATION_BEFORE.test(text.slice(Math.max(0, start - 20), start)) && SALUTATION_AFTER_EN.test(after);
}

export interface Claims {
  /** Organizations the message claims to be from (not only names), strongest first. */
  organizations: Organization[];
  /** Organizations named in the sender's display name. */
  inSenderName: Organization[];
}

function fieldText(message: Message, mention: OrganizationMention): string {
  switch (mention.location.field) {
    case 'subject':
      return message.subject ?? '';
    case 'fromName':
      return message.from?.name ?? '';
    case 'htmlText':
      return message.htmlText ?? '';
    default:
      return message.text;
  }
}

function opensLine(text: string, index: number): boolean {
  return text.slice(text.lastIndexOf('\n', index - 1) + 1, index).trim() === '';
}

function isHeading(text: string, [start, end]: [number, number]): boolean {
  const before = text.slice(Math.max(0, start - 3), start);
  if (BEFORE_HEADING.test(before)) return true;
  const parenthesis = BEFORE_PARENTHESIS.exec(before);
  if (parenthesis !== null && opensLine(text, start - parenthesis[0].length)) return true;
  const atStart = text.slice(0, start).trim() === '';
  return atStart && AFTER_HEADING.test(text.slice(end, end + 8));
}

/** Shortest domain label that names a sender in its display name: shorter ones ("ms",
 * "ibm") occur inside other words by chance. */
const MIN_OWN_NAME = 4;

/**
 * Where the display name spells the sender's own domain (letters and digits of its
 * label, in order, whatever stands between them), when that domain is of no
 * organization on record: [start, end) in the name, or null.
 */
function ownNameSpan(message: Message): [number, number] | null {
  const from = message.from;
  const domain = message.channel === 'email' ? registrable(from?.domain ?? null) : null;
  if (from === null || domain === null || organizationForDomain(domain) !== undefined) return null;
  const label = domainLabel(domain).replace(/[^a-z0-9]/g, '');
  if (label.length < MIN_OWN_NAME) return null;
  const positions: number[] = [];
  let compact = '';
  const name = from.name.toLowerCase();
  for (let i = 0; i < name.length; i++) {
    if (/[a-z0-9]/.test(name[i]!)) {
      compact += name[i];
      positions.push(i);
    }
  }
  const at = compact.indexOf(label);
  return at === -1 ? null : [positions[at]!, positions[at + label.length - 1]! + 1];
}

/**
 * A company named in a display name that also signs with the sender's own domain is the
 * mail's topic, not its sender: "Gadgetgnome Apple Corner <letters@gadgetgnome.com>" is
 * Gadgetgnome's newsletter about Apple. When the company's name is part of what spells
 * the domain ("Apple Support Center <x@apple-support-center.com>"), the name still
 * claims to be the company.
 */
function topicOfOwnName(message: Message, [start, end]: [number, number]): boolean {
  const own = ownNameSpan(message);
  return own !== null && (end <= own[0] || start >= own[1]);
}

/** 0 strongest … 3 a strong claim; 10 and up only named. */
function claimRank(message: Message, mention: OrganizationMention): number {
  const { field, span } = mention.location;
  if (field === 'fromName') return topicOfOwnName(message, span) ? 11 : 0;
  const text = fieldText(message, mention);
  if (field === 'subject') return isHeading(text, span) ? 1 : 10;
  if (field === 'text' || field === 'htmlText') {
    if (isHeading(text, span)) return 2;
    if (isSalutation(text, span)) return 3;
    if (message.channel !== 'email' && span[0] < SHORT_MESSAGE_OPENING && !TALKED_ABOUT.test(text.slice(span[1], span[1] + 2))) {
      return 2 + span[0] / SHORT_MESSAGE_OPENING;
    }
    // A letter is signed at its end: the name alone on one of the last lines.
    if (message.channel !== 'email' && text.length - span[1] < SIGNATURE_TAIL && isLineOfItsOwn(text, span)) return 4;
  }
  return 11 + span[0] / 1e6;
}

/** Ranks below this are claims; above, the organization is only named. */
const CLAIMED = 10;

/** Words of a local part that speaks for a company's service rather than for one of its
 * people: an employee writing to a mailing list from jdoe@microsoft.com does not claim
 * to be Microsoft, "security@paypal.com" does. Literal alternatives: linear. */
const SERVICE_MAILBOX =
  /(?:^|[^a-z])(?:service|services|support|security|account|accounts|billing|confirm|update|verify|verification|alert|alerts|notice|notices|notification|notifications|info|information|admin|help|helpdesk|customer|customers|member|members|noreply|no-reply|donotreply|do-not-reply|auto-confirm|aw-confirm|online|onlineteam|team|department|dept|fraud|protection|safety|care|contact|news|newsletter|mail|mailer|system|official|office|center|centre)(?:$|[^a-z])/;

/** The organization a sender address at its official domain speaks for, if any. Of
 * the companies sharing a group's domain (japanpost.jp: 日本郵便, ゆうちょ銀行), the
 * one the message names. */
function serviceSender(message: Message, extracted: Extracted): Organization | undefined {
  const from = message.from;
  const domain = message.channel === 'email' ? registrable(from?.domain ?? null) : null;
  if (from === null || domain === null) return undefined;
  const owners = organizationsListing(domain);
  const org = owners.find((o) => extracted.organizations.some((m) => m.organizationId === o.id)) ?? owners[0];
  if (org === undefined || org.domains.some((d) => d.domain === domain && d.customerMailboxes === true)) return undefined;
  const local = from.address.slice(0, from.address.lastIndexOf('@')).toLowerCase();
  return SERVICE_MAILBOX.test(local) || local.includes(domainLabel(domain)) ? org : undefined;
}

/** Whether the message names the organization anywhere, as a claim or only in passing. */
export function namesOrganization(claims: Claims, extracted: Extracted, org: Organization): boolean {
  return claims.organizations.includes(org) || extracted.organizations.some((m) => m.organizationId === org.id);
}

export function findClaims(message: Message, extracted: Extracted): Claims {
  const ranked = new Map<string, number>();
  const rank = (id: string, value: number): void => {
    const previous = ranked.get(id);
    if (previous === undefined || value < previous) ranked.set(id, value);
  };
  for (const mention of extracted.organizations) rank(mention.organizationId, claimRank(message, mention));
  const sender = serviceSender(message, extracted);
  if (sender !== undefined) rank(sender.id, 1);
  // Showing an official address over a link that goes elsewhere is how phishing puts
  // on a company's face; a newsletter linking "support.microsoft.com" to that very site
  // only cites it.
  for (const url of extracted.urls) {
    if (url.visibleDomain === null) continue;
    const shown = organizationForDomain(url.visibleDomain);
    if (shown !== undefined && !shown.domains.some((d) => d.domain === url.registrableDomain)) rank(shown.id, 3);
  }
  const byRank = (ids: string[]): Organization[] =>
    ids.map((id) => getOrganization(id)).filter((o): o is Organization => o !== undefined);
  const ordered = [...ranked].filter(([, value]) => value < CLAIMED).sort((a, b) => a[1] - b[1]);
  return {
    organizations: byRank(ordered.map(([id]) => id)),
    inSenderName: byRank(ordered.filter(([, value]) => value === 0).map(([id]) => id)),
  };
}
