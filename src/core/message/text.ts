// Messages that are only text: SMS, a letter or postcard typed in, notes from a call.

import { assertInputSize } from './errors.js';
import type { Channel, Message } from './types.js';

/** A message with nothing in it; parsers fill in what they find. */
export function emptyMessage(channel: Channel): Message {
  return {
    channel,
    from: null,
    replyTo: [],
    returnPath: null,
    recipients: { neverEvidence: true, value: { to: [], cc: [], deliveredTo: [] } },
    subject: null,
    date: null,
    text: '',
    htmlText: null,
    links: [],
    attachments: [],
    authResults: [],
    headers: [],
    skipped: [],
  };
}

/** The text as received, in the Message shape. Throws InputTooLargeError over MAX_INPUT_BYTES. */
export function messageFromText(text: string, channel: Channel): Message {
  assertInputSize(text);
  return { ...emptyMessage(channel), text };
}
