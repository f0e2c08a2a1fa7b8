// Verification against the store, for the CLI and POST /api/verify: a typed short code
// is found by its hash; a QR payload is checked by its signature against the registered
// keys (the same check the browser runs) and the store's revocations. Both end in the
// same plain-words answer (core/notices/answer.ts).
import { describeNotice, invalidFormat, type NoticeVerification } from '../../core/notices/answer.js';
import type { NoticeKey } from '../../core/notices/keys.js';
import { matchPostalCode, normalizePostalCode, type PostalMatch } from '../../core/notices/postal.js';
import { parseShortCode } from '../../core/notices/short-code.js';
import { verifyPayload } from '../../core/notices/verify.js';
import type { Incident } from '../../core/registry/types.js';
import type { Store } from '../store/index.js';
import { findNoticeByCodeHash, listKeys, serialOf } from '../store/notices.js';
import { codeHash, postalCheck } from './code-hash.js';

/** How long registered keys and incidents are reused before being read again: a revoked
 * key or an edited incident shows within this time, and look-ups do not re-read them. */
export const VERIFIER_CACHE_MS = 30_000;

export class VerifyInputError extends Error {
  override name = 'VerifyInputError';
}

export interface VerifyRequest {
  code?: string;
  payload?: string;
  postalCode?: string;
}

export interface NoticeVerifier {
  verify(request: VerifyRequest): Promise<NoticeVerification>;
  /** The registered keys with their revoked serials (GET /api/notice-keys). */
  keys(): Promise<NoticeKey[]>;
}

function cached<T>(load: () => Promise<T>, ms: number, now: () => number): { get(): Promise<T>; clear(): void } {
  let entry: { at: number; value: Promise<T> } | null = null;
  return {
    get() {
      if (entry === null || now() - entry.at > ms) {
        const value = load();
        entry = { at: now(), value };
        value.catch(() => {
          entry = null;
        });
      }
      return entry.value;
    },
    clear() {
      entry = null;
    },
  };
}

/** Says which of code or payload to use, and refuses a postal code that is not one. */
export function checkVerifyRequest(request: VerifyRequest): void {
  if ((request.code === undefined) === (request.payload === undefined)) throw new VerifyInputError('give either a code or a payload');
  if (request.postalCode !== undefined && normalizePostalCode(request.postalCode) === undefined) {
    throw new VerifyInputError('the postal code must be 7 digits, like 530-0001');
  }
}

export function createNoticeVerifier(store: Store, options: { cacheMs?: number; now?: () => number } = {}): NoticeVerifier {
  const ms = options.cacheMs ?? VERIFIER_CACHE_MS;
  const now = options.now ?? Date.now;
  const keys = cached(() => listKeys(store.db), ms, now);
  const incidents = new Map<string, { get(): Promise<Incident | undefined> }>();
  const incident = (id: string): Promise<Incident | undefined> => {
    let entry = incidents.get(id);
    if (entry === undefined) {
      entry = cached(() => store.getIncident(id), ms, now);
      incidents.set(id, entry);
    }
    return entry.get();
  };

  async function byPayload(payload: string, postalCode: string | undefined): Promise<NoticeVerification> {
    const check = await verifyPayload(payload, await keys.get());
    if (check.status === 'invalid-format') return invalidFormat('payload', check.problem);
    const { statement } = check;
    const key = 'key' in check ? check.key : undefined;
    return describeNotice({
      status: check.status,
      checkedBy: 'payload',
      statement,
      ...(key === undefined ? {} : { key }),
      ...(check.status === 'unknown' ? {} : { incident: await incident(statement.incidentId) }),
      postalCode: check.status === 'genuine' ? await matchPostalCode(statement.postal, postalCode) : 'not-asked',
    });
  }

  async function byCode(code: string, postalCode: string | undefined): Promise<NoticeVerification> {
    const parsed = parseShortCode(code);
    if (!parsed.ok) return invalidFormat('code', parsed.problem);
    const found = await findNoticeByCodeHash(store.db, codeHash(parsed.bytes));
    if (found === undefined) return describeNotice({ status: 'unknown', checkedBy: 'code', postalCode: 'not-asked' });
    const { run, key } = found;
    const status = key.status === 'revoked' ? 'key-revoked' : found.revokedOn !== null ? 'revoked' : 'genuine';
    let postal: PostalMatch = 'not-asked';
    if (postalCode !== undefined && status === 'genuine') {
      const digits = normalizePostalCode(postalCode);
      postal = found.postalCheck === null ? 'not-on-notice' : digits !== undefined && postalCheck(parsed.bytes, digits) === found.postalCheck ? 'match' : 'mismatch';
    }
    return describeNotice({
      status,
      checkedBy: 'code',
      statement: {
        keyId: key.keyId,
        incidentId: run.incidentId,
        organizationId: run.organizationId,
        serial: serialOf(run.runId, found.row),
        issued: run.issued,
        channel: run.channel,
      },
      key,
      incident: await incident(run.incidentId),
      postalCode: postal,
    });
  }

  return {
    async verify(request) {
      checkVerifyRequest(request);
      return request.payload !== undefined ? byPayload(request.payload, request.postalCode) : byCode(request.code!, request.postalCode);
    },
    keys: () => keys.get(),
  };
}
