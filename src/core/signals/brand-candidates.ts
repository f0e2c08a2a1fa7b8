// The words each organization's brand is written as inside domain names: the label of
// each of its official domains (not the mailbox domains it hands to customers) and each
// English name or alias that is one word, with their confusable skeletons. domains.ts
// picks its brands among them. Only data leaves this module: the CLI's build runs it and
// ships what it exported (scripts/build-cli.ts, PREBUILT); making them at each start
// (a public suffix look-up per domain, a skeleton per word) cost a cold check some 6 ms.
import { getPublicSuffix } from 'tldts';
import { ORGANIZATIONS } from '../knowledge/organizations.js';
import { skeleton } from '../normalize/index.js';

export interface BrandCandidate {
  /** Index of the organization in ORGANIZATIONS. */
  organization: number;
  /** "amazon", "sagawa-exp", "kuronekoyamato". */
  token: string;
  skeleton: string;
}

/** domains.ts's domainLabel ("amazon" for amazon.co.jp), which this module cannot import:
 * domains.ts imports this one. A test checks the two agree. */
function labelOf(registrableDomain: string): string {
  const suffix = getPublicSuffix(registrableDomain, { allowPrivateDomains: true });
  return suffix !== null && registrableDomain.endsWith(`.${suffix}`) ? registrableDomain.slice(0, -suffix.length - 1) : registrableDomain;
}

/** Organization by organization in the order of ORGANIZATIONS, each one's words once,
 * domain labels first. */
export const BRAND_CANDIDATES: BrandCandidate[] = ORGANIZATIONS.flatMap((org, organization) => {
  const tokens = new Set<string>();
  for (const d of org.domains) if (!d.customerMailboxes) tokens.add(labelOf(d.domain));
  for (const name of [...org.names.en, ...org.aliases]) {
    const compact = name.toLowerCase().replace(/[\s.,!'’]+/g, '');
    if (/^[a-z0-9-]+$/.test(compact)) tokens.add(compact);
  }
  return [...tokens].map((token) => ({ organization, token, skeleton: skeleton(token) }));
});
