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

export function looksLikeEmail(input: string | Uint8Array): boolean {
  // Header names are ASCII, so bytes can be read as latin1 without decoding them.
  const head = typeof input === 'string' ? input.slice(0, SCAN_BYTES) : latin1(input.subarray(0, SCAN_BYTES));
  const lines = head.replace(/^\ufeff|^\xef\xbb\xbf/, '').split('\n', SCAN_LINES);
  let i = 0;
  while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
  if (i < lines.length && (lines[i] ?? '').startsWith('From ')) {
    // An mbox separator line, which must be followed by a header.
    return HEADER_LINE.test(lines[i + 1] ?? '');
  }
  let headers = 0;
  const known = new Set<string>();
  for (; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/\r$/, '');
    if (line === '') break;
    if (line.charCodeAt(0) === 0x20 || line.charCodeAt(0) === 0x09) {
      if (headers === 0) return false;
      continue;
    }
    const match = HEADER_LINE.exec(line);
    if (!match) {
      // The scan window can cut the last line short; anything before it must be a header.
      if (i === lines.length - 1 && headers > 0 && head.length === SCAN_BYTES) break;
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
