// Where batch inputs come from: files (single messages or mbox), standard input, and
// JSON Lines. Every source streams: an mbox or JSONL file of any size is read line by
// line, and only one message at a time (plus the pool's window) is held in memory.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { ChannelHint } from '../../core/check.js';
import { MAX_INPUT_BYTES } from '../../core/limits.js';
import { MboxSplitter } from '../../core/message/mbox.js';
import { CHANNELS, type Channel } from '../../core/message/types.js';
import { InputError, readFileLimited, readLines, readStreamLimited, tooLargeMessage } from '../input/read.js';
import type { BatchItem } from './batch.js';

/** A JSON Lines line holds one message, JSON-escaped: allow for escaping overhead
 * (\uXXXX turns one byte into six in the worst case, but real mail is mostly ASCII). */
const MAX_JSONL_LINE_BYTES = MAX_INPUT_BYTES * 2;

const MBOX_START = Buffer.from('From ');

export async function* fileItems(
  paths: string[],
  stdin: Readable,
  channel: ChannelHint,
  onBytes: (n: number) => void,
): AsyncGenerator<BatchItem> {
  for (const path of paths) {
    try {
      if (path === '-') {
        const bytes = await readStreamLimited(stdin, 'standard input');
        onBytes(bytes.length);
        yield* bytesOrMbox(bytes, 'stdin', channel);
      } else if (await startsWithMbox(path)) {
        yield* mboxItems(createReadStream(path), path, channel, onBytes);
      } else {
        const bytes = await readFileLimited(path);
        onBytes(bytes.length);
        yield { id: path, bytes, channel };
      }
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      // One unreadable file among many must not stop the others; with one file the
      // CLI reports it the same way and exits 2.
      yield { id: path, unreadable: error.message };
    }
  }
}

async function startsWithMbox(path: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    const head = Buffer.alloc(MBOX_START.length);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return bytesRead === head.length && head.equals(MBOX_START);
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  } finally {
    await handle.close();
  }
}

async function* bytesOrMbox(bytes: Uint8Array, id: string, channel: ChannelHint): AsyncGenerator<BatchItem> {
  if (!Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 5)).equals(MBOX_START)) {
    yield { id, bytes, channel };
    return;
  }
  const splitter = new MboxSplitter();
  let n = 0;
  for (const message of splitter.splitAll(Buffer.from(bytes).toString('latin1'))) {
    yield { id: `${id}#${++n}`, eml: Buffer.from(message, 'latin1'), channel };
  }
}

async function* mboxItems(
  stream: Readable,
  path: string,
  channel: ChannelHint,
  onBytes: (n: number) => void,
): AsyncGenerator<BatchItem> {
  const splitter = new MboxSplitter();
  let n = 0;
  const item = (message: string): BatchItem => {
    n++;
    const id = `${path}#${n}`;
    return message.length > MAX_INPUT_BYTES
      ? { id, unreadable: tooLargeMessage('this message', message.length) }
      : { id, eml: Buffer.from(message, 'latin1'), channel };
  };
  try {
    for await (const line of readLines(stream, MAX_INPUT_BYTES)) {
      onBytes((line.bytes?.length ?? MAX_INPUT_BYTES) + 1);
      // Mail is 8-bit (Shift_JIS, raw UTF-8): latin1 maps each byte to one character
      // and back, so the mail parser later sees the exact bytes.
      const message = splitter.push(line.bytes === null ? '' : line.bytes.toString('latin1'));
      if (message !== null) yield item(message);
    }
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const last = splitter.end();
  if (last !== null) yield item(last);
}

const CHANNEL_NAMES: readonly string[] = CHANNELS;

/** Parses one JSON Lines line into an input, or says why it cannot be one. */
function jsonlItem(bytes: Buffer | null, number: number, channel: ChannelHint): BatchItem | null {
  const fallbackId = `line ${number}`;
  if (bytes === null) return { id: fallbackId, unreadable: `line is longer than ${MAX_JSONL_LINE_BYTES} bytes` };
  const text = bytes.toString('utf8');
  if (text.trim() === '') return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { id: fallbackId, unreadable: `not valid JSON: ${(error as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { id: fallbackId, unreadable: 'a line must be a JSON object with "text" or "eml"' };
  }
  const record = value as Record<string, unknown>;
  const id = typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : fallbackId;
  let lineChannel: ChannelHint = channel;
  if (record.channel !== undefined) {
    if (typeof record.channel !== 'string' || !CHANNEL_NAMES.includes(record.channel)) {
      return { id, unreadable: `"channel" must be one of ${CHANNELS.join(', ')}` };
    }
    lineChannel = record.channel as Channel;
  }
  if (typeof record.text === 'string') return { id, text: record.text, channel: lineChannel };
  if (typeof record.eml === 'string') return { id, eml: record.eml, channel: lineChannel };
  return { id, unreadable: 'a line must have a "text" or "eml" string' };
}

export async function* jsonlItems(
  stream: Readable,
  name: string,
  channel: ChannelHint,
  onBytes: (n: number) => void,
): AsyncGenerator<BatchItem> {
  try {
    for await (const line of readLines(stream, MAX_JSONL_LINE_BYTES)) {
      onBytes((line.bytes?.length ?? MAX_JSONL_LINE_BYTES) + 1);
      const item = jsonlItem(line.bytes, line.number, channel);
      if (item !== null) yield item;
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read ${name}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
