// Telling a pasted or uploaded email (RFC 822 header block) from plain text such as an
// SMS. An SMS often starts like a header ("Amazon: your account is locked"), and a typed
// note of a call can look like one ("Date: 6/10" then "Time: 10:00"), so we want a block
// made only of header lines that has at least two different headers every delivered mail
// carries (From, Date, Subject, Received, ...), or an mbox "From " line before a header.

const SCAN_BYTES = 64 * 1024;
const SCAN_LINES = 200;

const MAIL_HEADERS = new Set([
  'from', 'received', 'return-path', 'subject', 'message-id', 'date', 'mime-version', 'delivered-to',
]);

// field-name = printable US-ASCII except ":" (RFC 5322 3.6.8), then the colon. A colon
// followed by "//" is a URL on a line of its own, not a header.
const HEADER_LINE = /^([\x21-\x39\x3b-\x7e]+)[ \t]*:(?!\/\/)/;

/** Characters read first: the header block of most mail ends within them, and the
 * rest of the window is then neither decoded nor split into lines. */
const FIRST_READ = 4096;

export function looksLikeEmail(input: string | Uint8Array): boolean {
  const length = Math.min(input.length, SCAN_BYTES);
  if (length > FIRST_READ) {
    const early = headerVerdict(windowStart(input, FIRST_READ), false);
    if (early !== undefined) return early;
  }
  return headerVerdict(windowStart(input, length), true) === true;
}

function windowStart(input: string | Uint8Array, length: number): string {
  // Header names are ASCII, so bytes can be read as latin1 without decoding them.
  return typeof input === 'string' ? input.slice(0, length) : latin1(input.subarray(0, length));
}

/**
 * Whether `head`, the first characters of the input, starts with a mail header block.
 * `whole`: `head` is all of the scan window; otherwise it is only its start, whose
 * last line may go on past it, and the answer is undefined when it depends on that
 * line or on what follows.
 */
function headerVerdict(head: string, whole: boolean): boolean | undefined {
  const text = head.replace(/^\ufeff|^\xef\xbb\xbf/, '');
  // The lines of text.split('\n', SCAN_LINES), one at a time: null after the last,
  // undefined for a last line of a partial head.
  let lineStart = 0;
  let linesRead = 0;
  let endReached = false;
  const nextLine = (): string | null | undefined => {
    if (endReached || linesRead === SCAN_LINES) return null;
    linesRead++;
    const lf = text.indexOf('\n', lineStart);
    if (lf < 0) {
      endReached = true;
      return whole ? text.slice(lineStart) : undefined;
    }
    const line = text.slice(lineStart, lf);
    lineStart = lf + 1;
    return line;
  };

  let line = nextLine();
  while (line != null && line.trim() === '') line = nextLine();
  if (line === undefined) return undefined;
  if (line !== null && line.startsWith('From ')) {
    // An mbox separator line, which must be followed by a header.
    const following = nextLine();
    return following === undefined ? undefined : HEADER_LINE.test(following ?? '');
  }
  let headers = 0;
  const known = new Set<string>();
  for (; line !== null; line = nextLine()) {
    if (line === undefined) return undefined;
    const bare = line.replace(/\r$/, '');
    if (bare === '') break;
    if (bare.charCodeAt(0) === 0x20 || bare.charCodeAt(0) === 0x09) {
      if (headers === 0) return false;
      continue;
    }
    const match = HEADER_LINE.exec(bare);
    if (!match) {
      // The scan window can cut the last line short; anything before it must be a header.
      if ((endReached || linesRead === SCAN_LINES) && headers > 0) {
        if (!whole) return undefined;
        if (head.length === SCAN_BYTES) break;
      }
      return false;
    }
    headers++;
    const name = (match[1] ?? '').toLowerCase();
    if (MAIL_HEADERS.has(name)) known.add(name);
  }
  return known.size >= 2;
}

// WHATWG's "latin1" is windows-1252: bytes 0x80–0x9F become other characters, which
// does not matter here, since only ASCII header names are looked at.
const LATIN1 = new TextDecoder('latin1');

function latin1(bytes: Uint8Array): string {
  return LATIN1.decode(bytes);
}
