// Domain knowledge the link and sender checks share: which registrable domains are
// official for whom, and which look like an official one without being it.
import { skeleton } from '../normalize/index.js';
import { ORGANIZATIONS, organizationForDomain, type Organization } from '../knowledge/organizations.js';
import { PhraseMatcher } from '../knowledge/phrase-matcher.js';
import { OFFICIAL_DOMAIN_KEYS } from '../knowledge/phrase-tables.js';
import { BRAND_CANDIDATES } from './brand-candidates.js';
import { getDomain, getPublicSuffix } from 'tldts';
import { isAbusedTld } from '../knowledge/lists.js';

/** Domains whose answers are remembered, per question: the same few recur within a
 * message (the sender's is asked for by the claim, sender, link and model checks) and
 * across a batch (every message of a campaign), and each answer takes a public suffix
 * look-up or a comparison with every brand. */
const MAX_REMEMBERED_DOMAINS = 10_000;

/** `answer`, remembering its answers; bounded so a batch of millions of distinct domains
 * cannot grow it without end. */
function rememberedPerDomain<Answer>(answer: (domain: string) => Answer): (domain: string) => Answer {
  const known = new Map<string, Answer>();
  return (domain) => {
    const remembered = known.get(domain);
    if (remembered !== undefined || known.has(domain)) return remembered as Answer;
    if (known.size >= MAX_REMEMBERED_DOMAINS) known.clear();
    const found = answer(domain);
    known.set(domain, found);
    return found;
  };
}

const registrableOf = rememberedPerDomain((domain) => getDomain(domain, { allowPrivateDomains: true }));

/** The registrable domain (eTLD+1, private suffixes included: each tenant of
 * github.io is its own) of a host or mail domain; null for none. */
export function registrable(domain: string | null): string | null {
  return domain === null ? null : registrableOf(domain);
}

export function isOfficialFor(org: Organization, registrableDomain: string | null): boolean {
  return registrableDomain !== null && org.domains.some((d) => d.domain === registrableDomain);
}

const ownerOf = rememberedPerDomain(organizationForDomain);

/** The organization whose official domain this is, if any. */
export function officialOwner(registrableDomain: string | null): Organization | undefined {
  return registrableDomain === null ? undefined : ownerOf(registrableDomain);
}

/** The registrable domain without its public suffix: "amazon" for amazon.co.jp. */
export function domainLabel(registrableDomain: string): string {
  const suffix = getPublicSuffix(registrableDomain, { allowPrivateDomains: true });
  return suffix !== null && registrableDomain.endsWith(`.${suffix}`)
    ? registrableDomain.slice(0, -suffix.length - 1)
    : registrableDomain;
}

interface Brand {
  org: Organization;
  /** A label or name as it appears inside domains: "amazon", "sagawa-exp", "kuronekoyamato". */
  token: string;
  skeleton: string;
}

/** Shortest brand token looked for inside other domains; shorter ones ("au", "nx")
 * occur by chance in random domain names. */
const MIN_BRAND_TOKEN = 4;

/** Brand tokens that are also everyday words in domain names ("on-line-shop",
 * "apple-farm", "meta-data", "purchase", "japan-visa" for travel visas, "hotel-booking"
 * and "booking-system" for any reservation site, "digitalriver" and "digital-library"
 * beside the Digital Agency's digital.go.jp): inside another domain they say nothing. */
const EVERYDAY_WORDS = new Set(['line', 'meta', 'apple', 'live', 'mail', 'post', 'card', 'bank', 'news', 'info', 'chase', 'visa', 'booking', 'digital']);

const BRANDS: Brand[] = [];
for (const candidate of BRAND_CANDIDATES) {
  const { organization, token } = candidate;
  if (token.length >= MIN_BRAND_TOKEN && !EVERYDAY_WORDS.has(token)) BRANDS.push({ org: ORGANIZATIONS[organization]!, token, skeleton: candidate.skeleton });
}

/** Brands that are one word, by that word (the first on record wins), and the few with a hyphen. */
const BRAND_BY_WORD = new Map<string, Organization>();
for (const brand of BRANDS) if (!brand.token.includes('-') && !BRAND_BY_WORD.has(brand.token)) BRAND_BY_WORD.set(brand.token, brand.org);
const HYPHENATED_BRANDS = BRANDS.filter((brand) => brand.token.includes('-'));

// The two rows of editDistance, reused: it runs against every brand for each new domain.
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

/** Edit distance (UTF-16 code units) with an upper bound: above the bound, bound + 1. */
export function editDistance(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  const n = b.length;
  const over = bound + 1;
  if (previousRow.length <= n + 1) {
    previousRow = new Int32Array(n + 2);
    currentRow = new Int32Array(n + 2);
  }
  let previous = previousRow;
  let current = currentRow;
  for (let j = 0; j <= n; j++) previous[j] = Math.min(j, over);
  // Only the cells within `bound` of the diagonal: a path through any other costs more
  // than the bound. The cell just past each end of a row's band reads as over it.
  for (let i = 1; i <= a.length; i++) {
    const unit = a.charCodeAt(i - 1);
    const from = Math.max(1, i - bound);
    const to = Math.min(n, i + bound);
    current[0] = Math.min(i, over);
    if (from > 1) current[from - 1] = over;
    let rowMin = current[from - 1]!;
    for (let j = from; j <= to; j++) {
      const cost = unit === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost, over);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    current[to + 1] = over;
    if (rowMin > bound) return over;
    [previous, current] = [current, previous];
  }
  return previous[n]!;
}

export type Lookalike =
  | { kind: 'lookalike'; org: Organization; brand: string }
  | { kind: 'brand-in-domain'; org: Organization; brand: string };

/**
 * How a non-official registrable domain imitates an organization: its label is a
 * near-miss or a confusable of a brand ("amaz0n", "rnufg", "sagawa-exq"), or it carries
 * a brand as one of its words ("sagawa-rxa", "amazon-co-jp").
 */
export const imitation: (registrableDomain: string) => Lookalike | null = rememberedPerDomain(findImitation);

/** Brands this long or longer are also looked for as near-misses and inside a label:
 * shorter ones are one letter from, or part of, too many ordinary words. */
const MIN_LOOSE_TOKEN = 5;

/** How many edits from a brand of this length a label may be to be its near-miss. */
function nearMissBound(tokenLength: number): number {
  return tokenLength >= 8 ? 2 : 1;
}

/** Where a brand of this length is cut into one piece more than the edits its near-miss
 * may take: each edit changes at most one piece, so a label that near a brand holds one
 * of its pieces unchanged. */
function nearMissCuts(tokenLength: number): number[] {
  const pieces = nearMissBound(tokenLength) + 1;
  return Array.from({ length: pieces + 1 }, (_, k) => Math.floor((k * tokenLength) / pieces));
}

/** Indexes of BRANDS (ascending, so the first on record wins) by the keys of each brand. */
function brandIndex<Key>(keys: (brand: Brand) => readonly Key[]): Map<Key, number[]> {
  const index = new Map<Key, number[]>();
  BRANDS.forEach((brand, i) => {
    for (const key of keys(brand)) {
      const list = index.get(key);
      if (list === undefined) index.set(key, [i]);
      else if (list.at(-1) !== i) list.push(i);
    }
  });
  return index;
}

// findImitation looks up only the brands a label can match, rather than comparing the
// label with each of some 600 brands in turn (about 21 µs for every new domain of a batch).
const BRANDS_BY_TOKEN = brandIndex((brand) => [brand.token]);
const BRANDS_BY_SKELETON = brandIndex((brand) => [brand.skeleton]);
const LOOSE_BRANDS_BY_OPENING = brandIndex((brand) => (brand.token.length >= MIN_LOOSE_TOKEN ? [brand.token.slice(0, 2)] : []));
const LOOSE_BRANDS_BY_PIECE = brandIndex(({ token }) => {
  if (token.length < MIN_LOOSE_TOKEN) return [];
  const cuts = nearMissCuts(token.length);
  return cuts.slice(1).map((end, k) => token.slice(cuts[k], end));
});

/** The lengths of the pieces of the brands a label of this length may be a near-miss of. */
function nearMissPieceLengths(labelLength: number): Set<number> {
  const lengths = new Set<number>();
  for (let tokenLength = labelLength - 2; tokenLength <= labelLength + 2; tokenLength++) {
    if (tokenLength < MIN_LOOSE_TOKEN || Math.abs(tokenLength - labelLength) > nearMissBound(tokenLength)) continue;
    const cuts = nearMissCuts(tokenLength);
    for (let k = 1; k < cuts.length; k++) lengths.add(cuts[k]! - cuts[k - 1]!);
  }
  return lengths;
}
const NO_BRANDS: readonly number[] = [];

/** What the first brand on record (in BRANDS order) a label imitates, if any, says of it. */
function findImitation(registrableDomain: string): Lookalike | null {
  const label = domainLabel(registrableDomain);
  const suffix = registrableDomain.slice(label.length + 1);
  // A brand's exact name on an ordinary ending (yahoo.com, google.de) is almost always
  // the brand's own site in another country, which our list cannot hold in full; on an
  // ending that scam sites favour (amazon.top) it is an imitation.
  const exactNameIsOwn = !isAbusedTld(suffix.split('.').pop() ?? '');
  // A near-miss or confusable of a brand: the same name on another suffix is not one
  // (it is a brand in the domain, below).
  let lookalike = Infinity;
  for (const i of BRANDS_BY_SKELETON.get(skeleton(label)) ?? NO_BRANDS) {
    if (BRANDS[i]!.token !== label) {
      lookalike = i;
      break;
    }
  }
  const nearMisses = new Set<number>();
  for (const pieceLength of nearMissPieceLengths(label.length)) {
    for (let start = 0; start + pieceLength <= label.length; start++) {
      for (const i of LOOSE_BRANDS_BY_PIECE.get(label.slice(start, start + pieceLength)) ?? NO_BRANDS) {
        if (i >= lookalike) break;
        nearMisses.add(i);
      }
    }
  }
  for (const i of [...nearMisses].sort((a, b) => a - b)) {
    if (i >= lookalike) break;
    const { token } = BRANDS[i]!;
    const bound = nearMissBound(token.length);
    if (token !== label && editDistance(label, token, bound) <= bound) {
      lookalike = i;
      break;
    }
  }
  if (lookalike !== Infinity) return { kind: 'lookalike', org: BRANDS[lookalike]!.org, brand: BRANDS[lookalike]!.token };
  // A brand as the label, as one of its words, or (a longer one) anywhere inside it.
  let carried = Math.min(...[label, ...label.split(/[-.]/)].map((word) => BRANDS_BY_TOKEN.get(word)?.[0] ?? Infinity));
  for (let start = 0; start + MIN_LOOSE_TOKEN <= label.length; start++) {
    for (const i of LOOSE_BRANDS_BY_OPENING.get(label.slice(start, start + 2)) ?? NO_BRANDS) {
      if (i >= carried) break;
      if (label.startsWith(BRANDS[i]!.token, start)) {
        carried = i;
        break;
      }
    }
  }
  if (carried === Infinity) return null;
  const brand = BRANDS[carried]!;
  if (label === brand.token && exactNameIsOwn) return null;
  return { kind: 'brand-in-domain', org: brand.org, brand: brand.token };
}

/** Every official domain in one matcher: a host-like string is scanned once, not once
 * per domain on record (there are hundreds, and every link of every message is asked). */
const OFFICIAL_DOMAINS = new PhraseMatcher<Organization>(
  ORGANIZATIONS.flatMap((org) => org.domains.map((d) => ({ phrase: d.domain, owner: org }))),
  OFFICIAL_DOMAIN_KEYS,
);

/** The organization whose official domain a host-like string carries: is, ends with or
 * contains it ("amazon.co.jp", "signin.ebay.com", "www.paypal.com.secure"), first on
 * record first. */
function officialDomainWithin(hostLike: string): Organization | null {
  let found: Organization | null = null;
  for (const { owner, span } of OFFICIAL_DOMAINS.find(hostLike)) {
    const [start, end] = span;
    const whole = start === 0 && end === hostLike.length;
    const ending = end === hostLike.length && hostLike[start - 1] === '.';
    const beforeADot = hostLike[end] === '.';
    if ((whole || ending || beforeADot) && (found === null || ORGANIZATIONS.indexOf(owner) < ORGANIZATIONS.indexOf(found))) found = owner;
  }
  return found;
}

/** Public suffixes whose registrants are vetted institutions (universities, government
 * offices, the military): "edu", "gov", "ac.uk", "go.jp", "ed.jp", "lg.jp", "gov.au" … */
const INSTITUTIONAL_SUFFIX = /^(?:edu|gov|mil|int|(?:ac|edu|gov|go|govt|gob|gouv|mil|ed|lg)\.[a-z]{2})$/;
/** An ending of a domain, at a label boundary, that INSTITUTIONAL_SUFFIX matches. */
const INSTITUTIONAL_ENDING = /(?:^|\.)(?:edu|gov|mil|int|(?:ac|edu|gov|go|govt|gob|gouv|mil|ed|lg)\.[a-z]{2})$/i;

/** Whether a registrable domain is some organization's own: one on record (another
 * brand's), or one under an institutional suffix. The names of its subdomains are
 * chosen by that organization: www.citi.umich.edu is the University of Michigan's
 * Center for Information Technology Integration, not Citi. A brand word as a mere
 * label there claims no brand's domain. */
function ownedByAnOrganization(registrableDomain: string): boolean {
  if (officialOwner(registrableDomain) !== undefined) return true;
  // The public suffix is one of the domain's endings at a label boundary: unless one of
  // them looks institutional, the public suffix list need not be asked.
  if (!INSTITUTIONAL_ENDING.test(registrableDomain)) return false;
  const suffix = getPublicSuffix(registrableDomain);
  return suffix !== null && INSTITUTIONAL_SUFFIX.test(suffix);
}

/** An official domain or brand written in the subdomains of another domain:
 * amazon.co.jp.secure-login.top, ntt-west.co.jp-owabi.top (registrable jp-owabi.top),
 * paypal.login46.com. A brand's whole domain (paypal.com.…) is a claim under any
 * registrable domain, a hacked university's too; a brand word alone as a label only
 * under a domain that is nobody's on record (see ownedByAnOrganization). */
export function officialAsSubdomain(host: string, registrableDomain: string | null): Organization | null {
  if (registrableDomain === null || host === registrableDomain) return null;
  const prefix = host.slice(0, host.length - registrableDomain.length - 1);
  const named = officialDomainWithin(prefix);
  if (named !== null) return named;
  if (ownedByAnOrganization(registrableDomain)) return null;
  for (const word of prefix.split(/[.-]/)) {
    const org = BRAND_BY_WORD.get(word);
    if (org !== undefined) return org;
  }
  return HYPHENATED_BRANDS.find((brand) => prefix.includes(brand.token))?.org ?? null;
}

/** A path segment written as a host name: "www.paypal.com", "signin.ebay.com.session". */
const HOST_IN_PATH = /^(?:[a-z0-9-]{1,63}\.){1,8}[a-z]{2,24}$/;

/**
 * An organization's official domain, or its brand as a hidden folder ("/.paypal/"),
 * in the path of a link to another site: "intracon.example/www.ncua.gov/update.php",
 * "gw.example.pl/redirect.to.cgi1.ebay.com/...", "mail.example.com/imp/.paypal/".
 * A phishing kit dropped on someone else's server is named after its target; a
 * company's own links need no such name. Only the path counts: a query string
 * ("?u=www.paypal.com") is where redirectors and share buttons legitimately put it.
 */
export function officialInPath(path: string): Organization | null {
  const end = path.search(/[?#]/);
  const segments = (end === -1 ? path : path.slice(0, end)).toLowerCase().split('/');
  for (const segment of segments) {
    const named = HOST_IN_PATH.test(segment) ? officialDomainWithin(segment) : null;
    if (named !== null) return named;
    if (segment.startsWith('.')) {
      const hidden = segment.slice(1);
      const brand = BRANDS.find((b) => b.token === hidden);
      if (brand !== undefined) return brand.org;
    }
  }
  return null;
}
