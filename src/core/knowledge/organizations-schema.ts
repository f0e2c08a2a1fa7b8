// The shape of data/organizations.json, checked when the product is built and tested
// (src/core/bundled-knowledge.ts), apart from the lookups in organizations.ts so that
// checking a message does not load a validation library.
import { getDomain } from 'tldts';
import { z } from 'zod';
import { ORGANIZATION_CATEGORIES } from './organizations.js';

const nonEmpty = z.string().trim().min(1);
const isoDate = z.iso.date();
const sourceUrl = z.url({ protocol: /^https?$/ });

/** A lower-case ASCII registrable domain (eTLD+1) as tldts computes it. */
const registrableDomain = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/, 'lower-case ASCII domain')
  .refine((d) => getDomain(d) === d, { message: 'not a registrable domain (eTLD+1) per tldts' });

/** Japanese national format with hyphens: 0120-23-28-86, 03-1234-5678, 0570-046-666. */
const nationalNumber = z.string().regex(/^0\d{1,4}(?:-\d{1,4}){1,3}$/, 'national format like 03-1234-5678');

const sourced = {
  source: sourceUrl,
  checked: isoDate,
  /** Where the source is weak or indirect, say so. */
  note: nonEmpty.optional(),
};

export const OrganizationSchema = z.strictObject({
  /** Slug: ntt-west, japan-post. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case slug'),
  /** Short name for display in each language. */
  display: z.strictObject({ ja: nonEmpty, en: nonEmpty }),
  names: z.strictObject({
    /** Official Japanese names, including the 株式会社 form. */
    ja: z.array(nonEmpty).min(1),
    kana: z.array(nonEmpty),
    en: z.array(nonEmpty),
  }),
  /** Common short or alternative names (ドコモ, au, 郵便局). */
  aliases: z.array(nonEmpty),
  /** Names that are also everyday words (LINE/line, Apple/apple): matched only exactly
   * as written here, on word boundaries, never folded to lower case. */
  matchCase: z.array(nonEmpty).optional(),
  category: z.enum(ORGANIZATION_CATEGORIES),
  domains: z.array(
    z.strictObject({
      domain: registrableDomain,
      ...sourced,
      /** Customers get mail addresses on this domain too (docomo.ne.jp, au.com): a
       * sender address here does not show the organization sent the message. */
      customerMailboxes: z.boolean().optional(),
      /** The organization says publicly that mail using this domain which fails sender
       * authentication is discarded (a DMARC "reject" policy), with where it says so. */
      rejectsUnauthenticated: z.strictObject(sourced).optional(),
      /** The registrable domain is shared by companies of one group, e.g. japanpost.jp by
       * 日本郵便 and ゆうちょ銀行: each of them lists it, marked so. A domain may be listed
       * for several organizations only when every one of those entries is marked. */
      sharedWithinGroup: z.literal(true).optional(),
    }),
  ),
  smsSenders: z.array(z.strictObject({ sender: nonEmpty, ...sourced })),
  phones: z.array(z.strictObject({ number: nationalNumber, purpose: nonEmpty, ...sourced })),
});

export type Organization = z.infer<typeof OrganizationSchema>;

const OrganizationsFileSchema = z
  .strictObject({ organizations: z.array(OrganizationSchema) })
  .superRefine((file, ctx) => {
    const ids = new Set<string>();
    /** Every entry seen so far for a domain: who lists it and whether it is marked shared. */
    const listings = new Map<string, { id: string; shared: boolean; path: (string | number)[] }[]>();
    file.organizations.forEach((org, i) => {
      if (ids.has(org.id)) ctx.addIssue({ code: 'custom', message: `duplicate id ${org.id}`, path: ['organizations', i, 'id'] });
      ids.add(org.id);
      org.domains.forEach((d, j) => {
        const path = ['organizations', i, 'domains', j, 'domain'];
        const shared = d.sharedWithinGroup === true;
        const earlier = listings.get(d.domain) ?? [];
        for (const other of earlier) {
          if (other.id === org.id || !shared || !other.shared) {
            ctx.addIssue({ code: 'custom', message: `domain ${d.domain} listed for both ${other.id} and ${org.id}`, path });
            break;
          }
        }
        listings.set(d.domain, [...earlier, { id: org.id, shared, path }]);
      });
    });
    // A mark on a domain no other organization lists says something that is not so.
    for (const [domain, entries] of listings) {
      if (entries.length === 1 && entries[0]!.shared) {
        ctx.addIssue({
          code: 'custom',
          message: `domain ${domain} is marked sharedWithinGroup but listed only for ${entries[0]!.id}`,
          path: entries[0]!.path,
        });
      }
    }
  });

/** Validates organization data; throws with every problem listed. Exported for tests
 * and for tools that check a data change before it is committed. */
export function parseOrganizations(input: unknown): Organization[] {
  const result = OrganizationsFileSchema.safeParse(input);
  if (!result.success) throw new Error(`data/organizations.json is invalid:\n${z.prettifyError(result.error)}`);
  return result.data.organizations;
}
