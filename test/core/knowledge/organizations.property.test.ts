import fc from 'fast-check';
import { getDomain } from 'tldts';
import { describe, expect, it } from 'vitest';
import { ORGANIZATIONS, officialDomain, organizationForDomain } from '../../../src/core/knowledge/organizations.js';

// What the look-ups answered when they always asked the public suffix list: the shortcut
// for hosts under no official domain must not change an answer.
const registrableOf = (host: string): string | null => getDomain(host.trim().toLowerCase().replace(/\.$/, ''));
const ownerOf = (host: string) => {
  const registrable = registrableOf(host);
  return registrable === null ? undefined : ORGANIZATIONS.find((o) => o.domains.some((d) => d.domain === registrable));
};

const OFFICIAL = ORGANIZATIONS.flatMap((o) => o.domains.map((d) => d.domain));
const label = fc.oneof(
  fc.constantFrom('www', 'secure', 'login', 'co', 'jp', 'com', 'top', 'github', 'io', 'xn--eckwd4c7c', '1', '192', 'blogspot', ''),
  fc.stringMatching(/^[a-zA-Z0-9-]{1,8}$/),
);
const host = fc.oneof(
  fc.tuple(fc.array(label, { maxLength: 3 }), fc.constantFrom(...OFFICIAL)).map(([labels, domain]) => [...labels, domain].join('.')),
  fc.array(label, { minLength: 1, maxLength: 5 }).map((labels) => labels.join('.')),
  fc.tuple(fc.array(label, { maxLength: 3 }), fc.constantFrom(...OFFICIAL), fc.constantFrom('', '.', '..', ' ', '/x', ':8080', '@a.top', 'X')).map(([labels, domain, tail]) => [...labels, domain].join('.') + tail),
);

describe('official-domain look-ups', () => {
  it('answer what the public suffix list says, for hosts under an official domain or not', () => {
    fc.assert(
      fc.property(host, fc.constantFrom(...ORGANIZATIONS.map((o) => o.id)), (h, id) => {
        expect(organizationForDomain(h)?.id).toBe(ownerOf(h)?.id);
        const registrable = registrableOf(h);
        const org = ORGANIZATIONS.find((o) => o.id === id)!;
        expect(officialDomain(id, h)).toBe(registrable === null ? undefined : org.domains.find((d) => d.domain === registrable));
      }),
      { numRuns: 20_000 },
    );
  });
});
