// Evidence from attachments: files that run code, hide what they are, or come locked
// with the password written in the same message (so no scanner could look inside).
import type { AttachmentFlag } from '../message/types.js';
import type { Finding, SignalContext } from './types.js';

const CODES: Partial<Record<AttachmentFlag, string>> = {
  executable: 'attachment.executable',
  script: 'attachment.script',
  shortcut: 'attachment.shortcut',
  'disk-image': 'attachment.disk-image',
  html: 'attachment.html',
  'macro-office': 'attachment.macro',
};

// "パスワード：x7Kq2" / "password: x7Kq2" — a password word, a separator, then a value of
// four or more printable ASCII characters. The word is a literal alternation and the
// separator and value are single classes one after the other: linear.
const PASSWORD_IN_TEXT = /(?:パスワード|暗証番号|解凍キー|password|passcode|\bpw)\s{0,3}(?:は|:|：|=)\s{0,3}[!-~]{4}/i;

export function attachmentFindings({ message }: SignalContext): Finding[] {
  const findings: Finding[] = [];
  for (const attachment of message.attachments) {
    const name = attachment.name ?? attachment.mediaType;
    for (const flag of attachment.flags) {
      const code = CODES[flag];
      if (code !== undefined) findings.push({ code, evidence: name });
    }
    if (attachment.flags.includes('encrypted-archive') && PASSWORD_IN_TEXT.test(message.text)) {
      findings.push({ code: 'attachment.locked-with-password-in-body', evidence: name });
    }
  }
  return findings;
}
