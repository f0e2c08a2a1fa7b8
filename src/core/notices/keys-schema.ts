// The schema of the keys document (keys.ts), for the OpenAPI description and the tests
// that read what the server serves; the page that checks QR codes needs only the types.
import { z } from 'zod';
import { MAX_KEYS_PER_DOCUMENT, MAX_REVOKED_SERIALS_PER_KEY, NOTICE_KEYS_FORMAT } from './keys.js';

const isoDate = z.iso.date();

export const NoticeKeySchema = z.strictObject({
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  algorithm: z.literal('Ed25519'),
  /** The raw 32-byte public key, base64url. */
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  organizationId: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  /** The organization's domain that publishes this key at WELL_KNOWN_NOTICE_KEYS_PATH. */
  domain: z.string().regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/),
  validFrom: isoDate,
  status: z.enum(['active', 'revoked']),
  revokedOn: isoDate.optional(),
  /** Single notices withdrawn under this key (misprinted, sent to the wrong person). */
  revokedSerials: z.array(z.string()).max(MAX_REVOKED_SERIALS_PER_KEY).optional(),
});
export type NoticeKey = z.infer<typeof NoticeKeySchema>;

export const NoticeKeysDocumentSchema = z.strictObject({
  format: z.literal(NOTICE_KEYS_FORMAT),
  keys: z.array(NoticeKeySchema).max(MAX_KEYS_PER_DOCUMENT),
});
export type NoticeKeysDocument = z.infer<typeof NoticeKeysDocumentSchema>;
