// Domain lists the link and sender checks use: URL shorteners, top-level domains most
// abused for phishing, and free webmail / mobile-carrier mail domains. Each is data
// (data/shorteners.json, data/abused-tlds.json, data/freemail.json), validated when the
// product is built (lists-schema.ts, src/core/bundled-knowledge.ts); every entry carries the URL it was sourced from and the date it was checked.
//
// Lookups are EXACT: pass the registrable domain (tldts getDomain of an ASCII host:
// "bit.ly", not "www.bit.ly") or, for TLDs, the public suffix (tldts getPublicSuffix).
// Reducing a host once, in the caller, keeps these lookups to a single Map/Set probe and
// keeps tldts out of the hot path twice. Input is only lower-cased and stripped of a
// trailing dot; it is not converted from Unicode (callers use url.domainToASCII first).
import abusedTldData from '../../../data/abused-tlds.json' with { type: 'json' };
import freemailData from '../../../data/freemail.json' with { type: 'json' };
import shortenerData from '../../../data/shorteners.json' with { type: 'json' };
import type { AbusedTld, Freemail, Shortener } from './lists-schema.js';

export type { AbusedTld, Freemail, Shortener } from './lists-schema.js';

export const SHORTENERS: readonly Shortener[] = Object.freeze(shortenerData.domains as Shortener[]);
export const ABUSED_TLD_CRITERIA: string = abusedTldData.criteria;
export const ABUSED_TLDS: readonly AbusedTld[] = Object.freeze(abusedTldData.tlds as AbusedTld[]);
export const FREEMAIL: readonly Freemail[] = Object.freeze(freemailData.domains as Freemail[]);

const shortenerByDomain = new Map<string, Shortener>(SHORTENERS.map((s) => [s.domain, s]));
const abusedByTld = new Map<string, AbusedTld>(ABUSED_TLDS.map((t) => [t.tld, t]));
const freemailByDomain = new Map<string, Freemail>(FREEMAIL.map((f) => [f.domain, f]));

function key(domain: string): string {
  const lower = domain.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

// --- Lookups -------------------------------------------------------------------------

/** The shortener entry for a registrable domain ("bit.ly"); exact match only. */
export function shortenerEntry(registrableDomain: string): Shortener | undefined {
  return shortenerByDomain.get(key(registrableDomain));
}

/** True when the registrable domain is a URL shortener. Exact: "www.bit.ly" is false;
 * pass getDomain(host). */
export function isShortener(registrableDomain: string): boolean {
  return shortenerByDomain.has(key(registrableDomain));
}

/** The organization id that runs a brand shortener (amzn.to → "amazon-jp", lin.ee →
 * "line"); undefined for general shorteners and for non-shorteners. */
export function shortenerOperator(registrableDomain: string): string | undefined {
  return shortenerByDomain.get(key(registrableDomain))?.operator;
}

/** The entry for the top-level label of a public suffix: "top", and also "com.cn" → the
 * "cn" entry, since abuse statistics count every name under a TLD's registry. */
export function abusedTldEntry(publicSuffix: string): AbusedTld | undefined {
  const suffix = key(publicSuffix);
  const tld = suffix.slice(suffix.lastIndexOf('.') + 1);
  return abusedByTld.get(tld);
}

/** True when the public suffix's top-level label is among the most abused for phishing
 * (see ABUSED_TLD_CRITERIA). Weak evidence on its own. */
export function isAbusedTld(publicSuffix: string): boolean {
  return abusedTldEntry(publicSuffix) !== undefined;
}

/** The free-mail entry for a registrable domain ("gmail.com", "docomo.ne.jp"); exact. */
export function freemailEntry(registrableDomain: string): Freemail | undefined {
  return freemailByDomain.get(key(registrableDomain));
}

/** True when addresses on this registrable domain are personal mailboxes anyone can
 * have (free webmail or mobile-carrier mail). Exact: pass getDomain(mail domain). */
export function isFreemail(registrableDomain: string): boolean {
  return freemailByDomain.has(key(registrableDomain));
}
