// The brand words domains.ts looks for in other domains are made ahead (brand-candidates.ts,
// shipped prebuilt in the CLI): they must be what domains.ts would make itself.
import { describe, expect, it } from 'vitest';
import { ORGANIZATIONS } from '../../../src/core/knowledge/organizations.js';
import { skeleton } from '../../../src/core/normalize/index.js';
import { BRAND_CANDIDATES } from '../../../src/core/signals/brand-candidates.js';
import { domainLabel } from '../../../src/core/signals/domains.js';

describe('BRAND_CANDIDATES', () => {
  it('hold, organization by organization, the labels of its own domains (as domainLabel makes them) and its one-word names, each once', () => {
    ORGANIZATIONS.forEach((org, organization) => {
      const tokens = BRAND_CANDIDATES.filter((c) => c.organization === organization).map((c) => c.token);
      const labels = [...new Set(org.domains.filter((d) => !d.customerMailboxes).map((d) => domainLabel(d.domain)))];
      expect(tokens.slice(0, labels.length), org.id).toEqual(labels);
      expect(new Set(tokens).size, org.id).toBe(tokens.length);
    });
    const organizations = BRAND_CANDIDATES.map((c) => c.organization);
    expect(organizations).toEqual([...organizations].sort((a, b) => a - b));
  });

  it('carry each word’s skeleton', () => {
    for (const candidate of BRAND_CANDIDATES) expect(candidate.skeleton, candidate.token).toBe(skeleton(candidate.token));
    expect(BRAND_CANDIDATES.some((c) => c.token === 'amazon')).toBe(true);
  });
});
