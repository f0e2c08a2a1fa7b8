import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { MAX_INPUT_BYTES } from '../../core/limits.js';

/** An input that cannot be read as asked: the CLI prints `message` and exits 2. */
export class InputError extends Error {
  override name = 'InputError';
}

export function tooLargeMessage(what: string, bytes: number | null): string {
  const size = bytes === null ? 'more than' : `${(bytes / 1024 / 1024).toFixed(1)} MB, over`;
  return `${what} is too large (${size} the ${MAX_INPUT_BYTES / 1024 / 1024} MB limit for one input)`;
}

/** Reads a whole file, refusing before reading when it is over the size limit. */
export async function readFileLimited(path: string): Promise<Uint8Array> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new InputError(`${path} is a folder, not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (size > MAX_INPUT_BYTES) throw new InputError(tooLargeMessage(path, size));
  return readStreamLimited(createReadStream(path), path);
}

/** Reads a stream (stdin, a pipe) up to the size limit, stopping as soon as it is crossed. */
export async function readStreamLimited(stream: Readable, what: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      total += buffer.length;
      if (total > MAX_INPUT_BYTES) {
        stream.destroy();
        throw new InputError(tooLargeMessage(what, null));
      }
      chunks.push(buffer);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read ${what}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return Buffer.concat(chunks, total);
}

export interface Line {
  /** 1-based line number. */
  number: number;
  /** The line's bytes without the newline (and without a trailing CR); null when the
   * line was longer than the limit and was skipped without being buffered. */
  bytes: Buffer | null;
}

/**
 * Splits a byte stream into lines in constant memory: a line longer than `maxBytes`
 * is not buffered, only reported (bytes null), so one giant line cannot exhaust memory.
 * Bytes, not strings: mbox files carry 8-bit Shift_JIS and must reach the mail
 * parser unchanged.
 */
export async function* readLines(stream: Readable, maxBytes: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let length = 0;
  let overflow = false;
  let number = 0;
  const finish = (): Line => {
    number++;
    if (overflow) return { number, bytes: null };
    let bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, length);
    if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
    return { number, bytes };
  };
  for await (const chunk of stream) {
    const buffer = chunk as Buffer;
    let from = 0;
    for (;;) {
      const newline = buffer.indexOf(0x0a, from);
      const end = newline === -1 ? buffer.length : newline;
      if (!overflow) {
        length += end - from;
        if (length > maxBytes) {
          overflow = true;
          parts = [];
        } else if (end > from) {
          parts.push(buffer.subarray(from, end));
        }
      }
      if (newline === -1) break;
      yield finish();
      parts = [];
      length = 0;
      overflow = false;
      from = newline + 1;
    }
  }
  if (length > 0 || overflow) yield finish();
}
