// What the text model reads from a parsed Message. Recipients (Message.recipients) and
// headers are never read: only subject, sender name and domain, the body text, links
// and attachment flags.
import type { Message } from '../message/types.js';
import type { ModelInput } from './features.js';

export function modelInputFromMessage(message: Message): ModelInput {
  return {
    channel: message.channel,
    subject: message.subject,
    fromName: message.from?.name ?? null,
    fromDomain: message.from?.domain ?? null,
    text: message.text,
    htmlText: message.htmlText,
    links: message.links.map((link) => ({ href: link.href, text: link.text })),
    attachments: message.attachments.map((attachment) => ({ flags: attachment.flags })),
  };
}
