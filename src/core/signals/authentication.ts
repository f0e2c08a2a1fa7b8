// What the receiving mail server recorded about the sender's authentication, read the
// way every evidence module must read it: only the topmost results count.
import type { AuthResult, Message } from '../message/types.js';
import { registrable } from './domains.js';

/** Results written by the server that received the message: the topmost
 * Authentication-Results header. Headers further down can be forged by the sender. */
export function receivingServerResults(message: Message): AuthResult[] {
  const first = message.authResults[0];
  return first === undefined ? [] : message.authResults.filter((r) => r.authservId === first.authservId);
}

/** Whether the receiving server vouched for the From domain: DMARC pass, or a DKIM
 * signature of that domain that verified. */
export function authenticated(results: AuthResult[], fromDomain: string): boolean {
  return results.some(
    (r) =>
      (r.method === 'dmarc' && r.result === 'pass') ||
      (r.method === 'dkim' && r.result === 'pass' && registrable(r.properties['header.d'] ?? null) === fromDomain),
  );
}
