// A small PDF reader for tests: enough of the format to get back the text pdfkit wrote
// (hex glyph strings mapped through each font's ToUnicode CMap) and the font sizes used,
// so the tests need no PDF library or poppler.
import { inflateSync } from 'node:zlib';

export interface PdfText {
  /** All text, in drawing order, one string per text-showing operator. */
  runs: string[];
  /** Every size set with the Tf operator. */
  fontSizes: number[];
  pages: number;
  mediaBoxes: string[];
  /** The decompressed page content streams, for counting drawn shapes. */
  contents: string[];
}

function streams(pdf: Buffer): Map<number, string> {
  const out = new Map<number, string>();
  const text = pdf.toString('latin1');
  const objectPattern = /(\d+) 0 obj\s*<<((?:(?!endobj)[\s\S])*?)>>\s*stream\r?\n/g;
  for (let match = objectPattern.exec(text); match !== null; match = objectPattern.exec(text)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    let data = pdf.subarray(start, end);
    if (/\/FlateDecode/.test(match[2] ?? '')) data = inflateSync(data);
    out.set(Number(match[1]), data.toString('latin1'));
  }
  return out;
}

function hexToCodes(hex: string, width: number): number[] {
  const codes: number[] = [];
  for (let i = 0; i + width <= hex.length; i += width) codes.push(parseInt(hex.slice(i, i + width), 16));
  return codes;
}

function utf16HexToString(hex: string): string {
  return String.fromCharCode(...hexToCodes(hex, 4));
}

/** glyph code → text, from every ToUnicode CMap (pdfkit gives each font its own codes). */
function cmaps(all: Map<number, string>): Map<string, Map<number, string>> {
  const byFont = new Map<string, Map<number, string>>();
  for (const [id, body] of all) {
    if (!body.includes('begincmap')) continue;
    const map = new Map<number, string>();
    for (const block of body.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const line of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]/g)) {
        const first = parseInt(line[1] ?? '0', 16);
        const targets = [...(line[3] ?? '').matchAll(/<([0-9a-fA-F]+)>/g)].map((t) => utf16HexToString(t[1] ?? ''));
        targets.forEach((target, i) => map.set(first + i, target));
      }
    }
    for (const block of body.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const line of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
        map.set(parseInt(line[1] ?? '0', 16), utf16HexToString(line[2] ?? ''));
      }
    }
    byFont.set(String(id), map);
  }
  return byFont;
}

export function readPdf(pdf: Buffer): PdfText {
  const raw = pdf.toString('latin1');
  const all = streams(pdf);
  const maps = cmaps(all);
  // Font resource name (/F1) → its ToUnicode stream object id.
  const fontToUnicode = new Map<string, string>();
  for (const object of raw.matchAll(/(\d+) 0 obj\s*<<([^>]*)>>/g)) {
    const toUnicode = /\/Type \/Font[\s\S]*\/ToUnicode (\d+) 0 R/.exec(object[2] ?? '');
    if (toUnicode !== null) fontToUnicode.set(object[1] ?? '', toUnicode[1] ?? '');
  }
  const resourceFonts = new Map<string, string>();
  for (const entry of raw.matchAll(/\/(F\d+) (\d+) 0 R/g)) resourceFonts.set(entry[1] ?? '', entry[2] ?? '');

  const runs: string[] = [];
  const fontSizes: number[] = [];
  const contents: string[] = [];
  for (const body of all.values()) {
    if (!/\bBT\b/.test(body)) continue;
    contents.push(body);
    let map: Map<number, string> | undefined;
    for (const op of body.matchAll(/\/(F\d+) ([\d.]+) Tf|\[([^\]]*)\] TJ|<([0-9a-fA-F]*)> Tj/g)) {
      if (op[1] !== undefined) {
        fontSizes.push(Number(op[2]));
        map = maps.get(fontToUnicode.get(resourceFonts.get(op[1]) ?? '') ?? '');
        continue;
      }
      const hexes = op[3] !== undefined ? [...op[3].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1] ?? '') : [op[4] ?? ''];
      runs.push(hexes.map((hex) => hexToCodes(hex, 4).map((code) => map?.get(code) ?? '\uFFFD').join('')).join(''));
    }
  }
  return {
    runs,
    fontSizes,
    pages: [...raw.matchAll(/\/Type \/Page\b/g)].length,
    mediaBoxes: [...raw.matchAll(/\/MediaBox \[([^\]]*)\]/g)].map((m) => (m[1] ?? '').trim()),
    contents,
  };
}
