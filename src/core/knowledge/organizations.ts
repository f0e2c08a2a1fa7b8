// Organizations that messages claim to come from (and that phishing imitates), with
// their official channels. The knowledge is data (data/organizations.json), validated
// when the product is built (organizations-schema.ts, src/core/bundled-knowledge.ts);
// this module offers lookups. Every domain, SMS sender and phone number carries the URL
// it was sourced from and the date it was checked: an official channel the product
// shows must never be invented.
import { getDomain } from 'tldts';
import data from '../../../data/organizations.json' with { type: 'json' };
import { foldForSearch } from '../normalize/index.js';
import type { Organization } from './organizations-schema.js';

export const ORGANIZATION_CATEGORIES = [
  'carrier', // mobile carriers
  'telecom', // fixed-line and other telecoms
  'parcel',
  'card',
  'bank',
  'payment',
  'ecommerce',
  'government',
  'utility',
  'tech',
  'other',
] as const;

export type { Organization } from './organizations-schema.js';
export type OrganizationCategory = (typeof ORGANIZATION_CATEGORIES)[number];

export const ORGANIZATIONS: readonly Organization[] = Object.freeze(data.organizations as Organization[]);

const byId = new Map<string, Organization>(ORGANIZATIONS.map((o) => [o.id, o]));
/** A domain shared within a group (sharedWithinGroup) belongs here to the first
 * organization that lists it: japanpost.jp to japan-post, not japan-post-bank. */
const byDomain = new Map<string, Organization>();
/** Every organization listing a domain, in the order of the data. */
const allByDomain = new Map<string, Organization[]>();
for (const org of ORGANIZATIONS) {
  for (const d of org.domains) {
    if (!byDomain.has(d.domain)) byDomain.set(d.domain, org);
    const listing = allByDomain.get(d.domain);
    if (listing === undefined) allByDomain.set(d.domain, [org]);
    else if (!listing.includes(org)) listing.push(org);
  }
}

export function getOrganization(id: string): Organization | undefined {
  return byId.get(id);
}

/**
 * The organization that owns a domain, given a registrable domain or any host name
 * under it ("www.ntt-west.co.jp", "E-TAX.NTA.GO.JP."). ASCII (punycode) input only:
 * callers normalize hosts with url.domainToASCII first. One owner only: for a domain
 * shared within a group (sharedWithinGroup) it is the first organization in the data
 * that lists it (japanpost.jp → japan-post, not japan-post-bank); whether a domain is
 * official for a given organization is a question for that organization's own list
 * (officialDomain here, isOfficialFor in signals/domains.ts).
 */
export function organizationForDomain(domainOrHost: string): Organization | undefined {
  const host = domainOrHost.trim().toLowerCase().replace(/\.$/, '');
  if (PLAIN_HOST.test(host) && !endsWithAnOfficialDomain(host)) return undefined;
  const registrable = getDomain(host);
  return registrable === null ? undefined : byDomain.get(registrable);
}

/** A host name as tldts reads it unchanged: labels of ASCII letters, digits and "-". */
const PLAIN_HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*$/;

/**
 * Whether the host, or one of its endings at a label boundary ("ntt-west.co.jp", "co.jp",
 * "jp" of "www.ntt-west.co.jp"), is an official domain on record. The registrable domain
 * of a host is one of them: when none is, the host is under no official domain, and the
 * public suffix list need not be asked (most links in a scam are nobody's). For a
 * PLAIN_HOST only: tldts takes the host name out of anything else first.
 */
function endsWithAnOfficialDomain(host: string): boolean {
  for (let from = 0; from !== -1 && from < host.length; ) {
    if (byDomain.has(from === 0 ? host : host.slice(from))) return true;
    const dot = host.indexOf('.', from);
    from = dot === -1 ? -1 : dot + 1;
  }
  return false;
}

/** Every organization that lists a registrable domain: one, or the companies of a
 * group that share it (sharedWithinGroup), in the order of the data. */
export function organizationsListing(registrableDomain: string): Organization[] {
  return [...(allByDomain.get(registrableDomain) ?? [])];
}

/** The domain entry (with its source) when `domainOrHost` is under an official
 * domain of `organizationId`, looked up in that organization's own list, so a domain
 * shared within a group is found for each organization that lists it. */
export function officialDomain(
  organizationId: string,
  domainOrHost: string,
): Organization['domains'][number] | undefined {
  const org = byId.get(organizationId);
  if (org === undefined) return undefined;
  const host = domainOrHost.trim().toLowerCase().replace(/\.$/, '');
  if (PLAIN_HOST.test(host) && !org.domains.some((d) => host === d.domain || host.endsWith(`.${d.domain}`))) return undefined;
  const registrable = getDomain(host);
  if (registrable === null) return undefined;
  return org.domains.find((d) => d.domain === registrable);
}

/** Whether a number (national format, hyphens optional) is one of the organization's
 * official numbers on record. */
export function isOfficialPhone(org: Organization, national: string): boolean {
  const digits = national.replaceAll('-', '');
  return org.phones.some((p) => p.number.replaceAll('-', '') === digits);
}

/** Display name for an id in the given language; the id itself when unknown. */
export function organizationName(id: string, lang: 'ja' | 'en'): string {
  return byId.get(id)?.display[lang] ?? id;
}

/** Queries shorter than this match too much to be useful ("N", "日"). */
const MIN_ORGANIZATION_QUERY_CHARS = 2;
/** At most this many organizations answer one search. */
const MAX_ORGANIZATION_RESULTS = 10;

/** Spaces, middle dots, hyphens and full stops: written or left out freely in names. */
const NAME_PUNCTUATION = /[\s・･.\-‐‑–—－]+/g;

/** A name as typed into a search box (foldForSearch), without the punctuation written or
 * left out freely in names (エヌ・ティ・ティ, NTT-West, NTT West). */
export function compactName(text: string): string {
  return foldForSearch(text).replace(NAME_PUNCTUATION, '');
}

/** Every name an organization goes by, and its official domains: what a search matches. */
export function organizationNames(org: Organization): string[] {
  return [
    org.display.ja,
    org.display.en,
    ...org.names.ja,
    ...org.names.kana,
    ...org.names.en,
    ...org.aliases,
    ...(org.matchCase ?? []),
    ...org.domains.map((d) => d.domain),
  ];
}

/** Made at the first search: a check never searches, and folding every name took a
 * few milliseconds of each start. */
let searchKeys: { org: Organization; keys: string[] }[] | undefined;

/** Organizations whose name, kana reading, alias or official domain contains the query,
 * those whose name starts with it first. */
export function searchOrganizations(query: string): Organization[] {
  const key = compactName(query);
  if (key.length < MIN_ORGANIZATION_QUERY_CHARS) return [];
  searchKeys ??= ORGANIZATIONS.map((org) => ({ org, keys: organizationNames(org).map(compactName) }));
  return searchKeys
    .filter((entry) => entry.keys.some((k) => k.includes(key)))
    .sort((a, b) => Number(b.keys.some((k) => k.startsWith(key))) - Number(a.keys.some((k) => k.startsWith(key))))
    .slice(0, MAX_ORGANIZATION_RESULTS)
    .map((entry) => entry.org);
}
