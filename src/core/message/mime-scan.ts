// A cheap pass over the raw message, before postal-mime sees it, that enforces the
// limits postal-mime does not have or enforces by throwing:
//
// - postal-mime rejects the whole message when multipart nesting passes its depth limit.
//   We want the parts above the limit, so a multipart part at MAX_MIME_DEPTH gets a
//   Content-Type header inserted in front of its own (postal-mime takes the first one),
//   which turns it into an opaque leaf the caller drops.
// - postal-mime has no limit on the number of parts (300,000 parts: 9 s, 480 MB). The
//   message is cut at the boundary line that would open part MAX_MIME_PARTS + 1, and in
//   any case after MAX_BOUNDARY_LINES lines starting with "--", which needs no parsing.
// - A top-level header field longer than MAX_HEADER_FIELD_BYTES is cut there (postal-mime's
//   address parser needs 7 s for a 2 MB To: made of colons).
//
// The scan tracks boundaries the way postal-mime does (mime-node.ts, postal-mime.ts in
// postal-mime 4.0.0): lines split at LF with trailing CRs dropped, boundaries matched
// innermost first, a boundary registered when its part's header block ends, the first
// Content-Type header of a part deciding its type.

import { MAX_BOUNDARY_LINES, MAX_HEADER_FIELD_BYTES, MAX_MIME_DEPTH, MAX_MIME_PARTS } from '../limits.js';
import type { Skipped } from './types.js';

export interface ScanResult {
  bytes: Uint8Array;
  skipped: Skipped[];
}

interface Boundary {
  value: Uint8Array;
  /** Depth of the multipart part that declared it (the root is 0). */
  depth: number;
}

/** Bytes [from, to) of the input are replaced by `insert`. */
interface Edit {
  from: number;
  to: number;
  insert: Uint8Array;
}

const encoder = new TextEncoder();
const headerDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
const CONTENT_TYPE = encoder.encode('content-type');
const CRLF = encoder.encode('\r\n');

/** `leafHeader` is inserted in front of the headers of parts that nest too deep. */
export function scanMime(input: Uint8Array, leafHeader: string): ScanResult {
  const leaf = encoder.encode(leafHeader);
  const stack: Boundary[] = [];
  const edits: Edit[] = [];
  const longFields: string[] = [];
  // The top-level header field being read: where it starts and where its last line ends.
  let fieldStart = -1;
  let fieldEnd = 0;
  let depth = 0;
  let inHeader = true;
  let headerStart = 0;
  let contentType: string[] | null = null;
  let collecting = false;
  let headerLines = 0;
  let parts = 0;
  let dashLines = 0;
  let deepParts = 0;
  let cut = -1;
  let cutByLines = false;
  let partsAfterCut = 0;

  const endOfField = (): void => {
    if (fieldStart >= 0 && fieldEnd - fieldStart > MAX_HEADER_FIELD_BYTES) {
      let keep = fieldStart + MAX_HEADER_FIELD_BYTES;
      // A kept line break would end the header block early.
      while (keep > fieldStart && (input[keep - 1] === 0x0a || input[keep - 1] === 0x0d)) keep--;
      edits.push({ from: keep, to: fieldEnd, insert: CRLF });
      longFields.push(fieldName(input, fieldStart));
    }
    fieldStart = -1;
  };

  const endOfHeader = (): void => {
    if (depth === 0) endOfField();
    if (contentType === null) return;
    const boundary = multipartBoundary(contentType.join(''));
    if (boundary === null) return;
    if (depth >= MAX_MIME_DEPTH) {
      edits.push({ from: headerStart, to: headerStart, insert: leaf });
      deepParts++;
    } else {
      stack.push({ value: encoder.encode(boundary), depth });
    }
  };

  const n = input.length;
  let pos = 0;
  while (pos < n) {
    if (!(cut < 0 && inHeader) && !(input[pos] === 0x2d && input[pos + 1] === 0x2d)) {
      // Outside a header block only lines starting with "--" are read.
      pos = nextDashLine(input, pos);
      continue;
    }
    const lf = input.indexOf(0x0a, pos);
    const next = lf < 0 ? n : lf + 1;
    let end = lf < 0 ? n : lf;
    while (end > pos && input[end - 1] === 0x0d) end--;

    if (end - pos > 2 && input[pos] === 0x2d && input[pos + 1] === 0x2d) {
      if (++dashLines > MAX_BOUNDARY_LINES && cut < 0) {
        cut = pos;
        cutByLines = true;
      }
      const match = matchBoundary(input, pos, end, stack);
      if (match !== null) {
        if (cut >= 0) {
          if (!match.terminator) partsAfterCut++;
        } else if (match.terminator) {
          stack.length = match.index;
          inHeader = false;
        } else if (++parts > MAX_MIME_PARTS) {
          cut = pos;
          partsAfterCut = 1;
        } else {
          stack.length = match.index + 1;
          depth = (stack[match.index]?.depth ?? 0) + 1;
          inHeader = true;
          headerStart = next;
          contentType = null;
          collecting = false;
          headerLines = 0;
        }
        pos = next;
        continue;
      }
    }

    if (cut < 0 && inHeader) {
      if (end === pos) {
        endOfHeader();
        inHeader = false;
      } else if ((input[pos] === 0x20 || input[pos] === 0x09) && headerLines > 0) {
        // A folded continuation; a part's first line cannot continue anything, and
        // postal-mime reads it as a header of its own.
        if (collecting) contentType?.push(headerDecoder.decode(input.subarray(pos, end)));
      } else {
        collecting = contentType === null && isContentTypeLine(input, pos, end);
        if (collecting) contentType = [headerDecoder.decode(input.subarray(pos, end))];
        if (depth === 0) {
          endOfField();
          fieldStart = pos;
        }
      }
      if (depth === 0) fieldEnd = next;
      headerLines++;
    }
    pos = next;
  }
  if (depth === 0 && inHeader) endOfField();

  const skipped: Skipped[] = [];
  for (const name of longFields) {
    skipped.push({
      limit: 'MAX_HEADER_FIELD_BYTES',
      detail: `the ${name} header was cut at ${MAX_HEADER_FIELD_BYTES} bytes`,
    });
  }
  if (deepParts > 0) {
    skipped.push({
      limit: 'MAX_MIME_DEPTH',
      detail: `${deepParts} multipart part(s) nested more than ${MAX_MIME_DEPTH} levels deep were not parsed`,
    });
  }
  if (cut >= 0 && cutByLines) {
    skipped.push({
      limit: 'MAX_BOUNDARY_LINES',
      detail: `the message after its first ${MAX_BOUNDARY_LINES} lines starting with "--" was not parsed`,
    });
  } else if (cut >= 0) {
    skipped.push({
      limit: 'MAX_MIME_PARTS',
      detail: `MIME parts after the first ${MAX_MIME_PARTS} were not parsed (${partsAfterCut} more)`,
    });
  }
  if (edits.length === 0 && cut < 0) return { bytes: input, skipped };
  return { bytes: applyEdits(input, edits, cut < 0 ? n : cut), skipped };
}

/** Start of the first line after the one at `from` that begins with "--", or the end
 * of the input: found from dash to dash, where going line by line read every line. */
function nextDashLine(input: Uint8Array, from: number): number {
  for (let dash = input.indexOf(0x2d, from); dash >= 0; dash = input.indexOf(0x2d, dash + 1)) {
    if (dash > from && input[dash - 1] === 0x0a && input[dash + 1] === 0x2d) return dash;
  }
  return input.length;
}

// Edits are in input order and do not overlap (they are made in one forward pass).
function applyEdits(input: Uint8Array, edits: Edit[], stop: number): Uint8Array {
  let size = stop;
  for (const edit of edits) size += edit.insert.length - (edit.to - edit.from);
  const output = new Uint8Array(size);
  let from = 0;
  let at = 0;
  for (const edit of edits) {
    output.set(input.subarray(from, edit.from), at);
    at += edit.from - from;
    output.set(edit.insert, at);
    at += edit.insert.length;
    from = edit.to;
  }
  output.set(input.subarray(from, stop), at);
  return output;
}

// The name of the header field starting at `start`, for messages.
function fieldName(input: Uint8Array, start: number): string {
  const colon = input.indexOf(0x3a, start);
  const end = colon < 0 ? start + 40 : Math.min(colon, start + 40);
  return String.fromCharCode(...input.subarray(start, end)).trim();
}

function matchBoundary(
  line: Uint8Array,
  start: number,
  end: number,
  stack: Boundary[],
): { index: number; terminator: boolean } | null {
  for (let i = stack.length - 1; i >= 0; i--) {
    const value = stack[i]?.value;
    if (!value || end - start < value.length + 2) continue;
    let matches = true;
    for (let j = 0; j < value.length; j++) {
      if (line[start + 2 + j] !== value[j]) {
        matches = false;
        break;
      }
    }
    if (!matches) continue;
    let rest = start + 2 + value.length;
    const terminator = end - rest >= 2 && line[rest] === 0x2d && line[rest + 1] === 0x2d;
    if (terminator) rest += 2;
    let trailingOk = true;
    for (let j = rest; j < end; j++) {
      if (line[j] !== 0x20 && line[j] !== 0x09) {
        trailingOk = false;
        break;
      }
    }
    if (trailingOk) return { index: i, terminator };
  }
  return null;
}

// Optional blanks, "Content-Type" in any case, optional blanks and a colon.
function isContentTypeLine(line: Uint8Array, from: number, end: number): boolean {
  let start = from;
  while (start < end && (line[start] === 0x20 || line[start] === 0x09)) start++;
  if (end - start <= CONTENT_TYPE.length) return false;
  for (let i = 0; i < CONTENT_TYPE.length; i++) {
    const c = line[start + i] ?? 0;
    if ((c >= 0x41 && c <= 0x5a ? c + 0x20 : c) !== CONTENT_TYPE[i]) return false;
  }
  let i = start + CONTENT_TYPE.length;
  while (i < end && (line[i] === 0x20 || line[i] === 0x09)) i++;
  return line[i] === 0x3a;
}

// A Content-Type whose line has no "multipart", no comment and no quote cannot name a
// multipart type (postal-mime reads multi(x)part/mixed, and a quoted multi\part/mixed,
// as multipart): most part headers are answered without being parsed.
const MAYBE_MULTIPART = /multipart|[("]/i;

/** The boundary of a multipart Content-Type header line (folded lines joined), or null. */
function multipartBoundary(headerLine: string): string | null {
  if (!MAYBE_MULTIPART.test(headerLine)) return null;
  const value = headerLine.slice(headerLine.indexOf(':') + 1).replace(/[\r\n]+/g, ' ');
  const { type, params } = parseStructuredHeader(stripComments(value));
  if (!type.startsWith('multipart/')) return null;
  const boundary = params.get('boundary');
  return boundary ? boundary : null;
}

// Ported from postal-mime's MimeNode.stripComments so both read a header the same way:
// a "(" inside a parameter value opens a comment only after whitespace, and an
// unbalanced "(" followed by more parameters is kept as text.
function stripComments(str: string): string {
  const out: string[] = [];
  let depth = 0;
  let escaped = false;
  let inQuote = false;
  let commentStart = -1;
  let inParameterValue = false;
  let endsWithWsp = false;
  const append = (c: string): void => {
    out.push(c);
    endsWithWsp = c === ' ' || c === '\t';
  };
  for (let i = 0; i < str.length; i++) {
    const chr = str.charAt(i);
    if (escaped) {
      if (depth === 0) append(chr);
      escaped = false;
      continue;
    }
    if (chr === '\\') {
      escaped = true;
      if (depth === 0) append(chr);
      continue;
    }
    if (chr === '"' && depth === 0) {
      inQuote = !inQuote;
      append(chr);
      continue;
    }
    if (!inQuote) {
      if (chr === '(' && (!inParameterValue || out.length === 0 || endsWithWsp)) {
        if (depth === 0) commentStart = i;
        depth++;
        continue;
      }
      if (chr === ')' && depth > 0) {
        depth--;
        continue;
      }
      if (depth === 0) {
        if (chr === '=') inParameterValue = true;
        else if (chr === ';') inParameterValue = false;
      }
    }
    if (depth === 0) append(chr);
  }
  if (depth === 0) return out.join('');
  return str.indexOf(';', commentStart) < 0 ? out.join('') : str;
}

// Ported from postal-mime's MimeNode.parseStructuredHeader (first occurrence of a
// parameter wins, backslash escapes only inside quotes, junk after a closing quote is
// dropped) plus the RFC 2231 continuations of decodeParameterValueContinuations.
function parseStructuredHeader(str: string): { type: string; params: Map<string, string> } {
  const params = new Map<string, string>();
  let type = '';
  let key: string | null = null;
  let value: string[] = [];
  let pendingSpace = '';
  let quoteClosed = false;
  let inKey = false;
  let quote = false;
  let escaped = false;

  const addChr = (c: string): void => {
    if (value.length > 0) value.push(pendingSpace);
    pendingSpace = '';
    value.push(c);
  };
  const takeValue = (): string => {
    const result = value.join('');
    value = [];
    pendingSpace = '';
    quoteClosed = false;
    return result;
  };
  const storeParam = (name: string, result: string): void => {
    if (!params.has(name)) params.set(name, result);
  };
  const storeValue = (): void => {
    const result = takeValue();
    if (key === null) type = result;
    else storeParam(key, result);
  };

  for (let i = 0; i < str.length; i++) {
    const chr = str.charAt(i);
    if (inKey) {
      if (chr === '=') {
        key = takeValue().trim().toLowerCase();
        inKey = false;
      } else if (chr === ';') {
        const name = takeValue().trim();
        if (name) storeParam(name.toLowerCase(), '');
      } else {
        value.push(chr);
      }
      continue;
    }
    if (escaped) {
      addChr(chr);
      escaped = false;
    } else if (quote && chr === '\\') {
      escaped = true;
    } else if (quote && chr === '"') {
      quote = false;
      quoteClosed = true;
    } else if (!quote && chr === '"') {
      quote = true;
      if (value.length > 0) value.push(pendingSpace);
      pendingSpace = '';
    } else if (!quote && chr === ';') {
      storeValue();
      inKey = true;
    } else if (!quote && (chr === ' ' || chr === '\t')) {
      pendingSpace += chr;
    } else if (!quoteClosed) {
      addChr(chr);
    }
  }
  if (inKey) {
    const name = takeValue().trim();
    if (name) storeParam(name.toLowerCase(), '');
  } else {
    storeValue();
  }

  const sections: { nr: number; value: string; encoded: boolean }[] = [];
  for (const [name, raw] of params) {
    const match = /^boundary\*(?:(\d+)(\*)?)?$/.exec(name);
    if (!match) continue;
    const nr = Number(match[1] ?? 0);
    const encoded = match[1] === undefined || match[2] === '*';
    let section = raw;
    const charset = nr === 0 && encoded ? /^[^']*'[^']*'(.*)$/.exec(raw) : null;
    if (charset) section = charset[1] ?? '';
    sections.push({ nr, value: section, encoded });
  }
  if (sections.length > 0) {
    sections.sort((a, b) => a.nr - b.nr);
    params.set('boundary', sections.map((s) => (s.encoded ? percentDecode(s.value) : s.value)).join(''));
  }
  return { type: type.toLowerCase(), params };
}

function percentDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
