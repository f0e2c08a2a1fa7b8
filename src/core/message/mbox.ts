// Splitting an mbox into messages, fed one line at a time so a Node reader can stream a
// mailbox of any size through it.
//
// Variant: mboxrd reading. A message starts at a "From " line that is the first line of
// the file or follows an empty line (the blank separator line every writer puts before
// it; requiring it keeps an unescaped "From " inside a body from splitting the message).
// Lines matching /^>+From / lose one '>', which undoes mboxrd quoting and also mboxo
// quoting (mboxo cannot tell a quoted "From " from a body line that really began with
// ">From ", so those lose their '>'; no reader can do better for mboxo).
//
// Lines are given without their "\n". A "\r" at the end is kept, so a CRLF mailbox
// yields CRLF messages; the separator checks ignore it. The "From " line itself is
// envelope data, not part of the message, and is dropped.
//
// To feed 8-bit mail (raw Shift_JIS, UTF-8) byte-exactly, decode the file as latin1 and
// turn each message back into bytes the same way before parsing it.

import { MAX_INPUT_BYTES } from '../limits.js';

export interface MboxSplitterOptions {
  /** Characters of one message kept in memory; MAX_INPUT_BYTES unless given. */
  maxMessageSize?: number;
}

const QUOTED_FROM = /^>+From /;

export class MboxSplitter {
  private readonly maxSize: number;
  private lines: string[] = [];
  private size = 0;
  private previousEmpty = true;
  private started = false;

  constructor(options: MboxSplitterOptions = {}) {
    this.maxSize = options.maxMessageSize ?? MAX_INPUT_BYTES;
  }

  /**
   * Feeds one line (without "\n"); returns the previous message when this line starts a
   * new one. Each message ends in "\n". A message larger than `maxMessageSize` stops
   * being stored one line past the limit, so memory stays bounded while the returned
   * text is still longer than the limit: callers see it is too large by its length, and
   * parseEmail rejects it with InputTooLargeError in any case.
   */
  push(line: string): string | null {
    const isEmpty = line === '' || line === '\r';
    const isSeparator = this.previousEmpty && line.startsWith('From ');
    this.previousEmpty = isEmpty;
    if (isSeparator) {
      const done = this.finish();
      this.started = true;
      return done;
    }
    if (!this.started) {
      // Text before the first separator is a message too (a lone .eml given as mbox);
      // blank lines there are not.
      if (isEmpty) return null;
      this.started = true;
    }
    if (this.size <= this.maxSize) {
      this.size += line.length + 1;
      this.lines.push(line.charCodeAt(0) === 0x3e && QUOTED_FROM.test(line) ? line.slice(1) : line);
    }
    return null;
  }

  /** Call after the last line; returns the last message, if any, and resets the splitter. */
  end(): string | null {
    const done = this.finish();
    this.previousEmpty = true;
    return done;
  }

  /** Splits a whole mailbox held in one string (lines separated by "\n"). */
  splitAll(text: string): string[] {
    const messages: string[] = [];
    const lines = text.split('\n');
    // "a\nb\n" splits into a, b and an empty piece that is not a line.
    if (lines[lines.length - 1] === '') lines.pop();
    for (const line of lines) {
      const message = this.push(line);
      if (message !== null) messages.push(message);
    }
    const last = this.end();
    if (last !== null) messages.push(last);
    return messages;
  }

  private finish(): string | null {
    if (!this.started) return null;
    const lines = this.lines;
    // The blank line before the next separator belongs to the mbox, not to the message.
    // (Not taken from a message over the limit, which must stay longer than the limit.)
    const last = lines[lines.length - 1];
    if ((last === '' || last === '\r') && this.size <= this.maxSize) lines.pop();
    this.lines = [];
    this.size = 0;
    this.started = false;
    return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
  }
}

/** Splits a whole mailbox held in memory; see MboxSplitter for the variant read. */
export function splitMbox(text: string): string[] {
  return new MboxSplitter().splitAll(text);
}
