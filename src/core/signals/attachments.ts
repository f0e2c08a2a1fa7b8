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

// "password" / "パスワード" / "解凍" / "PW" near a value. One alternation of literals:
// linear.
const PASSWORD_IN_TEXT = /パスワード|暗証|解凍|password|passcode|\bpw\b|\bpass\b/i;

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
