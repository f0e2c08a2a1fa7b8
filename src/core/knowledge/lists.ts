// Domain lists the link and sender checks use: URL shorteners, top-level domains most
// abused for phishing, and free webmail / mobile-carrier mail domains. Each is data
// (data/shorteners.json, data/abused-tlds.json, data/freemail.json), validated when the
// product is built (src/core/bundled-knowledge.ts); every entry carries the URL it was sourced from and the date it was checked.
//
// Lookups are EXACT: pass the registrable domain (tldts getDomain of an ASCII host:
// "bit.ly", not "www.bit.ly") or, for TLDs, the public suffix (tldts getPublicSuffix).
// Reducing a host once, in the caller, keeps these lookups to a single Map/Set probe and
// keeps tldts out of the hot path twice. Input is only lower-cased and stripped of a
// trailing dot; it is not converted from Unicode (callers use url.domainToASCII first).
import { getDomain } from 'tldts';
import { z } from 'zod';
import abusedTldData from '../../../data/abused-tlds.json' with { type: 'json' };
import freemailData from '../../../data/freemail.json' with { type: 'json' };
import shortenerData from '../../../data/shorteners.json' with { type: 'json' };

const nonEmpty = z.string().trim().min(1);
const sourceUrl = z.url({ protocol: /^https?$/ });
const sourced = {
  source: sourceUrl,
  checked: z.iso.date(),
  /** Where the source is weak or indirect, or the entry needs a caveat, say so. */
  note: nonEmpty.optional(),
};

/** A lower-case ASCII registrable domain (eTLD+1) as tldts computes it. */
const registrableDomain = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/, 'lower-case ASCII domain')
  .refine((d) => getDomain(d) === d, { message: 'not a registrable domain (eTLD+1) per tldts' });

/** An organization id as in data/organizations.json (checked against it in tests). */
const organizationId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'organization id slug');

function uniqueBy<T>(key: (item: T) => string, what: string) {
  return (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const k = key(item);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', message: `${what} ${k} listed twice`, path: [i] });
      seen.add(k);
    });
  };
}

// --- URL shorteners ------------------------------------------------------------------

export const ShortenerSchema = z.strictObject({
  domain: registrableDomain,
  /** 'anywhere': a short link can lead to any site. 'operator': only to the operator's
   * own service (amzn.to → Amazon pages), though on a platform like LINE the account
   * behind the page can still be anyone's. */
  opensTo: z.enum(['anywhere', 'operator']),
  /** The organization that runs the shortener, when it is a brand's own. It says who
   * runs the redirect, not that the sender is that organization. */
  operator: organizationId.optional(),
  ...sourced,
});

export type Shortener = z.infer<typeof ShortenerSchema>;

const ShortenersFileSchema = z.strictObject({
  domains: z.array(ShortenerSchema).superRefine(uniqueBy((s: Shortener) => s.domain, 'shortener')),
});

// --- Abused TLDs ---------------------------------------------------------------------

export const AbusedTldSchema = z.strictObject({
  /** A single lower-case ASCII label: "top", not ".top" or "com.cn". */
  tld: z.string().regex(/^[a-z](?:[a-z0-9-]*[a-z0-9])?$/, 'single lower-case label without a dot'),
  /** The measurement behind the listing, with its numbers. */
  reason: nonEmpty,
  ...sourced,
});

export type AbusedTld = z.infer<typeof AbusedTldSchema>;

const AbusedTldsFileSchema = z.strictObject({
  /** The rule an entry must meet. */
  criteria: nonEmpty,
  tlds: z.array(AbusedTldSchema).superRefine(uniqueBy((t: AbusedTld) => t.tld, 'TLD')),
});

// --- Free mail -----------------------------------------------------------------------

export const FreemailSchema = z.strictObject({
  domain: registrableDomain,
  /** 'webmail': anyone can sign up. 'carrier': a mobile carrier's customer mail
   * (docomo.ne.jp): anyone with a phone contract has one. Either way, an address here is
   * a personal mailbox, not proof of the organization named in the display name. */
  kind: z.enum(['webmail', 'carrier']),
  /** The organization that provides the mailboxes, when it is in data/organizations.json. */
  operator: organizationId.optional(),
  ...sourced,
});

export type Freemail = z.infer<typeof FreemailSchema>;

const FreemailFileSchema = z.strictObject({
  domains: z.array(FreemailSchema).superRefine(uniqueBy((f: Freemail) => f.domain, 'domain')),
});

// --- Parsing (exported for tests and for tools that check a data change) -----------

function parse<S extends z.ZodType>(schema: S, input: unknown, file: string): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new Error(`${file} is invalid:\n${z.prettifyError(result.error)}`);
  return result.data;
}

export function parseShorteners(input: unknown): Shortener[] {
  return parse(ShortenersFileSchema, input, 'data/shorteners.json').domains;
}

export function parseAbusedTlds(input: unknown): { criteria: string; tlds: AbusedTld[] } {
  return parse(AbusedTldsFileSchema, input, 'data/abused-tlds.json');
}

export function parseFreemail(input: unknown): Freemail[] {
  return parse(FreemailFileSchema, input, 'data/freemail.json').domains;
}

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
