// Registering an issuer's public key (admin CLI and admin API share this): the
// organization must be on record, and the domain that publishes the key must be one of
// its official domains on record, so a key cannot speak for a company from a look-alike site.
import { getDomain } from 'tldts';
import { decodePublicKey, type NoticeKey } from '../../core/notices/keys.js';
import { organizationProfile } from '../../core/registry/organization-directory.js';
import type { Store } from '../store/index.js';
import { NoticeStoreError, registerKey } from '../store/notices.js';
import { keyIdOfRaw } from './issuer-key.js';

export class IssuerRegistrationError extends Error {
  override name = 'IssuerRegistrationError';
}

export interface IssuerKeyRegistration {
  organizationId: string;
  /** Raw 32-byte Ed25519 public key, base64url (as `leakaid issuer keygen` prints it). */
  publicKey: string;
  domain: string;
  /** YYYY-MM-DD; default today. */
  validFrom?: string;
}

function isDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
}

export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export async function registerIssuerKey(store: Store, input: IssuerKeyRegistration, now = new Date()): Promise<NoticeKey> {
  const raw = decodePublicKey(input.publicKey.trim());
  if (raw === undefined) throw new IssuerRegistrationError('the public key must be 32 bytes in base64url, as `leakaid issuer keygen` prints it');
  const validFrom = input.validFrom ?? today(now);
  if (!isDate(validFrom)) throw new IssuerRegistrationError('valid-from must be a date YYYY-MM-DD');
  const profile = organizationProfile(input.organizationId, await store.incidentsForOrganizations([input.organizationId]));
  if (profile === undefined) throw new IssuerRegistrationError(`no organization "${input.organizationId.slice(0, 80)}" on record`);
  const domain = input.domain.trim().toLowerCase();
  const registrable = getDomain(domain);
  if (registrable === null || registrable === '') throw new IssuerRegistrationError(`"${input.domain.slice(0, 80)}" is not a domain name`);
  const official = profile.organization?.domains.map((d) => d.domain) ?? [];
  if (!official.includes(registrable)) {
    const known = official.length === 0 ? 'none is on record yet; add one with its source to data/organizations.json first' : official.join(', ');
    throw new IssuerRegistrationError(`${domain} is not an official domain of ${input.organizationId} on record (${known})`);
  }
  try {
    return await registerKey(store.db, { keyId: keyIdOfRaw(raw), organizationId: input.organizationId, publicKey: input.publicKey.trim(), domain, validFrom }, now);
  } catch (error) {
    if (error instanceof NoticeStoreError) throw new IssuerRegistrationError(error.message);
    throw error;
  }
}

export function checkDate(text: string, name: string): string {
  if (!isDate(text)) throw new IssuerRegistrationError(`${name} must be a date YYYY-MM-DD`);
  return text;
}
