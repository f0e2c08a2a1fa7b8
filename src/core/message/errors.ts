import { MAX_INPUT_BYTES } from '../limits.js';

/** Raised before any parsing when an input is larger than MAX_INPUT_BYTES. */
export class InputTooLargeError extends Error {
  override readonly name = 'InputTooLargeError';
  readonly limit = MAX_INPUT_BYTES;

  constructor(readonly size: number) {
    super(
      `Input is too large: ${formatMiB(size)} MB, the limit is ${formatMiB(MAX_INPUT_BYTES)} MB. ` +
        'Save one message per file, or split the mailbox first.',
    );
  }
}

/** Raised when a message has nothing a check could read: no text, no subject, no link
 * and no attachment (an empty paste, an email of headers only). Saying "low risk" about
 * nothing would be a false reassurance. */
export class NothingToCheckError extends Error {
  override readonly name = 'NothingToCheckError';

  constructor() {
    super('Nothing to check: the message has no text, no subject, no link and no attachment.');
  }
}

function formatMiB(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

/** UTF-8 length of a string without encoding it, so the size check costs no copy. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Throws InputTooLargeError when `input` is over MAX_INPUT_BYTES (UTF-8 bytes for strings). */
export function assertInputSize(input: string | Uint8Array): void {
  if (typeof input !== 'string') {
    if (input.byteLength > MAX_INPUT_BYTES) throw new InputTooLargeError(input.byteLength);
    return;
  }
  // Every UTF-16 unit is at least one UTF-8 byte and at most three, so most strings are
  // decided by their length alone and only borderline ones are measured.
  if (input.length > MAX_INPUT_BYTES) throw new InputTooLargeError(utf8LengthCapped(input));
  if (input.length * 3 <= MAX_INPUT_BYTES) return;
  const size = utf8Length(input);
  if (size > MAX_INPUT_BYTES) throw new InputTooLargeError(size);
}

// For the error message only; a 1 GB string would otherwise be walked just to print its size.
function utf8LengthCapped(text: string): number {
  return text.length > 4 * MAX_INPUT_BYTES ? text.length : utf8Length(text);
}
