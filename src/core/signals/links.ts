// Evidence from links: where each one really goes, compared with what the message
// claims and what the reader is shown.
import type { ExtractedUrl } from '../extract/types.js';
import { isAbusedTld, isFreemail, isShortener, shortenerOperator } from '../knowledge/lists.js';
import { imitation, isOfficialFor, officialAsSubdomain, officialInPath, officialOwner, registrable } from './domains.js';
import { authenticated, receivingServerResults } from './authentication.js';
import { namesOrganization } from './claims.js';
import type { Finding, SignalContext } from './types.js';

// Path words of login and payment forms. A single alternation of literals inside one
// group, anchored at a path-segment start: linear.
const CREDENTIAL_PATH = /(?:^|[/._-])(?:login|log-in|signin|sign-in|logon|verify|verification|account|update|secure|auth|password|webscr|confirm|unlock|billing|payment)(?:$|[/._?#-])/i;

const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const GREEK = /\p{Script=Greek}/u;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** A host label that mixes Latin with Cyrillic or Greek letters ("аmazon" with a Cyrillic а). */
function mixedScriptLabel(hostUnicode: string): string | null {
  // ASCII letters are all Latin: an ASCII host (most hosts) mixes nothing.
  if (ASCII_ONLY.test(hostUnicode)) return null;
  for (const label of hostUnicode.split('.')) {
    const scripts = [LATIN, CYRILLIC, GREEK].filter((re) => re.test(label)).length;
    if (scripts > 1) return label;
  }
  return null;
}

/** The authority of a link as written, before the browser decodes it. */
const AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i;

/** Whether the host was written percent-encoded ("http://%77%77%77%2E…"): browsers
 * decode it and open the site, but nobody writes a real address that way except to
 * hide it from the reader and from filters. */
function encodedHost(url: ExtractedUrl): boolean {
  return AUTHORITY.exec(url.raw)?.[1]?.includes('%') === true;
}

/** The sender's registrable domain when it is a company's own (not a free-mail box):
 * links there are the sender's own site. `authenticated` when the receiving server
 * vouched that the mail comes from that domain. */
interface Sender {
  domain: string;
  authenticated: boolean;
}

function senderOf({ message }: SignalContext): Sender | null {
  const domain = message.channel === 'email' ? registrable(message.from?.domain ?? null) : null;
  if (domain === null || isFreemail(domain)) return null;
  return { domain, authenticated: authenticated(receivingServerResults(message), domain) };
}

/** "IPアドレス: 203.0.113.45" in a login notice is a fact, not a link: an IP address
 * written without scheme, port or path is a link only as the target of an HTML link. */
function isBareAddress(url: ExtractedUrl): boolean {
  return url.isIp && url.schemeless && url.port === null && url.path === '/' && url.location.field !== 'link';
}

/**
 * The address a link shows and the one it goes to, when they differ in a way that
 * deceives. An organization on record, shown in any words, over a link that leaves its
 * official domains deceives. Other addresses deceive when the link's text is the address
 * itself ("https://www.bank.example/login"), not a headline that mentions a site
 * ("News.com: top stories"), and the link does not go to the sender's own domain:
 * newsletters send every click through their own counter (click.example-news.com for
 * "www.shop.example"). A sender the receiving server vouched for that shows its own
 * address over another domain is counting clicks through its mail provider, and so is
 * a mail that shows several sites' addresses over links to one domain (clickCounters).
 * A link to an IP address has no domain: its address stands for one.
 */
function deceptiveText(url: ExtractedUrl, sender: Sender | null, counters: ReadonlySet<string>): { shown: string; target: string } | null {
  const shown = url.visibleDomain;
  // A site's address shown over a link to a bare IP address hides where it goes as
  // surely as one shown over another domain.
  const target = targetOf(url);
  if (shown === null || target === null || shown === target) return null;
  if (sender !== null && sender.authenticated && shown === sender.domain) return null;
  const shownOwner = officialOwner(shown);
  const deceives =
    shownOwner !== undefined ? !isOfficialFor(shownOwner, target) : url.visibleIsAddress && target !== sender?.domain && !counters.has(target);
  return deceives ? { shown, target } : null;
}

/** A mail that links to this many different sites is a digest or a directory (a list of
 * updated weblogs, a page of links): it sends the reader to no site in particular. The
 * most in a phishing mail of the Nazario development half is 21; a weblog digest of
 * the development half of hard-ham-1 links to 357. */
const DIGEST_SITES = 25;

/** Where a link goes: its registrable domain, or its host when that is an IP address. */
function targetOf(url: ExtractedUrl): string | null {
  return url.registrableDomain ?? (url.isIp ? url.host : null);
}

/** A click counter shows this many different sites' addresses over links to itself. */
const COUNTER_SHOWN_SITES = 3;

/**
 * The domains a mail sends clicks through for several different sites it shows: a
 * newsletter's counter (lists.news.example behind "HostJ2EE.com", a sponsor's
 * "http://www.training.example/…" and "http://events.example/…"). Phishing shows one
 * site, the one it imitates, over its own; in the Nazario development half no phishing
 * mail shows more than two over one domain. Organizations on record do not count here:
 * their address over someone else's link deceives wherever it is (deceptiveText).
 */
function clickCounters(urls: readonly ExtractedUrl[]): ReadonlySet<string> {
  // Made with the first address shown over another domain's link: a text message has none.
  let shownBy: Map<string, Set<string>> | null = null;
  for (const url of urls) {
    const target = targetOf(url);
    const shown = url.visibleDomain;
    if (target === null || shown === null || shown === target || !url.visibleIsAddress || officialOwner(shown) !== undefined) continue;
    shownBy ??= new Map();
    const sites = shownBy.get(target) ?? new Set<string>();
    sites.add(shown);
    shownBy.set(target, sites);
  }
  if (shownBy === null) return NO_COUNTERS;
  return new Set([...shownBy].filter(([, sites]) => sites.size >= COUNTER_SHOWN_SITES).map(([target]) => target));
}

const NO_COUNTERS: ReadonlySet<string> = new Set();

function shown(url: ExtractedUrl): string {
  return url.hostUnicode === url.host ? url.host : `${url.hostUnicode} (${url.host})`;
}

export function linkFindings(context: SignalContext): Finding[] {
  const { extracted, claims } = context;
  const findings: Finding[] = [];
  const primary = claims.organizations[0];
  const sender = senderOf(context);
  const links = extracted.urls.filter((u) => !isBareAddress(u));
  // A domain written in a subject or display name cannot be tapped; only links in the
  // body count as the message's links for "no link" and "every link is official".
  const inBody = links.filter((u) => u.location.field !== 'subject' && u.location.field !== 'fromName');
  if (inBody.length === 0) findings.push({ code: 'link.none', evidence: '' });
  let allOfficial = primary !== undefined && inBody.length > 0;
  // In a digest a numeric address or a cheap top-level domain is one more listed site,
  // not the place the mail pushes the reader to: those two are left out there.
  const counters = clickCounters(links);
  const digest = inBody.length >= DIGEST_SITES && new Set(inBody.map((u) => u.registrableDomain ?? u.host)).size >= DIGEST_SITES;
  for (const url of links) {
    const at = { location: url.location };
    const domain = url.registrableDomain;
    const owner = officialOwner(domain);
    if (inBody.includes(url) && (primary === undefined || !isOfficialFor(primary, domain))) allOfficial = false;

    if (url.isIp) {
      if (!digest) findings.push({ code: 'link.ip-host', evidence: url.host, ...at });
      if (primary !== undefined) findings.push({ code: 'link.not-official', evidence: url.host, params: { organization: primary.id }, ...at });
    }
    if (encodedHost(url)) findings.push({ code: 'link.encoded-host', evidence: url.host, ...at });
    if (url.userinfo !== null) {
      findings.push({ code: 'link.userinfo', evidence: url.raw, params: { shown: url.userinfo, host: url.host }, ...at });
    }
    const mixed = mixedScriptLabel(url.hostUnicode);
    if (mixed !== null) findings.push({ code: 'link.mixed-script', evidence: shown(url), ...at });
    const mismatch = deceptiveText(url, sender, counters);
    if (mismatch !== null) {
      findings.push({ code: 'link.text-mismatch', evidence: url.visibleText ?? '', params: mismatch, ...at });
    }
    if (owner !== undefined) continue;
    const pathOf = officialInPath(url.path);
    if (pathOf !== null) findings.push({ code: 'link.official-in-path', evidence: url.raw, params: { organization: pathOf.id }, ...at });
    if (domain === null) continue;

    if (isShortener(domain)) {
      const operator = shortenerOperator(domain);
      if (primary === undefined || operator !== primary.id) {
        findings.push({ code: 'link.shortener', evidence: domain, ...at });
        // A company's own messages link to its own site; a claimed sender hiding the
        // destination behind someone else's shortener is not following that rule.
        if (primary !== undefined) findings.push({ code: 'link.not-official', evidence: domain, params: { organization: primary.id }, ...at });
      }
      continue;
    }
    if (primary !== undefined) {
      findings.push({ code: 'link.not-official', evidence: domain, params: { organization: primary.id }, ...at });
    }
    const subdomainOf = officialAsSubdomain(url.host, domain);
    if (subdomainOf !== null) {
      findings.push({ code: 'link.official-as-subdomain', evidence: url.host, params: { organization: subdomainOf.id }, ...at });
    } else {
      const imitated = imitation(domain);
      if (imitated !== null) {
        // In a mail, a domain like a brand's that the message never names deceives nobody
        // about who writes: "tesco.ie" in a newsletter is not TEPCO's. A text message is
        // little more than its link, and a delivery notice that names no carrier lets
        // "sagawa-exq.co.jp" speak for one.
        const named = context.message.channel !== 'email' || namesOrganization(claims, extracted, imitated.org);
        // A mail's links to its sender's own domain resemble the brand exactly as far as
        // its From address does, and sender.resembles-brand says so once: the same
        // domain is one piece of evidence, not two.
        if (named || domain !== sender?.domain) {
          findings.push({
            code: !named ? 'link.resembles-brand' : imitated.kind === 'lookalike' ? 'link.lookalike' : 'link.brand-in-domain',
            evidence: shown(url),
            params: { organization: imitated.org.id, brand: imitated.brand },
            ...at,
          });
        }
      }
    }
    if (!digest && url.publicSuffix !== null && isAbusedTld(url.publicSuffix)) {
      findings.push({ code: 'link.abused-tld', evidence: domain, params: { tld: url.publicSuffix }, ...at });
    }
    // A company sends its customers to their account pages on its own site; a login
    // form is worth noting only on a site other than the sender's.
    if (CREDENTIAL_PATH.test(url.path) && domain !== sender?.domain) {
      findings.push({ code: 'link.credential-path', evidence: url.raw, ...at });
    }
  }
  if (allOfficial && primary !== undefined) {
    findings.push({ code: 'link.all-official', evidence: primary.domains.map((d) => d.domain).join(', '), params: { organization: primary.id } });
  }
  return findings;
}
