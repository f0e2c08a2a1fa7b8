import { type CheckInput, type CheckResult, checkInput } from '../../core/check.js';
import { InputTooLargeError, NothingToCheckError } from '../../core/message/errors.js';
import type { Incident } from '../../core/registry/types.js';
import { type DnsResolver, type MailAuthSummary, verifyMailAuth } from '../mail-auth.js';

/** A check result, with the signature checks when they were asked for. */
export type NodeCheckResult = CheckResult & { authentication?: MailAuthSummary };

/** A result, or a one-line reason why this input could not be checked. */
export type Outcome = { ok: true; result: NodeCheckResult } | { ok: false; id: string; error: string };

export interface CheckOptions {
  /** Verify DKIM, DMARC and ARC of email inputs through this resolver. */
  authResolver?: DnsResolver;
  /** Incidents breach notices are compared with (from the store). */
  incidents?: readonly Incident[];
}

export async function checkToOutcome(input: CheckInput, options: CheckOptions = {}): Promise<Outcome> {
  try {
    const result: NodeCheckResult = await checkInput(input, options.incidents === undefined ? {} : { incidents: options.incidents });
    const raw = 'eml' in input ? input.eml : 'bytes' in input ? input.bytes : null;
    if (options.authResolver !== undefined && raw !== null && result.message.channel === 'email') {
      // A saved message carries no SMTP connection, so SPF has no client address to
      // check and reports none; DKIM, DMARC (through DKIM alignment) and ARC need only
      // the message and DNS.
      result.authentication = await verifyMailAuth(raw, {}, options.authResolver);
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
export async function checkAllToOutcomes(inputs: CheckInput[], options: CheckOptions = {}): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const input of inputs) outcomes.push(await checkToOutcome(input, options));
  return outcomes;
}
