import { type CheckInput, type CheckInputOptions, type CheckResult, checkInput } from '../../core/check.js';
import { InputTooLargeError, NothingToCheckError } from '../../core/message/errors.js';
import type { Risk } from '../../core/verdict/types.js';
import type { MailAuthSummary } from '../mail-auth.js';

/** A check result, with the signature checks when they were asked for. */
export type NodeCheckResult = CheckResult & { authentication?: MailAuthSummary };

/** A result, or a one-line reason why this input could not be checked. */
export type Outcome = { ok: true; result: NodeCheckResult } | { ok: false; id: string; error: string };

/** An outcome as a batch hands it on: the result already as its JSON text, made in the
 * thread that checked it (a worker then sends one string, not an object tree to copy and
 * serialize again), with the risk the batch's exit code depends on. */
export type BatchOutcome = { ok: true; id: string; risk: Risk; json: string } | { ok: false; id: string; error: string };

/** Verifies DKIM, DMARC and ARC of an email from its raw bytes. */
export type AuthVerifier = (raw: string | Uint8Array) => Promise<MailAuthSummary>;

export interface CheckOptions extends CheckInputOptions {
  verifyAuth?: AuthVerifier;
}

/**
 * A verifier using the system's DNS. mailauth is loaded here, on demand: most checks
 * never verify signatures, and loading it would slow every command's start.
 */
export async function systemAuthVerifier(): Promise<AuthVerifier> {
  const { systemResolver, verifyMailAuth } = await import('../mail-auth.js');
  const resolver = await systemResolver();
  return (raw) => verifyMailAuth(raw, {}, resolver);
}

export async function checkToOutcome(input: CheckInput, options: CheckOptions = {}): Promise<Outcome> {
  try {
    const result: NodeCheckResult = await checkInput(input, options);
    const raw = 'eml' in input ? input.eml : 'bytes' in input ? input.bytes : null;
    if (options.verifyAuth !== undefined && raw !== null && result.message.channel === 'email') {
      // A saved message carries no SMTP connection, so SPF has no client address to
      // check and reports none; DKIM, DMARC (through DKIM alignment) and ARC need only
      // the message and DNS.
      result.authentication = await options.verifyAuth(raw);
    }
    return { ok: true, result };
  } catch (error) {
    if (error instanceof InputTooLargeError || error instanceof NothingToCheckError) return { ok: false, id: input.id, error: error.message };
    // Parsers are built never to throw on bad input; reaching here is a bug, but one
    // bad message must not stop a batch of thousands.
    return { ok: false, id: input.id, error: `could not be checked: ${(error as Error).message}` };
  }
}

/** Checks inputs one after another; outcomes in input order. */
export async function checkAllForBatch(inputs: CheckInput[], options: CheckOptions = {}): Promise<BatchOutcome[]> {
  const outcomes: BatchOutcome[] = [];
  for (const input of inputs) {
    const outcome = await checkToOutcome(input, options);
    outcomes.push(outcome.ok ? { ok: true, id: outcome.result.id, risk: outcome.result.risk, json: JSON.stringify(outcome.result) } : outcome);
  }
  return outcomes;
}
