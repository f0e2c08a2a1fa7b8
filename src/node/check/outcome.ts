import { type CheckInput, type CheckResult, checkInput } from '../../core/check.js';
import { InputTooLargeError } from '../../core/message/errors.js';

/** A result, or a one-line reason why this input could not be checked. */
export type Outcome = { ok: true; result: CheckResult } | { ok: false; id: string; error: string };

export async function checkToOutcome(input: CheckInput): Promise<Outcome> {
  try {
    return { ok: true, result: await checkInput(input) };
  } catch (error) {
    if (error instanceof InputTooLargeError) return { ok: false, id: input.id, error: error.message };
    // Parsers are built never to throw on bad input; reaching here is a bug, but one
    // bad message must not stop a batch of thousands.
    return { ok: false, id: input.id, error: `could not be checked: ${(error as Error).message}` };
  }
}
