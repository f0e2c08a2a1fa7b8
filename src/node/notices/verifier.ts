// Verification against the store, for the CLI and POST /api/verify: a typed short code
// is found by its hash; a QR payload is checked by its signature against the registered
// keys (the same check the browser runs) and the store's revocations. Both end in the
// same plain-words answer (core/notices/answer.ts).
import { answerPayloadCheck, describeNotice, invalidFormat, type NoticeVerification } from '../../core/notices/answer.js';
import type { NoticeKey } from '../../core/notices/keys.js';
import { normalizePostalCode, type PostalMatch } from '../../core/notices/postal.js';
import { parseShortCode } from '../../core/notices/short-code.js';
import { verifyPayload } from '../../core/notices/verify.js';
import type { NoticeCodeVerifier } from '../../core/notices/in-message.js';
import type { Incident } from '../../core/registry/types.js';
import type { Store } from '../store/index.js';
import type { LookupCounter } from './lookup-counter.js';
import { createNoticeFinder, getRun, listKeys, type NoticeRun, revokedOn, serialOf } from '../store/notices.js';
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

export interface VerifyOutcome {
  result: NoticeVerification;
  /** `result` as JSON in UTF-8: the body of POST /api/verify's answer. */
  json(): Uint8Array<ArrayBuffer>;
  /** The client's code look-ups in the window, this one included, when counted. */
  lookups?: number;
}

function outcome(result: NoticeVerification, json: () => Uint8Array<ArrayBuffer>, lookups: number | undefined): VerifyOutcome {
  return { result, json, ...(lookups === undefined ? {} : { lookups }) };
}

function serialized(result: NoticeVerification): VerifyOutcome {
  return outcome(result, () => Buffer.from(JSON.stringify(result)), undefined);
}

/**
 * The answer to a code is the same for every notice of a run but for the serial, given
 * the key and the incident as read, the status and the postal match. It is built and
 * serialized once, and each look-up splices its serial into the JSON: building and
 * serializing the ~3 KB answer for every look-up took a quarter of the server's CPU time
 * per look-up (same-time A/B on this 2-core machine: 120 -> 90 µs).
 */
interface RunAnswer {
  key: NoticeKey;
  incident: Incident | undefined;
  /** With an empty serial. */
  result: NoticeVerification;
  /** The JSON up to the serial's value, and from after it. */
  before: Buffer;
  after: Buffer;
}

/** The first "serial" key in the JSON is the notice's (the notice comes before any other
 * object in the answer), and no string value holds an unescaped quote. */
const EMPTY_SERIAL = '"serial":""';

function runAnswer(key: NoticeKey, incident: Incident | undefined, result: NoticeVerification): RunAnswer {
  const text = JSON.stringify(result);
  const at = text.indexOf(EMPTY_SERIAL) + EMPTY_SERIAL.length - 1;
  return { key, incident, result, before: Buffer.from(text.slice(0, at)), after: Buffer.from(text.slice(at)) };
}

function withSerial(answer: RunAnswer, serial: string, lookups: number | undefined): VerifyOutcome {
  const result = { ...answer.result, notice: { ...answer.result.notice!, serial } };
  return outcome(result, () => Buffer.concat([answer.before, Buffer.from(JSON.stringify(serial).slice(1, -1)), answer.after]), lookups);
}

/** Run answers kept (one per run, status and postal match): a server that answers for
 * more runs than this rebuilds the least recently built, so the cache cannot grow with the
 * number of runs ever issued. */
const MAX_RUN_ANSWERS = 1_000;

/** The answer to every code not on record. */
const UNKNOWN_CODE = describeNotice({ status: 'unknown', checkedBy: 'code', postalCode: 'not-asked' });
const UNKNOWN_CODE_JSON = Buffer.from(JSON.stringify(UNKNOWN_CODE));

export interface NoticeVerifier {
  /** `countLookup` counts a typed code's look-up and returns the client's count so far
   * (the limit of POST /api/verify); it is called only for a code that reaches the store. */
  verify(request: VerifyRequest, countLookup?: () => number): Promise<VerifyOutcome>;
  /** The registered keys with their revoked serials (GET /api/notice-keys). */
  keys(): Promise<NoticeKey[]>;
  /** Reads the keys again on next use: this process registered or revoked something. */
  forgetKeys(): void;
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
    let check = await verifyPayload(payload, await keys.get());
    // The keys document lists withdrawn notices up to a bound and may be a few seconds
    // old; the store has them all, now.
    if (check.status === 'genuine' && (await revokedOn(store.db, check.statement.serial)) !== undefined) check = { ...check, status: 'revoked' };
    // Only a statement whose signature verified names an incident worth reading (and
    // caching): a forged one could name any id, a new one each time.
    const named = check.status === 'genuine' || check.status === 'revoked' || check.status === 'key-revoked' ? await incident(check.statement.incidentId) : undefined;
    return answerPayloadCheck(check, named, postalCode);
  }

  // A run's statement fields never change once it started: kept for the process's life.
  const runs = new Map<string, Promise<NoticeRun | undefined>>();
  const run = (runId: string): Promise<NoticeRun | undefined> => {
    let found = runs.get(runId);
    if (found === undefined) {
      found = getRun(store.db, runId);
      runs.set(runId, found);
      found.then((r) => r === undefined && runs.delete(runId)).catch(() => runs.delete(runId));
    }
    return found;
  };
  const keyById = async (keyId: string): Promise<NoticeKey | undefined> => {
    const found = (await keys.get()).find((k) => k.keyId === keyId);
    if (found !== undefined) return found;
    keys.clear(); // registered since the list was read
    return (await keys.get()).find((k) => k.keyId === keyId);
  };

  const findNotice = createNoticeFinder(store);
  // By run, status and postal match; built again when the key or the incident was read again.
  const runAnswers = new Map<string, RunAnswer>();

  async function byCode(code: string, postalCode: string | undefined, countLookup: (() => number) | undefined): Promise<VerifyOutcome> {
    const parsed = parseShortCode(code);
    if (!parsed.ok) return serialized(invalidFormat('code', parsed.problem));
    const lookups = countLookup?.();
    const found = await findNotice(codeHash(parsed.bytes));
    const issued = found === undefined ? undefined : await run(found.runId);
    const key = issued === undefined ? undefined : await keyById(issued.keyId);
    if (found === undefined || issued === undefined || key === undefined) {
      return outcome(UNKNOWN_CODE, () => UNKNOWN_CODE_JSON, lookups);
    }
    const status = key.status === 'revoked' ? 'key-revoked' : found.revokedOn !== null ? 'revoked' : 'genuine';
    let postal: PostalMatch = 'not-asked';
    if (postalCode !== undefined && status === 'genuine') {
      const digits = normalizePostalCode(postalCode);
      postal = found.postalCheck === null ? 'not-on-notice' : digits !== undefined && postalCheck(parsed.bytes, digits) === found.postalCheck ? 'match' : 'mismatch';
    }
    const named = await incident(issued.incidentId);
    const answerKey = `${issued.runId} ${status} ${postal}`;
    let answer = runAnswers.get(answerKey);
    if (answer === undefined || answer.key !== key || answer.incident !== named) {
      const result = describeNotice({
        status,
        checkedBy: 'code',
        statement: {
          keyId: key.keyId,
          incidentId: issued.incidentId,
          organizationId: issued.organizationId,
          serial: '',
          issued: issued.issued,
          channel: issued.channel,
        },
        key,
        incident: named,
        postalCode: postal,
      });
      answer = runAnswer(key, named, result);
      runAnswers.delete(answerKey);
      if (runAnswers.size >= MAX_RUN_ANSWERS) runAnswers.delete(runAnswers.keys().next().value!);
      runAnswers.set(answerKey, answer);
    }
    return withSerial(answer, serialOf(issued.runId, found.row), lookups);
  }

  return {
    async verify(request, countLookup) {
      checkVerifyRequest(request);
      return request.payload !== undefined ? serialized(await byPayload(request.payload, request.postalCode)) : byCode(request.code!, request.postalCode, countLookup);
    },
    keys: () => keys.get(),
    forgetKeys: () => keys.clear(),
  };
}

/**
 * The verifier of POST /api/check: the server's store, each code counted against the
 * client's look-ups like POST /api/verify's (one count shared by both routes), so the
 * check cannot be used to guess codes. Over the limit a code is left unchecked.
 */
export function countedCodeVerifier(verifier: NoticeVerifier, counter: LookupCounter, perWindow: number, client: string): NoticeCodeVerifier {
  return async (found) => {
    const { result, lookups } = await verifier.verify('code' in found ? { code: found.code } : { payload: found.payload }, () => counter.count(client));
    if (lookups !== undefined && lookups > perWindow) return { status: 'unchecked', organizationId: null, incidentId: null };
    return { status: result.status, organizationId: result.organization?.id ?? null, incidentId: result.notice?.incidentId ?? null };
  };
}
