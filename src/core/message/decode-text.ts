// Text files and pasted bytes arrive in whatever encoding the sender's machine used;
// in Japan that is still often Shift_JIS (Windows) or EUC-JP (older Unix mail).
// TextDecoder with `fatal` tells us when bytes are not valid in an encoding, so we
// try the strict encodings in order of how common they are and fall back to
// windows-1252, which reads every byte as one character so no text is dropped.
const CANDIDATES = ['utf-8', 'shift_jis', 'euc-jp'] as const;

export function decodeText(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (isIso2022jp(bytes)) return new TextDecoder('iso-2022-jp').decode(bytes);
  for (const encoding of CANDIDATES) {
    try {
      // ignoreBOM false: a UTF-8 BOM is stripped.
      return new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      // not valid in this encoding; try the next
    }
  }
  return new TextDecoder('windows-1252').decode(bytes);
}

/** ISO-2022-JP is 7-bit and so also valid UTF-8; it is recognised by its escape
 * sequences (ESC $ B, ESC $ @, ESC ( J) and having no 8-bit bytes. */
function isIso2022jp(bytes: Uint8Array): boolean {
  let escapes = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b >= 0x80) return false;
    if (b === 0x1b && (bytes[i + 1] === 0x24 || bytes[i + 1] === 0x28)) escapes = true;
  }
  return escapes;
}
