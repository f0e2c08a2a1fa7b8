// Flags for attachments that deserve a warning. Decided by the real extension of the
// name (what the operating system acts on), the declared media type, and for a few
// container formats the first bytes of the content (which the sender cannot rename).
//
// Choices made here:
// - .jar and .apk count as executable: both run on a double-click or a tap.
// - .xll (Excel add-in) is executable: it is a DLL that Excel loads.
// - .svg counts as html: a browser opens it and runs its scripts, and SVG files are a
//   current phishing-attachment trend.
// - .xlsb counts as macro-office: binary workbooks carry VBA without an "m" in the name.
// - Legacy .doc/.xls/.ppt (and any OLE2 or OOXML file) are macro-office only when the
//   content contains a VBA project; we only look for its storage name, not parse OLE2.
// - An Internet Shortcut (.url) that only opens a web page is a link saved as a file
//   (browsers of the early 2000s attached one for "send link"), not a shortcut that can
//   run a program: see webShortcutTarget.

import type { AttachmentFlag } from './types.js';

const EXTENSIONS: Record<AttachmentFlag, readonly string[]> = {
  executable: [
    'exe', 'scr', 'com', 'pif', 'msi', 'msp', 'msix', 'msixbundle', 'appx', 'appxbundle', 'dll', 'cpl', 'ocx',
    'xll', 'apk', 'app', 'jar', 'application', 'gadget',
  ],
  script: ['js', 'jse', 'vbs', 'vbe', 'vb', 'wsf', 'wsh', 'wsc', 'ps1', 'psm1', 'bat', 'cmd', 'hta', 'sh'],
  shortcut: ['lnk', 'url', 'scf'],
  'disk-image': ['iso', 'img', 'vhd', 'vhdx', 'dmg'],
  html: ['html', 'htm', 'shtml', 'xhtml', 'xht', 'mht', 'mhtml', 'svg'],
  'macro-office': [
    'docm', 'dotm', 'xlsm', 'xltm', 'xlam', 'xlsb', 'pptm', 'potm', 'ppsm', 'ppam', 'sldm',
  ],
  archive: ['zip', 'zipx', 'rar', '7z', 'gz', 'tgz', 'bz2', 'xz', 'tar', 'lzh', 'lha', 'cab', 'arj', 'ace'],
  'encrypted-archive': [],
};

// A Map, not an object: a media type such as "constructor" must not find a prototype member.
const MEDIA_TYPES = new Map<string, AttachmentFlag>(Object.entries({
  'application/x-msdownload': 'executable',
  'application/x-msdos-program': 'executable',
  'application/x-dosexec': 'executable',
  'application/vnd.microsoft.portable-executable': 'executable',
  'application/x-ms-installer': 'executable',
  'application/x-msi': 'executable',
  'application/vnd.android.package-archive': 'executable',
  'application/java-archive': 'executable',
  'application/javascript': 'script',
  'text/javascript': 'script',
  'application/x-javascript': 'script',
  'text/vbscript': 'script',
  'application/x-sh': 'script',
  'application/x-bat': 'script',
  'application/hta': 'script',
  'application/x-ms-shortcut': 'shortcut',
  'application/internet-shortcut': 'shortcut',
  'application/x-iso9660-image': 'disk-image',
  'application/x-apple-diskimage': 'disk-image',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'image/svg+xml': 'html',
  'application/vnd.ms-word.document.macroenabled.12': 'macro-office',
  'application/vnd.ms-word.template.macroenabled.12': 'macro-office',
  'application/vnd.ms-excel.sheet.macroenabled.12': 'macro-office',
  'application/vnd.ms-excel.template.macroenabled.12': 'macro-office',
  'application/vnd.ms-excel.addin.macroenabled.12': 'macro-office',
  'application/vnd.ms-excel.sheet.binary.macroenabled.12': 'macro-office',
  'application/vnd.ms-powerpoint.presentation.macroenabled.12': 'macro-office',
  'application/vnd.ms-powerpoint.slideshow.macroenabled.12': 'macro-office',
  'application/vnd.ms-powerpoint.addin.macroenabled.12': 'macro-office',
  'application/zip': 'archive',
  'application/x-zip-compressed': 'archive',
  'application/x-rar-compressed': 'archive',
  'application/vnd.rar': 'archive',
  'application/x-7z-compressed': 'archive',
  'application/gzip': 'archive',
  'application/x-gzip': 'archive',
  'application/x-tar': 'archive',
  'application/x-lzh-compressed': 'archive',
  'application/vnd.ms-cab-compressed': 'archive',
} satisfies Record<string, AttachmentFlag>));

const FLAG_BY_EXTENSION = new Map<string, AttachmentFlag>();
for (const [flag, extensions] of Object.entries(EXTENSIONS) as [AttachmentFlag, readonly string[]][]) {
  for (const extension of extensions) FLAG_BY_EXTENSION.set(extension, flag);
}

// Formats that are ZIP files inside but are not archives to the reader; their ZIP magic
// must not add the archive flag (every .docx would otherwise be "an archive").
const ZIP_CONTAINERS = new Set([
  'docx', 'docm', 'dotx', 'dotm', 'xlsx', 'xlsm', 'xltx', 'xltm', 'xlam', 'pptx', 'pptm', 'potx', 'potm', 'ppsx',
  'ppsm', 'ppam', 'sldx', 'sldm', 'odt', 'ods', 'odp', 'odg', 'epub', 'jar', 'apk', 'xpi', 'vsix', 'appx', 'msix',
  'kmz', 'ipa', 'whl', 'nupkg',
]);

// Bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE makes "x\u202Etxt.exe" show as
// "xexe.txt") and zero-width characters that can split an extension so that it reads
// differently from what a filter matches. Removing them can over-flag a name that was
// broken on purpose; for a warning that is the right side to err on.
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** The extension the operating system would act on, lower case, or '' when there is none. */
export function realExtension(name: string): string {
  const cleaned = trimDotsAndSpaces(name.normalize('NFKC').replace(INVISIBLE, ''));
  const base = cleaned.slice(Math.max(cleaned.lastIndexOf('/'), cleaned.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  // Windows has no hidden-file convention: ".exe" alone is an executable too.
  return dot < 0 ? '' : base.slice(dot + 1).toLowerCase();
}

// Windows drops trailing dots and spaces from a file name, so "a.exe. " runs as a.exe.
// A loop, because /[.\s]+$/ backtracks quadratically on a long run that is not at the end.
function trimDotsAndSpaces(name: string): string {
  let end = name.length;
  while (end > 0) {
    const c = name.charCodeAt(end - 1);
    if (c !== 0x2e && c !== 0x20 && c !== 0x09) break;
    end--;
  }
  return name.slice(0, end);
}

export function attachmentFlags(name: string | null, mediaType: string, content?: Uint8Array): AttachmentFlag[] {
  const flags = new Set<AttachmentFlag>();
  const extension = name === null ? '' : realExtension(name);
  const byExtension = FLAG_BY_EXTENSION.get(extension);
  if (byExtension) flags.add(byExtension);
  const byMediaType = MEDIA_TYPES.get(mediaType.trim().toLowerCase());
  if (byMediaType) flags.add(byMediaType);
  if (content !== undefined && webShortcutTarget(name, mediaType, content) !== null) flags.delete('shortcut');

  if (content && content.length >= 4) {
    const sniffed = sniff(content);
    if (sniffed.executable) flags.add('executable');
    if (sniffed.archive && !ZIP_CONTAINERS.has(extension)) flags.add('archive');
    if (sniffed.encrypted) flags.add('encrypted-archive');
    if (sniffed.vba) flags.add('macro-office');
  }
  if (flags.has('encrypted-archive')) flags.add('archive');
  return [...flags];
}

// ---------------------------------------------------------------------------------
// Internet Shortcuts (.url): INI text whose URL= line Windows opens on a double-click.

/** Largest .url file read for its target. Real ones are a few hundred bytes; a larger one
 * is not read (it stays flagged as a shortcut), so a crafted attachment costs nothing. */
const MAX_WEB_SHORTCUT_BYTES = 4096;

/** Longest target address taken from a .url file, as browsers cap addresses they show. */
const MAX_WEB_SHORTCUT_URL = 2048;

/** Sections of a .url file that Internet Explorer and Windows write. */
const WEB_SHORTCUT_SECTIONS = new Set(['default', 'internetshortcut', 'internetshortcut.a', 'internetshortcut.w', '{000214a0-0000-0000-c000-000000000046}']);

/** Keys whose value is an address: each must be a web page for the file to be one. */
const ADDRESS_KEYS = new Set(['url', 'baseurl', 'iconfile']);

/** Keys that only describe the shortcut (its icon's number, a date, a hot key, how the
 * window opens, Windows' own property numbers). Any other key — WorkingDirectory, or one
 * unknown here — makes the file something this reader does not vouch for. */
const DESCRIPTIVE_KEYS = new Set(['iconindex', 'modified', 'hotkey', 'showcommand', 'idlist', 'prop3', 'roamed']);

/** A line of a .url file: a [section], or key=value. Anchored single classes: linear. */
const SECTION_LINE = /^\[([^\]]*)\]$/;
const KEY_LINE = /^([A-Za-z0-9]+)[ \t]*=[ \t]*(.*)$/;

/** Flags of files a web address can hand the browser to run or mount. */
const PROGRAM_FLAGS: ReadonlySet<AttachmentFlag> = new Set(['executable', 'script', 'shortcut', 'disk-image']);

/**
 * The web page an Internet Shortcut attachment opens, when opening a web page is all it
 * does: every address in it (URL, BASEURL, IconFile) is an http or https address, the
 * page is not a program to download, and it holds nothing else but descriptive keys.
 * Otherwise null, and the file stays a shortcut that can run a program: Windows opens
 * file:, \\server\share and search-ms: targets directly, and an icon on a network share
 * makes Explorer contact that server just by showing the file.
 */
export function webShortcutTarget(name: string | null, mediaType: string, content: Uint8Array): string | null {
  if (name === null || realExtension(name) !== 'url' || content.length > MAX_WEB_SHORTCUT_BYTES) return null;
  if (mediaType.trim().toLowerCase() === 'application/x-ms-shortcut') return null;
  let target: string | null = null;
  let section: string | null = null;
  for (const rawLine of latin1(content).split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith(';')) continue;
    const heading = SECTION_LINE.exec(line);
    if (heading !== null) {
      section = heading[1]!.trim().toLowerCase();
      if (!WEB_SHORTCUT_SECTIONS.has(section)) return null;
      continue;
    }
    const pair = KEY_LINE.exec(line);
    if (pair === null || section === null) return null;
    const key = pair[1]!.toLowerCase();
    const value = pair[2]!;
    if (ADDRESS_KEYS.has(key)) {
      if (webPage(value) === null) return null;
      if (key === 'url' && section === 'internetshortcut') target ??= value;
    } else if (!DESCRIPTIVE_KEYS.has(key) || (key === 'idlist' && value !== '')) {
      return null;
    }
  }
  return target;
}

/** `address` when it is an http or https address of a page, not of a program. */
function webPage(address: string): string | null {
  if (address.length > MAX_WEB_SHORTCUT_URL || !/^https?:\/\//i.test(address)) return null;
  let path: string;
  try {
    path = new URL(address).pathname;
  } catch {
    return null;
  }
  const flag = FLAG_BY_EXTENSION.get(realExtension(decodeURIComponentSafely(path)));
  return flag !== undefined && PROGRAM_FLAGS.has(flag) ? null : address;
}

function decodeURIComponentSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Bytes as ISO-8859-1 text: a .url file is ANSI text, and NUL or other control bytes
 * (a UTF-16 or binary file) fail the line patterns rather than the decoding. */
function latin1(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]!);
  return text;
}

interface Sniffed {
  executable: boolean;
  archive: boolean;
  encrypted: boolean;
  vba: boolean;
}

function startsWith(bytes: Uint8Array, magic: readonly number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic[i]) return false;
  return true;
}

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const SEVEN_ZIP = [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c];
const RAR4 = [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x00];
const RAR5 = [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00];
const GZIP = [0x1f, 0x8b];
const CAB = [0x4d, 0x53, 0x43, 0x46];
const MZ = [0x4d, 0x5a];
const ELF = [0x7f, 0x45, 0x4c, 0x46];
// The VBA project inside an OOXML file (a ZIP entry name) and inside an OLE2 file (a
// directory entry name, UTF-16LE).
const VBA_OOXML = [...'vbaProject.bin'].map((c) => c.charCodeAt(0));
const VBA_OLE2 = [...'_VBA_PROJECT'].flatMap((c) => [c.charCodeAt(0), 0]);

function sniff(bytes: Uint8Array): Sniffed {
  const zip = startsWith(bytes, ZIP_LOCAL) || startsWith(bytes, ZIP_EMPTY);
  const sevenZip = startsWith(bytes, SEVEN_ZIP);
  const rar4 = startsWith(bytes, RAR4);
  const rar5 = startsWith(bytes, RAR5);
  const ole2 = startsWith(bytes, OLE2);
  return {
    executable: startsWith(bytes, MZ) || startsWith(bytes, ELF),
    archive: zip || sevenZip || rar4 || rar5 || startsWith(bytes, GZIP) || startsWith(bytes, CAB),
    encrypted:
      (zip && zipEncrypted(bytes)) ||
      (sevenZip && sevenZipEncrypted(bytes)) ||
      (rar4 && rar4Encrypted(bytes)) ||
      (rar5 && rar5Encrypted(bytes)),
    vba: (zip && indexOfBytes(bytes, VBA_OOXML) >= 0) || (ole2 && indexOfBytes(bytes, VBA_OLE2) >= 0),
  };
}

function indexOfBytes(haystack: Uint8Array, needle: readonly number[]): number {
  const first = needle[0];
  if (first === undefined) return 0;
  let i = haystack.indexOf(first);
  while (i >= 0 && i + needle.length <= haystack.length) {
    if (startsWith(haystack, needle, i)) return i;
    i = haystack.indexOf(first, i + 1);
  }
  return -1;
}

function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (u16(bytes, at) + u16(bytes, at + 2) * 0x10000) >>> 0;
}

// Bounds every header walk below; real archives in mail have far fewer entries and a
// crafted one must not make flagging slow.
const MAX_ENTRIES = 10_000;

// ZIP: bit 0 of the general purpose flag marks an encrypted entry (ZipCrypto or AES).
// The central directory lists every entry, so it is read when present; the local
// headers are walked otherwise (they cannot be walked past an entry whose sizes follow
// its data, bit 3).
function zipEncrypted(bytes: Uint8Array): boolean {
  const eocd = findZipEnd(bytes);
  if (eocd >= 0) {
    const count = u16(bytes, eocd + 10);
    let at = u32(bytes, eocd + 16);
    for (let i = 0; i < count && i < MAX_ENTRIES; i++) {
      if (!startsWith(bytes, [0x50, 0x4b, 0x01, 0x02], at)) break;
      if (u16(bytes, at + 8) & 1) return true;
      at += 46 + u16(bytes, at + 28) + u16(bytes, at + 30) + u16(bytes, at + 32);
    }
  }
  let at = 0;
  for (let i = 0; i < MAX_ENTRIES && startsWith(bytes, ZIP_LOCAL, at); i++) {
    const flags = u16(bytes, at + 6);
    if (flags & 1) return true;
    if (flags & 8) break;
    at += 30 + u16(bytes, at + 26) + u16(bytes, at + 28) + u32(bytes, at + 18);
  }
  return false;
}

// The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
function findZipEnd(bytes: Uint8Array): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= stop; at--) {
    if (bytes[at] === 0x50 && startsWith(bytes, ZIP_EMPTY, at)) return at;
  }
  return -1;
}

// 7z: the AES-256 + SHA-256 coder (id 06 F1 07 01) appears in the header that the
// signature header points to, whether only the data or the header too is encrypted.
function sevenZipEncrypted(bytes: Uint8Array): boolean {
  const offset = 32 + u32(bytes, 12) + u32(bytes, 16) * 0x100000000;
  const size = u32(bytes, 20);
  if (offset >= bytes.length) return false;
  const header = bytes.subarray(offset, Math.min(bytes.length, offset + size));
  return indexOfBytes(header, [0x06, 0xf1, 0x07, 0x01]) >= 0;
}

// RAR 4: main header flag 0x0080 means encrypted headers; a file header (type 0x74)
// with flag 0x0004 is an encrypted file.
function rar4Encrypted(bytes: Uint8Array): boolean {
  let at = RAR4.length;
  for (let i = 0; i < MAX_ENTRIES && at + 7 <= bytes.length; i++) {
    const type = bytes[at + 2];
    const flags = u16(bytes, at + 3);
    const size = u16(bytes, at + 5);
    if (size < 7) return false;
    if (type === 0x73 && flags & 0x0080) return true;
    if (type === 0x74 && flags & 0x0004) return true;
    const dataSize = flags & 0x8000 || type === 0x74 ? u32(bytes, at + 7) : 0;
    at += size + dataSize;
  }
  return false;
}

// RAR 5: an archive encryption header (type 4) means encrypted headers; a file header
// (type 2) with a file encryption record (extra record type 1) is an encrypted file.
function rar5Encrypted(bytes: Uint8Array): boolean {
  let at = RAR5.length;
  for (let i = 0; i < MAX_ENTRIES && at < bytes.length; i++) {
    const size = vint(bytes, at + 4);
    if (!size) return false;
    const start = size.next;
    const end = start + size.value;
    const type = vint(bytes, start);
    if (!type) return false;
    if (type.value === 4) return true;
    const flags = vint(bytes, type.next);
    if (!flags) return false;
    let next = flags.next;
    let extraSize = 0;
    let dataSize = 0;
    if (flags.value & 1) {
      const extra = vint(bytes, next);
      if (!extra) return false;
      extraSize = extra.value;
      next = extra.next;
    }
    if (flags.value & 2) {
      const data = vint(bytes, next);
      if (!data) return false;
      dataSize = data.value;
    }
    if (type.value === 2 && extraSize > 0 && hasRar5EncryptionRecord(bytes, end - extraSize, end)) return true;
    at = end + dataSize;
  }
  return false;
}

function hasRar5EncryptionRecord(bytes: Uint8Array, from: number, to: number): boolean {
  let at = from;
  for (let i = 0; i < MAX_ENTRIES && at < to; i++) {
    const size = vint(bytes, at);
    if (!size || size.value === 0) return false;
    const type = vint(bytes, size.next);
    if (!type) return false;
    if (type.value === 1) return true;
    at = size.next + size.value;
  }
  return false;
}

// RAR 5 variable-length integer: 7 bits per byte, high bit set on all but the last.
function vint(bytes: Uint8Array, at: number): { value: number; next: number } | null {
  let value = 0;
  let scale = 1;
  for (let i = 0; i < 8; i++) {
    const byte = bytes[at + i];
    if (byte === undefined) return null;
    value += (byte & 0x7f) * scale;
    if ((byte & 0x80) === 0) return { value, next: at + i + 1 };
    scale *= 128;
  }
  return null;
}
