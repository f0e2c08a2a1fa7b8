import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { attachmentFlags, realExtension, webShortcutTarget } from '../../../src/core/message/attachments.js';
import { HANG_GUARD_MS } from '../../hang-guard.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/mail');

function u16(value: number): number[] {
  return [value & 0xff, (value >> 8) & 0xff];
}

function u32(value: number): number[] {
  return [...u16(value & 0xffff), ...u16(value >>> 16)];
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

interface ZipEntry {
  name: string;
  data: string;
  flags: number;
}

/** A stored (uncompressed) ZIP; `centralDirectory: false` leaves out everything after the entries. */
function zip(entries: ZipEntry[], centralDirectory = true): Uint8Array {
  const out: number[] = [];
  const central: number[] = [];
  for (const entry of entries) {
    const offset = out.length;
    const name = ascii(entry.name);
    const data = ascii(entry.data);
    const sizes = entry.flags & 8 ? [...u32(0), ...u32(0)] : [...u32(data.length), ...u32(data.length)];
    out.push(...u32(0x04034b50), ...u16(20), ...u16(entry.flags), ...u16(0), ...u32(0), ...u32(0), ...sizes);
    out.push(...u16(name.length), ...u16(0), ...name, ...data);
    central.push(...u32(0x02014b50), ...u16(20), ...u16(20), ...u16(entry.flags), ...u16(0), ...u32(0), ...u32(0));
    central.push(...u32(data.length), ...u32(data.length), ...u16(name.length), ...u16(0), ...u16(0), ...u16(0));
    central.push(...u16(0), ...u32(0), ...u32(offset), ...name);
  }
  if (centralDirectory) {
    const at = out.length;
    out.push(...central);
    out.push(...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(entries.length), ...u16(entries.length));
    out.push(...u32(central.length), ...u32(at), ...u16(0));
  }
  return new Uint8Array(out);
}

function sevenZip(header: number[]): Uint8Array {
  const packed = [1, 2, 3, 4];
  return new Uint8Array([
    0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4, ...u32(0),
    ...u32(packed.length), ...u32(0), ...u32(header.length), ...u32(0), ...u32(0),
    ...packed, ...header,
  ]);
}

const RAR4_SIGNATURE = [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x00];
const RAR5_SIGNATURE = [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00];

function rar4(mainFlags: number, fileFlags: number): Uint8Array {
  const main = [0, 0, 0x73, ...u16(mainFlags), ...u16(13), 0, 0, 0, 0, 0, 0];
  const file = [0, 0, 0x74, ...u16(0x8000 | fileFlags), ...u16(32), ...u32(3), ...new Array<number>(21).fill(0)];
  return new Uint8Array([...RAR4_SIGNATURE, ...main, ...file, 1, 2, 3]);
}

/** A RAR 5 archive with one file header whose extra area holds one record of `recordType`. */
function rar5(recordType: number, encryptedHeaders = false): Uint8Array {
  if (encryptedHeaders) return new Uint8Array([...RAR5_SIGNATURE, 0, 0, 0, 0, 3, 4, 0, 0, 0, 0]);
  const extra = [2, recordType, 0];
  const body = [2, 0x01, extra.length, 0, 0, 0, 0, 0, 1, 0x61, ...extra];
  return new Uint8Array([...RAR5_SIGNATURE, 0, 0, 0, 0, body.length, ...body]);
}

describe('realExtension', () => {
  it('takes the last extension, lower case', () => {
    expect(realExtension('請求書.pdf.exe')).toBe('exe');
    expect(realExtension('Invoice.PDF')).toBe('pdf');
    expect(realExtension('README')).toBe('');
    expect(realExtension('.exe')).toBe('exe');
    expect(realExtension('C:\\Users\\a\\b.v1\\report')).toBe('');
  });

  it('handles a long run of dots and spaces in linear time', () => {
    const started = performance.now();
    expect(realExtension(`a${'. '.repeat(500_000)}x`)).toBe(' x');
    expect(realExtension(`a.exe${'. '.repeat(500_000)}`)).toBe('exe');
    expect(performance.now() - started).toBeLessThan(HANG_GUARD_MS);
  });

  it('sees through RLO overrides, zero-width characters, full-width letters and trailing dots', () => {
    expect(realExtension('invoice\u202Efdp.exe')).toBe('exe');
    expect(realExtension('photo.e\u200bxe')).toBe('exe');
    expect(realExtension('請求書．ＥＸＥ')).toBe('exe');
    expect(realExtension('setup.exe. . ')).toBe('exe');
  });
});

describe('attachmentFlags by name and media type', () => {
  const cases: [string, string, string[]][] = [
    ['請求書.pdf.exe', 'application/pdf', ['executable']],
    ['invoice\u202Efdp.scr', 'application/octet-stream', ['executable']],
    ['ＳＥＴＵＰ．ＭＳＩ', 'application/octet-stream', ['executable']],
    ['app.apk', 'application/octet-stream', ['executable']],
    ['tool.jar', 'application/octet-stream', ['executable']],
    ['addin.xll', 'application/octet-stream', ['executable']],
    ['run.js', 'application/octet-stream', ['script']],
    ['macro.vbs', 'text/plain', ['script']],
    ['go.ps1', 'application/octet-stream', ['script']],
    ['start.bat', 'application/octet-stream', ['script']],
    ['page.hta', 'application/octet-stream', ['script']],
    ['Document.lnk', 'application/octet-stream', ['shortcut']],
    ['link.url', 'application/octet-stream', ['shortcut']],
    ['disk.iso', 'application/octet-stream', ['disk-image']],
    ['disk.vhdx', 'application/octet-stream', ['disk-image']],
    ['mac.dmg', 'application/octet-stream', ['disk-image']],
    ['login.html', 'application/octet-stream', ['html']],
    ['view.svg', 'image/svg+xml', ['html']],
    ['no-name-html', 'text/html', ['html']],
    ['report.docm', 'application/octet-stream', ['macro-office']],
    ['book.xlsb', 'application/octet-stream', ['macro-office']],
    ['data.7z', 'application/octet-stream', ['archive']],
    ['data.lzh', 'application/octet-stream', ['archive']],
    ['bundle', 'application/x-rar-compressed', ['archive']],
    ['report.pdf', 'application/pdf', []],
    ['photo.jpg', 'image/jpeg', []],
    ['letter.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', []],
  ];
  it.each(cases)('%s (%s) → %j', (name, mediaType, flags) => {
    expect(attachmentFlags(name, mediaType)).toEqual(flags);
  });

  it('finds no flag for names and media types that are Object.prototype members', () => {
    for (const word of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(attachmentFlags(`file.${word}`, word)).toEqual([]);
    }
  });

  it('uses the media type when there is no name', () => {
    expect(attachmentFlags(null, 'APPLICATION/X-MSDOWNLOAD')).toEqual(['executable']);
    expect(attachmentFlags(null, 'application/octet-stream')).toEqual([]);
  });
});

describe('attachmentFlags by content', () => {
  it('flags a PE or ELF executable whatever its name', () => {
    expect(attachmentFlags('scan.pdf', 'application/pdf', new Uint8Array([0x4d, 0x5a, 0x90, 0]))).toEqual(['executable']);
    expect(attachmentFlags('x', 'application/octet-stream', new Uint8Array([0x7f, 0x45, 0x4c, 0x46]))).toEqual(['executable']);
  });

  it('flags a ZIP as an archive, but not an Office file that is a ZIP inside', () => {
    const plain = zip([{ name: 'a.txt', data: 'hello', flags: 0 }]);
    expect(attachmentFlags('scan.pdf', 'application/pdf', plain)).toEqual(['archive']);
    expect(attachmentFlags('letter.docx', 'application/octet-stream', plain)).toEqual([]);
  });

  it('finds the encryption bit in a real ZipCrypto archive (entry sizes after the data)', () => {
    const real = new Uint8Array(readFileSync(join(FIXTURES, 'encrypted-zipcrypto.zip')));
    expect(attachmentFlags('見積書.zip', 'application/zip', real)).toEqual(['archive', 'encrypted-archive']);
    const plain = new Uint8Array(readFileSync(join(FIXTURES, 'plain.zip')));
    expect(attachmentFlags('plain.zip', 'application/zip', plain)).toEqual(['archive']);
  });

  it('finds an encrypted entry after a plain one, with and without a central directory', () => {
    const entries = [
      { name: 'readme.txt', data: 'open', flags: 0 },
      { name: 'secret.doc', data: 'xxxx', flags: 1 },
    ];
    expect(attachmentFlags('a.zip', 'application/zip', zip(entries))).toContain('encrypted-archive');
    expect(attachmentFlags('a.zip', 'application/zip', zip(entries, false))).toContain('encrypted-archive');
    expect(attachmentFlags('a.zip', 'application/zip', zip([{ name: 'a', data: 'b', flags: 8 }]))).toEqual(['archive']);
  });

  it('flags an encrypted archive named as something else', () => {
    const encrypted = zip([{ name: 'x.exe', data: 'zz', flags: 1 }]);
    expect(attachmentFlags('invoice.pdf', 'application/pdf', encrypted)).toEqual(['archive', 'encrypted-archive']);
  });

  it('reads 7z headers for the AES coder', () => {
    const aes = sevenZip([0x17, 0x06, 0x01, 0x24, 0x06, 0xf1, 0x07, 0x01, 0x00]);
    expect(attachmentFlags('a.7z', 'application/octet-stream', aes)).toEqual(['archive', 'encrypted-archive']);
    const lzma = sevenZip([0x01, 0x04, 0x06, 0x00, 0x01, 0x09, 0x03, 0x01, 0x01, 0x00]);
    expect(attachmentFlags('a.7z', 'application/octet-stream', lzma)).toEqual(['archive']);
  });

  it('reads RAR 4 header and file encryption flags', () => {
    expect(attachmentFlags('a.rar', 'application/octet-stream', rar4(0x0080, 0))).toEqual(['archive', 'encrypted-archive']);
    expect(attachmentFlags('a.rar', 'application/octet-stream', rar4(0, 0x0004))).toEqual(['archive', 'encrypted-archive']);
    expect(attachmentFlags('a.rar', 'application/octet-stream', rar4(0, 0))).toEqual(['archive']);
  });

  it('reads RAR 5 header encryption and file encryption records', () => {
    expect(attachmentFlags('a.rar', 'application/octet-stream', rar5(0, true))).toEqual(['archive', 'encrypted-archive']);
    expect(attachmentFlags('a.rar', 'application/octet-stream', rar5(1))).toEqual(['archive', 'encrypted-archive']);
    expect(attachmentFlags('a.rar', 'application/octet-stream', rar5(3))).toEqual(['archive']);
  });

  it('flags legacy and OOXML Office files that carry a VBA project', () => {
    const ole2 = new Uint8Array([
      0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(40).fill(0),
      ...[...'_VBA_PROJECT'].flatMap((c) => [c.charCodeAt(0), 0]),
    ]);
    expect(attachmentFlags('old.doc', 'application/msword', ole2)).toEqual(['macro-office']);
    const cleanOle2 = ole2.slice(0, 48);
    expect(attachmentFlags('old.doc', 'application/msword', cleanOle2)).toEqual([]);
    const docx = zip([{ name: 'word/vbaProject.bin', data: 'vba', flags: 0 }]);
    expect(attachmentFlags('renamed.docx', 'application/octet-stream', docx)).toEqual(['macro-office']);
  });

  it('survives truncated and lying archive headers', () => {
    const samples = [
      new Uint8Array([0x50, 0x4b, 0x03, 0x04]),
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]),
      new Uint8Array([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
      new Uint8Array([...RAR4_SIGNATURE, 0, 0, 0x73, 0, 0, 0, 0]),
      new Uint8Array([...RAR5_SIGNATURE, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
    ];
    for (const sample of samples) expect(attachmentFlags('a', 'application/octet-stream', sample)).toEqual(['archive']);
  });
});

/** A .url file as Internet Explorer writes one ("send link by e-mail"), CRLF line ends. */
function internetShortcut(lines: readonly string[]): Uint8Array {
  return new Uint8Array(Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1'));
}
const ARTICLE = 'https://www.example.org/articles/2002/liberalism.html';
const WEB_SHORTCUT = ['[DEFAULT]', `BASEURL=${ARTICLE}`, '[InternetShortcut]', `URL=${ARTICLE}`, 'Modified=E0824ED43364C201DE', 'IconIndex=0'];

describe('webShortcutTarget: a .url file that only opens a web page is a link, not a program', () => {
  it('reads the page of a shortcut as a browser saves it, and drops the shortcut flag', () => {
    const content = internetShortcut(WEB_SHORTCUT);
    expect(webShortcutTarget('記事.url', 'application/octet-stream', content)).toBe(ARTICLE);
    expect(attachmentFlags('記事.url', 'application/octet-stream', content)).toEqual([]);
    expect(webShortcutTarget('ＬＩＮＫ．ＵＲＬ', 'application/internet-shortcut', internetShortcut(['[InternetShortcut]', 'URL=http://example.org/']))).toBe('http://example.org/');
  });

  it.each([
    ['a local or network target', ['[InternetShortcut]', 'URL=file:///C:/Windows/System32/calc.exe']],
    ['a network share', ['[InternetShortcut]', 'URL=\\\\198.51.100.7\\share\\invoice']],
    ['a Windows search on a remote share', ['[InternetShortcut]', 'URL=search-ms:query=invoice&crumb=location:\\\\198.51.100.7@80\\share']],
    ['an icon on a network share (Explorer contacts it when it shows the file)', ['[InternetShortcut]', `URL=${ARTICLE}`, 'IconFile=\\\\198.51.100.7\\share\\icon.ico', 'IconIndex=1']],
    ['a program to download', ['[InternetShortcut]', 'URL=https://www.example.org/files/setup.exe']],
    ['a program to download, its extension percent-encoded', ['[InternetShortcut]', 'URL=https://www.example.org/files/invoice%2Ejs']],
    ['a disk image to download', ['[InternetShortcut]', 'URL=https://www.example.org/invoice.iso?dl=1']],
    ['a working directory', ['[InternetShortcut]', `URL=${ARTICLE}`, 'WorkingDirectory=C:\\Users\\Public']],
    ['a key this reader does not know', ['[InternetShortcut]', `URL=${ARTICLE}`, 'Command=cmd.exe']],
    ['a section this reader does not know', ['[InternetShortcut]', `URL=${ARTICLE}`, '[Run]', 'Modified=0']],
    ['a key before any section', [`URL=${ARTICLE}`]],
    ['no URL at all', ['[InternetShortcut]', 'IconIndex=0']],
    ['an address that is not one', ['[InternetShortcut]', 'URL=http://exa mple.org/']],
  ])('keeps a shortcut with %s a shortcut', (_, lines) => {
    const content = internetShortcut(lines);
    expect(webShortcutTarget('link.url', 'application/octet-stream', content)).toBeNull();
    expect(attachmentFlags('link.url', 'application/octet-stream', content)).toEqual(['shortcut']);
  });

  it('reads only .url files, as plain text and of a shortcut\'s size', () => {
    const content = internetShortcut(WEB_SHORTCUT);
    expect(webShortcutTarget('link.lnk', 'application/octet-stream', content)).toBeNull();
    expect(webShortcutTarget('link.url', 'application/x-ms-shortcut', content)).toBeNull();
    expect(webShortcutTarget(null, 'application/internet-shortcut', content)).toBeNull();
    const utf16 = new Uint8Array(Buffer.from(`[InternetShortcut]\r\nURL=${ARTICLE}\r\n`, 'utf16le'));
    expect(webShortcutTarget('link.url', 'application/octet-stream', utf16)).toBeNull();
    const padded = internetShortcut([...WEB_SHORTCUT, ...Array.from({ length: 400 }, () => 'IconIndex=0')]);
    expect(padded.length).toBeGreaterThan(4096);
    expect(webShortcutTarget('link.url', 'application/octet-stream', padded)).toBeNull();
  });

  it('never throws, and a page it finds is an http(s) address written in the file', () => {
    const pieces = fc.constantFrom(
      '[InternetShortcut]', '[DEFAULT]', '[Run]', `URL=${ARTICLE}`, 'URL=http://example.org/a.exe', 'URL=file:///C:/x', 'URL=http://%zz',
      'BASEURL=https://example.org/', 'IconFile=\\\\host\\i.ico', 'IconIndex=0', 'Modified=0', 'IDList=', 'IDList=x', '; comment', '', '=', '[', 'URL=',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 12 }), fc.constantFrom('\r\n', '\n', '\r'), (lines, end) => {
        const content = new Uint8Array(Buffer.from(lines.join(end), 'utf8'));
        const page = webShortcutTarget('x.url', 'application/octet-stream', content);
        if (page !== null) {
          expect(page).toMatch(/^https?:\/\//i);
          expect(Buffer.from(content).toString('latin1')).toContain(page);
          expect(attachmentFlags('x.url', 'application/octet-stream', content)).not.toContain('shortcut');
        } else {
          expect(attachmentFlags('x.url', 'application/octet-stream', content)).toContain('shortcut');
        }
      }),
      { numRuns: 500 },
    );
  });
});
