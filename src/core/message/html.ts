// HTML to readable text plus the links a reader can click. Runs on every HTML mail, so it
// streams through htmlparser2's callbacks (no DOM), collects output pieces in arrays and
// joins once: building strings character by character was the slow part of earlier drafts.

import { Parser } from 'htmlparser2';
import { MAX_HTML_ELEMENTS, MAX_URLS_PER_MESSAGE } from '../limits.js';
import type { MessageLink, Skipped } from './types.js';

export interface HtmlText {
  text: string;
  links: MessageLink[];
  /** Limits reached while converting (MAX_HTML_ELEMENTS, MAX_URLS_PER_MESSAGE). */
  skipped: Skipped[];
}

// Elements whose content a mail client does not show. <noscript> is not here: mail
// clients run no scripts, so its content is what the reader sees. <head> is not here
// either: htmlparser2 keeps an unclosed head open, which would hide the whole body.
const HIDDEN = new Set(['script', 'style', 'title', 'template', 'xml']);

// Paragraph-like blocks are separated by a blank line, the rest by a line break.
const PARAGRAPH = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'ul', 'ol', 'hr']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'html', 'legend', 'li', 'main', 'nav',
  'option', 'section', 'summary', 'tbody', 'tfoot', 'thead', 'tr',
]);
const CELL = new Set(['td', 'th']);

// A run of whitespace reads as one space. Only the runs that are not already a single
// space are replaced: a replacement at every space between words built each text node
// anew, which was most of the cost of reading it.
const WHITESPACE_TO_FOLD = /[ \t\n\f\r]{2,}|[\t\n\f\r]/g;
const ANY_WHITESPACE_TO_FOLD = /\s{2,}|[^\S ]/g;

function collapse(text: string): string {
  return text.replace(ANY_WHITESPACE_TO_FOLD, ' ').trim();
}

export function htmlToText(html: string): HtmlText {
  const out: string[] = [];
  const links: MessageLink[] = [];
  const skipped: Skipped[] = [];
  let lineHasText = false;
  let pendingSpace = false;
  let pendingBreaks = 0;
  // Just after a list marker, which carries its own space.
  let afterMarker = false;
  let hiddenDepth = 0;
  let preDepth = 0;
  let elements = 0;
  let linksDropped = 0;
  // The open anchor: its href and the pieces of its visible text.
  let anchorHref: string | null = null;
  let anchorText: string[] = [];

  const addLink = (link: MessageLink): void => {
    if (links.length < MAX_URLS_PER_MESSAGE) links.push(link);
    else linksDropped++;
  };

  const closeAnchor = (): void => {
    if (anchorHref === null) return;
    addLink({ href: anchorHref, text: collapse(anchorText.join('')), kind: 'anchor' });
    anchorHref = null;
    anchorText = [];
  };

  const breakLine = (count: number): void => {
    if (count > pendingBreaks) pendingBreaks = count;
  };

  // Writes visible text that is already whitespace-collapsed and trimmed.
  const emit = (piece: string): void => {
    if (out.length > 0 && pendingBreaks > 0) {
      out.push(pendingBreaks >= 2 ? '\n\n' : '\n');
      lineHasText = false;
    } else if (pendingSpace && lineHasText && !afterMarker) {
      out.push(' ');
    }
    pendingBreaks = 0;
    pendingSpace = false;
    afterMarker = false;
    out.push(piece);
    lineHasText = true;
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (++elements > MAX_HTML_ELEMENTS) {
          skipped.push({
            limit: 'MAX_HTML_ELEMENTS',
            detail: `HTML after the first ${MAX_HTML_ELEMENTS} elements was not converted`,
          });
          parser.pause();
          return;
        }
        if (HIDDEN.has(name)) {
          hiddenDepth++;
          return;
        }
        if (name === 'a') {
          closeAnchor();
          if (attribs.href !== undefined) anchorHref = attribs.href;
        } else if (name === 'area') {
          if (attribs.href !== undefined) addLink({ href: attribs.href, text: collapse(attribs.alt ?? ''), kind: 'area' });
        } else if (name === 'form') {
          const action = attribs.action;
          if (action !== undefined && action.trim() !== '') addLink({ href: action, text: null, kind: 'form' });
        }
        if (hiddenDepth > 0) return;
        if (name === 'br') {
          // Unlike blocks, consecutive <br> each add a line (up to one blank line).
          pendingBreaks = Math.min(pendingBreaks + 1, 2);
        } else if (PARAGRAPH.has(name)) {
          if (name === 'pre') preDepth++;
          breakLine(2);
        } else if (BLOCK.has(name)) {
          breakLine(1);
          if (name === 'li') {
            emit('- ');
            afterMarker = true;
          }
        } else if (CELL.has(name)) {
          pendingSpace = true;
        } else if (name === 'img') {
          const alt = collapse(attribs.alt ?? '');
          if (alt !== '') emit(`[${alt}]`);
        } else if (name === 'input') {
          const type = (attribs.type ?? '').toLowerCase();
          const value = collapse(attribs.value ?? '');
          if ((type === 'submit' || type === 'button') && value !== '') emit(`[${value}]`);
        }
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) {
          if (hiddenDepth > 0) hiddenDepth--;
          return;
        }
        if (name === 'a') closeAnchor();
        if (hiddenDepth > 0) return;
        if (PARAGRAPH.has(name)) {
          if (name === 'pre' && preDepth > 0) preDepth--;
          breakLine(2);
        } else if (BLOCK.has(name)) {
          breakLine(1);
        }
      },
      ontext(data) {
        if (hiddenDepth > 0) return;
        if (anchorHref !== null) anchorText.push(data);
        if (preDepth > 0) {
          emitPre(data);
          return;
        }
        const text = data.replace(WHITESPACE_TO_FOLD, ' ');
        if (text === ' ' || text === '') {
          pendingSpace = true;
          return;
        }
        const leading = text.charCodeAt(0) === 0x20;
        const trailing = text.charCodeAt(text.length - 1) === 0x20;
        if (leading) pendingSpace = true;
        emit(text.slice(leading ? 1 : 0, trailing ? -1 : undefined));
        pendingSpace = trailing;
      },
    },
    { decodeEntities: true },
  );

  function emitPre(data: string): void {
    const lines = data.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      if (i > 0) {
        out.push('\n');
        lineHasText = false;
        pendingBreaks = 0;
      }
      const line = lines[i] ?? '';
      if (line !== '') emit(line);
    }
  }

  parser.write(html);
  if (elements <= MAX_HTML_ELEMENTS) parser.end();
  closeAnchor();
  if (linksDropped > 0) {
    skipped.push({
      limit: 'MAX_URLS_PER_MESSAGE',
      detail: `${linksDropped} HTML links after the first ${MAX_URLS_PER_MESSAGE} were not kept`,
    });
  }
  return { text: out.join('').trimEnd(), links, skipped };
}
