// The shapes of data/shorteners.json, data/abused-tlds.json and data/freemail.json,
// checked when the product is built and tested (src/core/bundled-knowledge.ts), apart
// from the lookups in lists.ts so that checking a message does not load a validation
// library.
import { getDomain } from 'tldts';
import { z } from 'zod';

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
