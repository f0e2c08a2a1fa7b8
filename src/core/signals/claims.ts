// Which organizations a message claims to come from. A claim is strongest in the
// sender's display name, then the subject, then a bracketed name at the start
// (【佐川急便】) or the first line; a name further down the text is a weaker claim (a
// friend writing "アマゾンで買ったよ" claims nothing). The visible text of a link that
// shows an official domain claims that organization too.
import type { Extracted } from '../extract/types.js';
import { getOrganization, organizationForDomain, type Organization } from '../knowledge/organizations.js';
import type { Message } from '../message/types.js';

/** Characters of text that count as "the start" of a message body: an SMS names its
 * sender in the first line; a letter in its first lines. */
const OPENING_CHARS = 120;

export interface Claims {
  /** Claimed organizations, most prominent first. */
  organizations: Organization[];
  /** Whether the first claim is strong (display name, subject, opening, link text). */
  strong: boolean;
}

export function findClaims(message: Message, extracted: Extracted): Claims {
  const ranked = new Map<string, number>();
  const rank = (id: string, value: number): void => {
    const previous = ranked.get(id);
    if (previous === undefined || value < previous) ranked.set(id, value);
  };
  for (const mention of extracted.organizations) {
    const { field, span } = mention.location;
    if (field === 'fromName') rank(mention.organizationId, 0);
    else if (field === 'subject') rank(mention.organizationId, 1);
    else if (span[0] < OPENING_CHARS) rank(mention.organizationId, 2 + span[0] / OPENING_CHARS);
    else rank(mention.organizationId, 10 + span[0] / 1e6);
  }
  for (const url of extracted.urls) {
    if (url.visibleDomain === null) continue;
    const shown = organizationForDomain(url.visibleDomain);
    if (shown !== undefined) rank(shown.id, 3);
  }
  const ordered = [...ranked].sort((a, b) => a[1] - b[1]);
  const organizations = ordered.map(([id]) => getOrganization(id)).filter((o): o is Organization => o !== undefined);
  return { organizations, strong: ordered.length > 0 && ordered[0]![1] < 10 };
}
